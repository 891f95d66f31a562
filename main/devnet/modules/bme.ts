import {
  EventLedgerRecordExecuted,
  LedgerRecordStatus,
  MintStatus,
  MsgBurnACT,
  MsgBurnACTResponse,
  MsgBurnMint,
  MsgBurnMintResponse,
  MsgMintACT,
  MsgMintACTResponse,
  QueryLedgerRecordsRequest,
  QueryLedgerRecordsResponse,
  QueryParamsResponse,
  QueryStatusResponse,
  QueryVaultStateResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { typedEvent } from "../chain/events";
import { paginate } from "../chain/pagination";
import type { MsgContext, MsgHandler, QueryRoutes } from "../chain/types";
import type { Store, Table } from "../state/store";
import { checkAddress, moduleAddress } from "../util/address";
import { decDiv, decFloor, decFromInt, decMul, formatDec } from "../util/dec";
import type { BankModule } from "./bank";
import { checkCoin } from "./bank";
import { bmeErr } from "./module-errors";
import type { OracleModule } from "./oracle";

export interface BmeParams {
  minEpochBlocks: number;
  mintSpreadBps: number;
  settleSpreadBps: number;
  maxEndblockerRecords: number;
  /** Minimum ACT output of a mint, in uact (10 ACT on mainnet). */
  minMintUact: bigint;
}

export const DEFAULT_BME_PARAMS: BmeParams = { minEpochBlocks: 10, mintSpreadBps: 25, settleSpreadBps: 0, maxEndblockerRecords: 50, minMintUact: 10_000_000n };

interface LedgerRec {
  sequence: number;
  height: number;
  owner: string;
  to: string;
  burnDenom: string;
  burnAmount: string;
  mintDenom: string;
  status: "pending" | "executed";
  minted?: string;
  price?: string;
  executedHeight?: number;
}

export const BME_MODULE = moduleAddress("bme");

/**
 * Burn-Mint Equilibrium: uakt → uact (MsgMintACT) and uact → uakt (MsgBurnACT). The burn happens at
 * once, the mint at the next epoch at the oracle price, as on mainnet. Pending records form a FIFO
 * queue, and an epoch executes at most maxEndblockerRecords of them (bounded per-block work).
 */
export class BmeModule {
  private readonly ledger: Table<LedgerRec>;
  private readonly meta: Table<number>;
  private readonly totals: Table<string>;

  constructor(
    store: Store,
    readonly params: BmeParams,
    private readonly bank: BankModule,
    private readonly oracle: OracleModule,
  ) {
    this.ledger = store.table<LedgerRec>("bme.ledger");
    this.meta = store.table<number>("bme.meta");
    this.totals = store.table<string>("bme.totals");
  }

  private enqueue(owner: string, to: string, burnDenom: string, burnAmount: bigint, mintDenom: string, ctx: MsgContext): LedgerRec {
    checkAddress(owner, "owner");
    checkAddress(to || owner, "to");
    const sequence = (this.meta.get("nextSequence") ?? 1);
    this.meta.put("nextSequence", sequence + 1);
    if (this.meta.get("head") === undefined) this.meta.put("head", sequence);
    this.bank.transfer(owner, BME_MODULE, burnDenom, burnAmount, ctx);
    const record: LedgerRec = { sequence, height: ctx.height, owner, to: to || owner, burnDenom, burnAmount: burnAmount.toString(), mintDenom, status: "pending" };
    this.ledger.put(String(sequence).padStart(12, "0"), record);
    return record;
  }

  private route(owner: string, to: string, coin: { denom: string; amount: string } | undefined, mintDenom: string, ctx: MsgContext): LedgerRec {
    const { denom, amount } = checkCoin(coin, "coins_to_burn");
    if (amount === 0n) throw bmeErr.belowMinimum("nothing to burn");
    if (!((denom === "uakt" && mintDenom === "uact") || (denom === "uact" && mintDenom === "uakt"))) {
      throw bmeErr.invalidDenom(`only uakt→uact and uact→uakt are valid, got ${denom}→${mintDenom}`);
    }
    if (mintDenom === "uact" && this.convert(denom, amount, mintDenom) < this.params.minMintUact) {
      throw bmeErr.belowMinimum(`minting ACT needs at least ${this.params.minMintUact}uact of output`);
    }
    return this.enqueue(owner, to, denom, amount, mintDenom, ctx);
  }

  /** Output of a burn at the current oracle price, after the spread. */
  convert(burnDenom: string, amount: bigint, mintDenom: string): bigint {
    const price = this.oracle.aktPrice();
    if (burnDenom === "uakt" && mintDenom === "uact") {
      const gross = decMul(decFromInt(amount), price);
      return decFloor((gross * BigInt(10_000 - this.params.mintSpreadBps)) / 10_000n);
    }
    const gross = decDiv(decFromInt(amount), price);
    return decFloor((gross * BigInt(10_000 - this.params.settleSpreadBps)) / 10_000n);
  }

  private response(record: LedgerRec) {
    return {
      id: { denom: record.burnDenom, toDenom: record.mintDenom, source: record.owner, height: record.height, sequence: record.sequence },
      status: LedgerRecordStatus.ledger_record_status_pending,
    };
  }

  endBlock(ctx: MsgContext): void {
    if (ctx.height % Math.max(1, this.params.minEpochBlocks) !== 0) return;
    let head = this.meta.get("head");
    const next = this.meta.get("nextSequence") ?? 1;
    if (head === undefined) return;
    let executed = 0;
    while (head < next && executed < this.params.maxEndblockerRecords) {
      const key = String(head).padStart(12, "0");
      const record = this.ledger.get(key);
      head++;
      if (!record || record.status !== "pending") continue;
      const minted = this.convert(record.burnDenom, BigInt(record.burnAmount), record.mintDenom);
      this.bank.mint(record.to, record.mintDenom, minted, ctx);
      this.bank.burn(BME_MODULE, record.burnDenom, BigInt(record.burnAmount));
      this.addTotal(`burned/${record.burnDenom}`, BigInt(record.burnAmount));
      this.addTotal(`minted/${record.mintDenom}`, minted);
      const price = formatDec(this.oracle.aktPrice());
      this.ledger.put(key, { ...record, status: "executed", minted: minted.toString(), price, executedHeight: ctx.height });
      ctx.emit(
        typedEvent(
          EventLedgerRecordExecuted,
          EventLedgerRecordExecuted.fromPartial({ id: { denom: record.burnDenom, toDenom: record.mintDenom, source: record.owner, height: record.height, sequence: record.sequence } }),
        ),
      );
      executed++;
    }
    this.meta.put("head", head);
  }

  private addTotal(key: string, amount: bigint): void {
    this.totals.put(key, (BigInt(this.totals.get(key) ?? "0") + amount).toString());
  }

  handlers(): MsgHandler[] {
    const mint: MsgHandler<MsgMintACT> = {
      typeUrl: `/${MsgMintACT.$type}`,
      decode: (b) => MsgMintACT.decode(b),
      signers: (m) => [m.owner],
      gas: 40_000,
      module: "bme",
      handle: (msg, ctx) => {
        const record = this.route(msg.owner, msg.to, msg.coinsToBurn, "uact", ctx);
        return { typeUrl: `/${MsgMintACTResponse.$type}`, value: MsgMintACTResponse.encode(MsgMintACTResponse.fromPartial(this.response(record))).finish() };
      },
    };
    const burn: MsgHandler<MsgBurnACT> = {
      typeUrl: `/${MsgBurnACT.$type}`,
      decode: (b) => MsgBurnACT.decode(b),
      signers: (m) => [m.owner],
      gas: 40_000,
      module: "bme",
      handle: (msg, ctx) => {
        const record = this.route(msg.owner, msg.to, msg.coinsToBurn, "uakt", ctx);
        return { typeUrl: `/${MsgBurnACTResponse.$type}`, value: MsgBurnACTResponse.encode(MsgBurnACTResponse.fromPartial(this.response(record))).finish() };
      },
    };
    const burnMint: MsgHandler<MsgBurnMint> = {
      typeUrl: `/${MsgBurnMint.$type}`,
      decode: (b) => MsgBurnMint.decode(b),
      signers: (m) => [m.owner],
      gas: 40_000,
      module: "bme",
      handle: (msg, ctx) => {
        const record = this.route(msg.owner, msg.to, msg.coinsToBurn, msg.denomToMint, ctx);
        return { typeUrl: `/${MsgBurnMintResponse.$type}`, value: MsgBurnMintResponse.encode(MsgBurnMintResponse.fromPartial(this.response(record))).finish() };
      },
    };
    return [mint, burn, burnMint] as MsgHandler[];
  }

  routes(): QueryRoutes {
    const coins = (prefix: string) =>
      [...this.totals.entries()].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => ({ denom: k.slice(prefix.length), amount: v }));
    return {
      "/akash.bme.v1.Query/Params": () =>
        QueryParamsResponse.encode(
          QueryParamsResponse.fromPartial({
            params: {
              circuitBreakerWarnThreshold: 9500,
              circuitBreakerHaltThreshold: 9000,
              minEpochBlocks: this.params.minEpochBlocks,
              epochBlocksBackoffPercent: 10,
              mintSpreadBps: this.params.mintSpreadBps,
              settleSpreadBps: this.params.settleSpreadBps,
              maxEndblockerRecords: this.params.maxEndblockerRecords,
            },
          }),
        ).finish(),
      "/akash.bme.v1.Query/VaultState": () =>
        QueryVaultStateResponse.encode(
          QueryVaultStateResponse.fromPartial({
            vaultState: { balances: this.bank.all(BME_MODULE), totalBurned: coins("burned/"), totalMinted: coins("minted/"), remintCredits: [] },
          }),
        ).finish(),
      "/akash.bme.v1.Query/Status": () =>
        QueryStatusResponse.encode(
          QueryStatusResponse.fromPartial({
            status: MintStatus.mint_status_healthy,
            collateralRatio: formatDec(decFromInt(1n)),
            warnThreshold: "0.950000000000000000",
            haltThreshold: "0.900000000000000000",
            mintsAllowed: true,
            refundsAllowed: true,
          }),
        ).finish(),
      "/akash.bme.v1.Query/LedgerRecords": (data) => {
        const { filters, pagination } = QueryLedgerRecordsRequest.decode(data);
        const list = [...this.ledger.values()].filter(
          (r) =>
            (!filters?.source || r.owner === filters.source) &&
            (!filters?.denom || r.burnDenom === filters.denom) &&
            (!filters?.toDenom || r.mintDenom === filters.toDenom) &&
            (!filters?.status || filters.status === `ledger_record_status_${r.status}` || filters.status === r.status),
        );
        const page = paginate(list, pagination);
        return QueryLedgerRecordsResponse.encode(
          QueryLedgerRecordsResponse.fromPartial({
            records: page.items.map((r) => {
              const id = { denom: r.burnDenom, toDenom: r.mintDenom, source: r.owner, height: r.height, sequence: r.sequence };
              const pendingRecord = { owner: r.owner, to: r.to, coinsToBurn: { denom: r.burnDenom, amount: r.burnAmount }, denomToMint: r.mintDenom };
              return r.status === "pending"
                ? { id, status: LedgerRecordStatus.ledger_record_status_pending, pendingRecord }
                : {
                    id,
                    status: LedgerRecordStatus.ledger_record_status_executed,
                    executedRecord: {
                      burnedFrom: r.owner,
                      mintedTo: r.to,
                      burner: r.owner,
                      minter: r.to,
                      burned: { coin: { denom: r.burnDenom, amount: r.burnAmount }, price: r.price ?? "0" },
                      minted: { coin: { denom: r.mintDenom, amount: r.minted ?? "0" }, price: r.price ?? "0" },
                    },
                  };
            }),
            pagination: page.pagination,
          }),
        ).finish();
      },
    };
  }
}
