import { QueryLeasesRequest, QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MsgBurnACT } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { abciQuery } from "../../../main/chain/abci-query";
import { encodeMsg } from "../../../main/chain/tx-queue";
import { LedgerRepo } from "../../../main/earnings";
import { openDatabase } from "../../../main/store/database";
import { expectOk, submit } from "../devnet/harness";
import { startRig, type Rig } from "./devnet-rig";

// The ledger against a real chain: leases created on the devnet accrue over produced blocks, are
// withdrawn through the tx queue and closed; the ledger's totals equal the chain's escrow payment
// figures and the provider's balance, and a ledger rebuilt from the chain alone gives the same totals.

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.stop();
});

async function payment(dseq: number) {
  const response = await abciQuery(rig.pool, "/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, { filters: { owner: rig.tenant.address, dseq: BigInt(dseq), provider: "", state: "", gseq: 0, oseq: 0, bseq: 0 } } as never, QueryLeasesResponse);
  const item = response.leases[0]!;
  return { state: item.lease!.state, withdrawn: BigInt(item.escrowPayment!.state!.withdrawn!.amount), rate: item.escrowPayment!.state!.rate!.amount };
}

async function uact(): Promise<bigint> {
  return BigInt((await rig.provider.client.getBalance(rig.provider.address, "uact")).amount);
}

const sums = (repo: LedgerRepo, id: string) => ({ accrued: repo.leaseSum(id, "accrual"), withdrawn: repo.leaseSum(id, "withdrawal") });

describe("earnings ledger on the devnet", () => {
  it("books accrual per block, the withdraw, the close and the fees; totals equal the chain's", async () => {
    const service = rig.service();
    const repo = new LedgerRepo(rig.db);
    const id = rig.leaseId(1);
    const balanceBefore = await uact();
    await rig.deploy(1, "1000", "50000000");
    const startHeight = rig.devnet.height;
    for (let i = 0; i < 20; i++) rig.devnet.produceBlock();

    const first = await service.reconcileNow();
    expect(first.leases).toBe(1);
    // Lazy settlement: nothing moved on chain yet, but 1000 uact per block since the lease started.
    const accrued = sums(repo, id).accrued;
    expect(accrued).toBe(1000n * BigInt(first.height - startHeight));
    expect((await payment(1)).withdrawn).toBe(0n);

    // A second pass at the same height books nothing twice.
    expect((await service.reconcileNow()).rowsAdded).toBe(0);

    const result = await service.withdraw(true);
    expect(result.withdrawn).toEqual([id]);
    expect(result.txHashes).toHaveLength(1);
    const afterWithdraw = await payment(1);
    expect(afterWithdraw.withdrawn).toBeGreaterThan(accrued);
    expect(sums(repo, id).withdrawn).toBe(afterWithdraw.withdrawn);
    expect(await uact()).toBe(balanceBefore + afterWithdraw.withdrawn);
    const withdrawalRow = repo.rows("local", rig.provider.address, 0, Date.now() + 86_400_000, ["withdrawal"])[0]!;
    expect(withdrawalRow.txHash).toBe(result.txHashes[0]);

    for (let i = 0; i < 7; i++) rig.devnet.produceBlock();
    expectOk(await submit(rig.devnet, rig.tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCloseLease", value: { id: { owner: rig.tenant.address, dseq: 1, gseq: 1, oseq: 1, provider: rig.provider.address, bseq: 0 }, reason: 1 } }]));
    await service.reconcileNow();
    const closed = await payment(1);
    expect(closed.state).not.toBe(1);
    const totals = sums(repo, id);
    // Everything earned was paid: ledger accruals = ledger withdrawals = chain withdrawn = balance gain.
    expect(totals.accrued).toBe(closed.withdrawn);
    expect(totals.withdrawn).toBe(closed.withdrawn);
    expect(await uact()).toBe(balanceBefore + closed.withdrawn);
    const lease = repo.lease(id)!;
    expect(lease.state).toBe("closed");
    expect(BigInt(lease.closePaid)).toBe(closed.withdrawn - afterWithdraw.withdrawn);

    // The bid's deposit was booked as locked when first seen, and as refunded once the lease closed.
    const deposits = repo.rows("local", rig.provider.address, 0, Date.now() + 86_400_000).filter((r) => r.leaseId === id && (r.kind === "deposit" || r.kind === "refund"));
    expect(deposits.map((r) => [r.kind, r.amount, r.denom])).toEqual([
      ["deposit", 500_000n, "uakt"],
      ["refund", 500_000n, "uakt"],
    ]);

    // Fees of our own transactions (provider create, bid, withdraw) are booked once each, in uakt.
    const fees = repo.rows("local", rig.provider.address, 0, Date.now() + 86_400_000, ["fee"]);
    expect(fees.map((f) => f.detail).sort()).toEqual(["bid.create", "earnings.withdraw", "provider.create"]);
    expect(fees.every((f) => f.denom === "uakt" && f.amount > 0n && f.usdMicro > 0n)).toBe(true);

    // Summary and CSV agree with the ledger.
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const summary = await service.summary({ from, to, granularity: "day" });
    expect(BigInt(summary.totals.earnedUact)).toBe(closed.withdrawn);
    expect(BigInt(summary.totals.earnedUsdMicro)).toBe(closed.withdrawn);
    // At the devnet's fixed $2 AKT, the earnings are worth half as many uakt.
    expect(BigInt(summary.totals.earnedUakt)).toBe(closed.withdrawn / 2n);
    const csv = service.exportCsv({ from, to });
    expect(csv.csv).toContain(`withdrawal,${afterWithdraw.withdrawn}`);
    expect(csv.csv).toContain(result.txHashes[0]!);

    // Rebuild: a fresh database, one reconcile from the chain alone, same totals.
    const fresh = openDatabase(":memory:");
    try {
      await rig.service(fresh).reconcileNow();
      const rebuilt = sums(new LedgerRepo(fresh), id);
      expect(rebuilt).toEqual(totals);
    } finally {
      fresh.close();
    }
  });

  it("books an ACT→AKT conversion the BME executed, with its price", async () => {
    const service = rig.service();
    const repo = new LedgerRepo(rig.db);
    await rig.queue.submit({ kind: "treasury.burnAct", messages: [encodeMsg(MsgBurnACT, { owner: rig.provider.address, to: rig.provider.address, coinsToBurn: { denom: "uact", amount: "10000" } })] });
    for (let i = 0; i < 3; i++) rig.devnet.produceBlock();
    await service.reconcileNow();
    const [conversion] = repo.rows("local", rig.provider.address, 0, Date.now() + 86_400_000, ["conversion"]);
    expect(conversion).toMatchObject({ amount: 10_000n, denom: "uact", usdMicro: 10_000n });
    // At $2 per AKT, 10,000 uact ($0.01) mint about 5,000 uakt (the BME's spread may take a little).
    expect(conversion!.uaktEquiv).toBeGreaterThan(4_900n);
    expect(conversion!.uaktEquiv).toBeLessThanOrEqual(5_000n);
    expect(conversion!.priceSource).toMatch(/^BME at oracle \$2/);
    expect((await service.reconcileNow()).rowsAdded).toBe(0);
  });

  it("the scheduler batches due leases into one tx and withdraws a lease about to run dry at once", async () => {
    const service = rig.service();
    const repo = new LedgerRepo(rig.db);
    await rig.deploy(2, "1000", "50000000");
    await rig.deploy(3, "1000", "50000000");
    await rig.deploy(4, "10000", "500000"); // 50 blocks of funds: inside the 600-block warning

    for (let i = 0; i < 5; i++) rig.devnet.produceBlock();
    const first = await service.withdraw(false);
    expect(first.withdrawn).toEqual([rig.leaseId(4)]);
    expect(first.skipped.filter((s) => s.reason === "not due yet").map((s) => s.leaseId).sort()).toEqual([rig.leaseId(2), rig.leaseId(3)].sort());

    // Twelve hours later both are due: one transaction carries both MsgWithdrawLease.
    rig.clock.ms += 12 * 3_600_000;
    for (let i = 0; i < 5; i++) rig.devnet.produceBlock();
    const second = await service.withdraw(false);
    expect(second.withdrawn.sort()).toEqual([rig.leaseId(2), rig.leaseId(3), rig.leaseId(4)].sort());
    expect(second.txHashes).toHaveLength(1);
    for (const dseq of [2, 3]) {
      const p = await payment(dseq);
      expect(p.withdrawn).toBeGreaterThan(0n);
      expect(sums(repo, rig.leaseId(dseq)).withdrawn).toBe(p.withdrawn);
    }
    const rows = repo.rows("local", rig.provider.address, 0, Date.now() + 86_400_000, ["withdrawal"]).filter((r) => r.txHash === second.txHashes[0]);
    expect(rows.length).toBeGreaterThanOrEqual(2);

    // Right after, nothing is due again.
    const third = await service.withdraw(false);
    expect(third.txHashes).toEqual([]);
  });
});
