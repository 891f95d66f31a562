import { MsgWithdrawLease } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { ChainTx } from "../../common/chain-schemas";
import type { BreakEven, ElectricityConversion, EarningsQuery, EarningsRange, EarningsSettings, EarningsSummary, LeaseEarnings, WithdrawResult, WithdrawSchedule } from "../../common/earnings-schemas";
import { ContractFailure } from "../../common/envelope";
import type { EnergyQuery, EnergyReport } from "../../common/hardware-schemas";
import { encodeMsg, type TxRequest } from "../chain/tx-queue";
import type { RpcPool } from "../chain/rpc-pool";
import { queryConversions, queryProviderBids } from "./bme-and-bid-reads";
import { latestBlock, queryAktPrice, queryDeploymentAccount, queryProviderLeases, type EscrowAccountSnapshot } from "./chain-reads";
import { DEC_SCALE, formatDec, parseDec } from "./dec";
import { conversionFor, costToUsdMicro, includesElectricity, type TariffCurrency } from "./electricity-currency";
import { LedgerRepo } from "./ledger-repo";
import { PriceCache } from "./price-cache";
import { accountKey, reconcile, type ChainView } from "./reconcile";
import type { EarningsSettingsStore } from "./settings-store";
import { summarize, type CostPoint } from "./summarize";
import { toCsv } from "./tax-csv";
import { planWithdrawals } from "./withdraw-plan";

// The earnings service: reads the chain, reconciles the ledger, runs the withdraw scheduler and
// answers the figures the UI asks for. Everything it touches comes in through EarningsDeps.

export interface LeaseGpuInterval {
  channel: string;
  startMs: number;
  endMs: number | null;
}

export interface EarningsDeps {
  repo: LedgerRepo;
  settings: EarningsSettingsStore;
  network: () => string;
  /** The provider address, or null before a wallet exists. */
  provider: () => string | null;
  pool: () => RpcPool;
  txs: () => readonly ChainTx[];
  /** Sends one transaction through the app's tx queue for this signer. */
  send: (request: TxRequest) => Promise<ChainTx>;
  energy: (query: EnergyQuery) => EnergyReport;
  /** The owner's tariff (its currency and exchange rate to USD); absent or null: costs are USD or none. */
  tariff?: () => TariffCurrency | null;
  leaseGpus: (leaseId: string) => LeaseGpuInterval[];
  now: () => Date;
  prices?: PriceCache;
  /** Fee one MsgWithdrawLease adds, uakt (default 5,000 = 0.005 AKT). */
  feePerLeaseUakt?: bigint;
  log?: (line: string) => void;
}

export class EarningsService {
  readonly prices: PriceCache;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: EarningsDeps) {
    this.prices =
      d.prices ??
      new PriceCache(d.repo, {
        network: d.network,
        now: d.now,
        fetch: () => queryAktPrice(d.pool()),
      });
  }

  private requireProvider(): string {
    const provider = this.d.provider();
    if (!provider) throw new ContractFailure("NOT_FOUND", "There is no wallet yet, so there are no earnings to read. Create or import a wallet first.");
    return provider;
  }

  /** One consistent read of the chain: latest block, our leases, their deployment accounts, price. */
  async chainView(provider: string): Promise<ChainView> {
    const pool = this.d.pool();
    const block = await latestBlock(pool);
    const leases = await queryProviderLeases(pool, provider);
    const accounts = new Map<string, EscrowAccountSnapshot | null>();
    for (const lease of leases) {
      if (lease.state !== "active" || accounts.has(accountKey(lease))) continue;
      accounts.set(accountKey(lease), await queryDeploymentAccount(pool, lease.key.owner, lease.key.dseq, lease.denom));
    }
    const bids = await queryProviderBids(pool, provider);
    const conversions = await queryConversions(pool, provider);
    const price = await this.prices.current();
    return { height: block.height, time: block.time, leases, accounts, bids, conversions, aktUsd: price.usd ? parseDec(price.usd) : 0n, priceAsOf: price.asOf };
  }

  /** Books what the chain shows; serialized so two callers never interleave. */
  reconcileNow(hints?: ReadonlyMap<string, string>): Promise<{ height: number; at: string; rowsAdded: number; leases: number }> {
    const run = this.running.then(async () => {
      const provider = this.requireProvider();
      const view = await this.chainView(provider);
      const { rowsAdded } = reconcile(this.d.repo, { network: this.d.network(), provider, view, txs: this.d.txs(), withdrawHints: hints });
      return { height: view.height, at: view.time.toISOString(), rowsAdded, leases: view.leases.length };
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** The scheduler's pass: withdraw what is due (or everything with accruals when forced). */
  async withdraw(force = false): Promise<WithdrawResult> {
    const provider = this.requireProvider();
    const settings = this.d.settings.get();
    // Book first, so every lease has a record whose schedule starts when it was first seen.
    await this.reconcileNow();
    const view = await this.chainView(provider);
    const nowMs = this.d.now().getTime();
    const plan = planWithdrawals({
      leases: view.leases,
      accounts: view.accounts,
      height: view.height,
      nowMs,
      settings,
      force,
      aktUsd: view.aktUsd,
      feePerLeaseUakt: this.d.feePerLeaseUakt ?? 5_000n,
      lastWithdrawMs: (id) => {
        const record = this.d.repo.lease(id);
        if (record && record.lastWithdrawMs !== null) return record.lastWithdrawMs;
        // The schedule of a lease starts when we first see it.
        if (record) this.d.repo.markWithdrawn(id, nowMs);
        return nowMs;
      },
    });
    const result: WithdrawResult = { withdrawn: [], skipped: plan.skipped, txHashes: [] };
    const hints = new Map<string, string>();
    for (const batch of plan.batches) {
      const messages = batch.map((lease) =>
        encodeMsg(MsgWithdrawLease, { id: { owner: lease.key.owner, dseq: BigInt(lease.key.dseq), gseq: lease.key.gseq, oseq: lease.key.oseq, provider: lease.key.provider, bseq: lease.key.bseq } }),
      );
      try {
        const tx = await this.d.send({ kind: "earnings.withdraw", messages, memo: `withdraw ${batch.length} lease(s)` });
        result.txHashes.push(tx.hash);
        for (const lease of batch) {
          hints.set(lease.leaseId, tx.hash);
          result.withdrawn.push(lease.leaseId);
          this.d.repo.markWithdrawn(lease.leaseId, nowMs);
        }
      } catch (error) {
        // One failed batch does not stop the others; its leases are tried again next pass.
        const reason = `withdraw failed: ${(error as Error).message}`;
        for (const lease of batch) result.skipped.push({ leaseId: lease.leaseId, reason });
        this.d.log?.(`[earnings] ${reason}`);
      }
    }
    await this.reconcileNow(hints);
    return result;
  }

  /** One scheduler tick: reconcile, then withdraw what is due when auto-withdraw is on. */
  async tick(): Promise<void> {
    if (!this.d.provider()) return;
    if (this.d.settings.get().autoWithdraw) await this.withdraw(false);
    else await this.reconcileNow();
  }

  /** How this energy report's costs become USD, from the tariff's currency and the owner's rate. */
  private conversion(report: EnergyReport): ElectricityConversion {
    return conversionFor(report.currency, this.d.tariff?.() ?? null);
  }

  private electricity(fromMs: number, toMs: number): { costs: CostPoint[]; currency: string | null; conversion: ElectricityConversion } {
    const report = this.d.energy({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), groupBy: "hour" });
    const conversion = this.conversion(report);
    return {
      currency: report.currency,
      conversion,
      costs: report.buckets.filter((b) => b.cost !== null).map((b) => ({ startMs: Date.parse(b.start), usdMicro: costToUsdMicro(b.cost, conversion) })),
    };
  }

  async summary(query: EarningsQuery): Promise<EarningsSummary> {
    const provider = this.requireProvider();
    const fromMs = Date.parse(query.from);
    const toMs = Date.parse(query.to);
    const rows = this.d.repo.rows(this.d.network(), provider, fromMs, toMs);
    const { costs, currency, conversion } = this.electricity(fromMs, toMs);
    const { buckets, totals } = summarize(rows, costs, fromMs, toMs, query.granularity);
    const fees = rows.filter((r) => r.kind === "fee").reduce((s, r) => s + r.usdMicro, 0n);
    const reconciled = this.d.repo.reconciled(this.d.network(), provider);
    return {
      from: query.from,
      to: query.to,
      granularity: query.granularity,
      buckets,
      totals: {
        earnedUact: totals.earnedUact.toString(),
        earnedUakt: totals.earnedUakt.toString(),
        earnedUsdMicro: totals.earnedUsdMicro.toString(),
        electricityUsdMicro: totals.electricityUsdMicro.toString(),
        netUsdMicro: (totals.earnedUsdMicro - totals.electricityUsdMicro - fees).toString(),
        feesUsdMicro: fees.toString(),
      },
      currency,
      electricity: conversion,
      price: this.prices.view(),
      reconciledHeight: reconciled?.height ?? null,
      reconciledAt: reconciled ? new Date(reconciled.atMs).toISOString() : null,
    };
  }

  /** Electricity of the GPUs a lease held, while it ran, inside [fromMs, toMs). */
  private leaseElectricity(leaseId: string, fromMs: number, toMs: number): { usdMicro: bigint; converted: boolean; gpus: string[] } {
    const intervals = this.d.leaseGpus(leaseId);
    let usd = 0n;
    let converted = true;
    for (const interval of intervals) {
      const start = Math.max(interval.startMs, fromMs);
      const end = Math.min(interval.endMs ?? toMs, toMs, this.d.now().getTime());
      if (end <= start) continue;
      const report = this.d.energy({ from: new Date(start).toISOString(), to: new Date(end).toISOString(), groupBy: "none" });
      const conversion = this.conversion(report);
      if (!includesElectricity(conversion)) converted = false;
      usd += costToUsdMicro(report.channels.find((c) => c.channel === interval.channel)?.cost ?? null, conversion);
    }
    return { usdMicro: usd, converted, gpus: [...new Set(intervals.map((i) => i.channel).filter((c) => c !== "system"))] };
  }

  async leases(range: EarningsRange): Promise<LeaseEarnings[]> {
    const provider = this.requireProvider();
    const fromMs = Date.parse(range.from);
    const toMs = Date.parse(range.to);
    const earned = new Map<string, bigint>();
    for (const row of this.d.repo.rows(this.d.network(), provider, fromMs, toMs, ["accrual"])) earned.set(row.leaseId, (earned.get(row.leaseId) ?? 0n) + row.amount);
    return this.d.repo
      .leases(this.d.network(), provider)
      .filter((l) => earned.has(l.leaseId) || l.state === "active")
      .map((l) => {
        const elec = this.leaseElectricity(l.leaseId, fromMs, toMs);
        const e = earned.get(l.leaseId) ?? 0n;
        return {
          leaseId: l.leaseId,
          owner: l.owner,
          dseq: l.dseq,
          state: (["active", "insufficient_funds", "closed"].includes(l.state) ? l.state : "invalid") as LeaseEarnings["state"],
          rateUactPerBlock: l.rate,
          createdHeight: l.createdHeight,
          closedHeight: l.closedHeight,
          earnedUact: e.toString(),
          withdrawnUact: l.withdrawn,
          accruedUact: l.balance,
          closePaidUact: l.closePaid,
          electricityUsdMicro: elec.usdMicro.toString(),
          electricityConverted: elec.converted,
          netUsdMicro: (e - elec.usdMicro).toString(),
          gpus: elec.gpus,
        };
      });
  }

  async gpus(range: EarningsRange): Promise<{ gpu: string; earnedUact: string; electricityUsdMicro: string; electricityConverted: boolean; netUsdMicro: string }[]> {
    const leases = await this.leases(range);
    const report = this.d.energy({ from: range.from, to: range.to, groupBy: "none" });
    const conversion = this.conversion(report);
    const per = new Map<string, { earned: bigint; elec: bigint }>();
    const slot = (gpu: string) => per.get(gpu) ?? per.set(gpu, { earned: 0n, elec: 0n }).get(gpu)!;
    for (const channel of report.channels) slot(channel.channel).elec += costToUsdMicro(channel.cost, conversion);
    for (const lease of leases) {
      // A lease's earnings are split evenly across the GPUs it held; CPU-only leases go to "system".
      const gpus = lease.gpus.length > 0 ? lease.gpus : ["system"];
      const earned = BigInt(lease.earnedUact);
      gpus.forEach((gpu, i) => (slot(gpu).earned += earned / BigInt(gpus.length) + (i === 0 ? earned % BigInt(gpus.length) : 0n)));
    }
    const converted = includesElectricity(conversion);
    return [...per.entries()].map(([gpu, v]) => ({ gpu, earnedUact: v.earned.toString(), electricityUsdMicro: v.elec.toString(), electricityConverted: converted, netUsdMicro: (v.earned - v.elec).toString() }));
  }

  async breakEven(): Promise<BreakEven> {
    const provider = this.requireProvider();
    const now = this.d.now();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const toMs = Math.max(now.getTime(), monthStart + 1);
    const rows = this.d.repo.rows(this.d.network(), provider, monthStart, toMs, ["accrual"]);
    const earnedUact = rows.reduce((s, r) => s + r.amount, 0n);
    const earnedUakt = rows.reduce((s, r) => s + r.uaktEquiv, 0n);
    const report = this.d.energy({ from: new Date(monthStart).toISOString(), to: new Date(toMs).toISOString(), groupBy: "none" });
    const conversion = this.conversion(report);
    const converted = includesElectricity(conversion);
    const elec = costToUsdMicro(report.total.cost, conversion);
    const gpuCount = report.channels.filter((c) => c.channel !== "system").length;
    const hours = (toMs - monthStart) / 3_600_000;
    const gpuHours = gpuCount * hours;
    // USD/AKT = electricity µUSD / earnings uakt (both ×10^6): the scale cancels.
    // Without a rate the electricity is unknown in USD: no break-even rather than a wrong one.
    const aktUsd = converted && earnedUakt > 0n ? formatDec((elec * DEC_SCALE) / earnedUakt, 6) : null;
    // Per GPU-hour in µUSD, computed on integer milli-hours to stay exact.
    const milliGpuHours = BigInt(Math.round(gpuHours * 1000));
    const gpuHourUsd = converted && milliGpuHours > 0n ? formatDec((elec * 1000n * 10n ** 12n) / milliGpuHours, 6) : null;
    return {
      monthStart: new Date(monthStart).toISOString(),
      earnedUact: earnedUact.toString(),
      earnedUakt: earnedUakt.toString(),
      electricityUsdMicro: elec.toString(),
      aktUsd,
      gpuCount,
      gpuHours: Math.round(gpuHours * 1000) / 1000,
      gpuHourUsd,
      electricity: conversion,
      price: this.prices.view(),
    };
  }

  exportCsv(range: EarningsRange): { filename: string; csv: string; rows: number } {
    const provider = this.requireProvider();
    const rows = this.d.repo.rows(this.d.network(), provider, Date.parse(range.from), Date.parse(range.to));
    return { filename: `akash-earnings-${range.from.slice(0, 10)}-to-${range.to.slice(0, 10)}.csv`, csv: toCsv(rows), rows: rows.length };
  }

  settings(): EarningsSettings {
    return this.d.settings.get();
  }

  updateSettings(patch: Partial<EarningsSettings>): EarningsSettings {
    return this.d.settings.update(patch);
  }

  /** When the scheduler will next withdraw on schedule, from the same records its passes use. */
  schedule(): WithdrawSchedule {
    const settings = this.d.settings.get();
    const provider = this.d.provider();
    const active = provider ? this.d.repo.leases(this.d.network(), provider).filter((l) => l.state === "active") : [];
    const base = { autoWithdraw: settings.autoWithdraw, withdrawEveryHours: settings.withdrawEveryHours, activeLeases: active.length };
    if (!settings.autoWithdraw || active.length === 0) return { ...base, nextDueAt: null };
    const nowMs = this.d.now().getTime();
    const everyMs = settings.withdrawEveryHours * 3_600_000;
    // A lease not stamped yet starts its schedule at the scheduler's next pass (within minutes): now.
    const due = Math.min(...active.map((l) => (l.lastWithdrawMs ?? nowMs) + everyMs));
    return { ...base, nextDueAt: new Date(Math.max(due, nowMs)).toISOString() };
  }
}
