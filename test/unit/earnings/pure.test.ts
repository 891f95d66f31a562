import { describe, expect, it } from "vitest";
import { bucketStart, bucketStarts } from "../../../main/earnings/buckets";
import type { LeaseSnapshot } from "../../../main/earnings/chain-reads";
import { floorDec, formatDec, microToUsd, parseDec, usdToMicro } from "../../../main/earnings/dec";
import type { LedgerRow } from "../../../main/earnings/ledger-repo";
import { accruedNow, blocksUntilDry } from "../../../main/earnings/lease-math";
import { DEFAULT_EARNINGS_SETTINGS } from "../../../main/earnings/settings-store";
import { summarize } from "../../../main/earnings/summarize";
import { toCsv } from "../../../main/earnings/tax-csv";
import { planWithdrawals } from "../../../main/earnings/withdraw-plan";

const lease = (dseq: string, rate: string, extra: Partial<LeaseSnapshot> = {}): LeaseSnapshot => ({
  key: { owner: "akash1tenant", dseq, gseq: 1, oseq: 1, provider: "akash1me", bseq: 0 },
  leaseId: `akash1tenant/${dseq}/1/1/akash1me`,
  state: "active",
  rate: parseDec(rate),
  createdHeight: 1,
  closedHeight: null,
  balance: 0n,
  withdrawn: 0n,
  denom: "uact",
  ...extra,
});

describe("decimals", () => {
  it("parses and formats chain decimals exactly", () => {
    expect(parseDec("12.5")).toBe(12_500_000_000_000_000_000n);
    expect(formatDec(parseDec("0.000000000000000001"))).toBe("0.000000000000000001");
    expect(formatDec(parseDec("1000.000000000000000000"))).toBe("1000");
    expect(floorDec(parseDec("7.99"))).toBe(7n);
    expect(usdToMicro("0.1234567")).toBe(123456n);
    expect(microToUsd(-1_500_000n)).toBe("-1.5");
  });

  it("fuzz: random text gives a value or a clear error, never a crash or a float", () => {
    const alphabet = "0123456789.-e+ xA";
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + Math.floor(Math.random() * 24) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
      try {
        const value = parseDec(text);
        expect(typeof value).toBe("bigint");
        expect(parseDec(formatDec(value))).toBe(value);
      } catch (error) {
        expect((error as Error).message).toMatch(/not a decimal number/);
      }
    }
  });
});

describe("lease arithmetic (lazy settlement)", () => {
  it("accrues rate × blocks since settlement, capped by the escrow's funds", () => {
    const l = lease("1", "2.5", { balance: parseDec("10.4") });
    expect(accruedNow(l, { settledAt: 100, funds: parseDec("1000") }, 110)).toBe(35n);
    expect(accruedNow(l, { settledAt: 100, funds: parseDec("5") }, 110)).toBe(15n);
    expect(accruedNow({ ...l, state: "closed" }, { settledAt: 100, funds: parseDec("1000") }, 110)).toBe(10n);
    expect(blocksUntilDry(l, { settledAt: 100, funds: parseDec("100") }, 110)).toBe(30);
    expect(blocksUntilDry(l, { settledAt: 100, funds: parseDec("10") }, 110)).toBe(0);
  });
});

describe("withdraw plan", () => {
  const base = { height: 1000, nowMs: 50 * 3_600_000, settings: DEFAULT_EARNINGS_SETTINGS, feePerLeaseUakt: 5_000n, aktUsd: parseDec("2") };
  const rich = { settledAt: 900, funds: parseDec("100000000") };

  it("withdraws due leases, skips early ones and those whose accrual would not cover the fee", () => {
    const leases = [lease("1", "1000"), lease("2", "1000"), lease("3", "50")];
    const accounts = new Map(leases.map((l) => [`akash1tenant/${l.key.dseq}`, rich]));
    const plan = planWithdrawals({ ...base, leases, accounts, lastWithdrawMs: (id) => (id.includes("/2/") ? base.nowMs - 3_600_000 : 0) });
    expect(plan.batches.flat().map((l) => l.key.dseq)).toEqual(["1"]);
    expect(plan.skipped.find((s) => s.leaseId.includes("/2/"))?.reason).toBe("not due yet");
    // 50 uact × 100 blocks = 5,000 µUSD < 5,000 uakt × $2 = 10,000 µUSD of fee.
    expect(plan.skipped.find((s) => s.leaseId.includes("/3/"))?.reason).toMatch(/would not cover/);
  });

  it("batches at most maxLeasesPerTx per transaction, those running dry first", () => {
    const leases = Array.from({ length: 7 }, (_, i) => lease(String(i + 1), "1000"));
    const accounts = new Map(leases.map((l, i) => [`akash1tenant/${l.key.dseq}`, i === 6 ? { settledAt: 900, funds: parseDec("150000") } : rich]));
    const plan = planWithdrawals({ ...base, settings: { ...DEFAULT_EARNINGS_SETTINGS, maxLeasesPerTx: 3 }, leases, accounts, lastWithdrawMs: () => 0 });
    expect(plan.batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(plan.batches[0]![0]!.key.dseq).toBe("7");
  });

  it("an overdrawn escrow is withdrawn even when the fee is larger (it settles and closes the lease)", () => {
    const l = lease("9", "1");
    const plan = planWithdrawals({ ...base, leases: [l], accounts: new Map([["akash1tenant/9", { settledAt: 990, funds: parseDec("3") }]]), lastWithdrawMs: () => base.nowMs });
    expect(plan.batches.flat()).toHaveLength(1);
  });
});

describe("buckets and summaries", () => {
  it("cuts hours, days, ISO weeks and months in UTC", () => {
    const t = Date.parse("2026-11-19T15:42:00Z"); // a Thursday
    expect(new Date(bucketStart(t, "hour")).toISOString()).toBe("2026-11-19T15:00:00.000Z");
    expect(new Date(bucketStart(t, "week")).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(new Date(bucketStart(t, "month")).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(bucketStarts(Date.parse("2026-01-01T00:00:00Z"), Date.parse("2027-01-01T00:00:00Z"), "month")).toHaveLength(12);
    expect(bucketStarts(Date.parse("2026-01-01T00:00:00Z"), Date.parse("2027-01-01T00:00:00Z"), "hour")).toHaveLength(8760);
  });

  it("sums accruals and electricity per bucket; the net is their difference", () => {
    const row = (iso: string, amount: bigint): LedgerRow => ({ leaseId: "l", kind: "accrual", detail: "", height: 1, atMs: Date.parse(iso), amount, denom: "uact", usdMicro: amount, uaktEquiv: amount / 2n, priceSource: "", txHash: "", dedupeKey: iso });
    const { buckets, totals } = summarize(
      [row("2026-11-19T01:00:00Z", 3_000_000n), row("2026-11-19T23:00:00Z", 1_000_000n), row("2026-11-20T05:00:00Z", 500_000n)],
      [{ startMs: Date.parse("2026-11-19T02:00:00Z"), usdMicro: 250_000n }],
      Date.parse("2026-11-19T00:00:00Z"),
      Date.parse("2026-11-21T00:00:00Z"),
      "day",
    );
    expect(buckets.map((b) => [b.earnedUact, b.electricityUsdMicro, b.netUsdMicro])).toEqual([
      ["4000000", "250000", "3750000"],
      ["500000", "0", "500000"],
    ]);
    expect(totals.earnedUakt).toBe(2_250_000n);
  });
});

describe("tax CSV", () => {
  it("writes one quoted line per row and neutralises spreadsheet formulas", () => {
    const csv = toCsv([
      { leaseId: "a/1/1/1/p", kind: "withdrawal", detail: "withdraw", height: 7, atMs: Date.parse("2026-11-19T01:00:00Z"), amount: 1_500_000n, denom: "uact", usdMicro: 1_500_000n, uaktEquiv: 0n, priceSource: "ACT≈$1, AKT $2", txHash: "AB", dedupeKey: "x" },
      { leaseId: "", kind: "fee", detail: "=cmd()", height: 8, atMs: Date.parse("2026-11-19T02:00:00Z"), amount: 5000n, denom: "uakt", usdMicro: 10_000n, uaktEquiv: 5000n, priceSource: "AKT $2", txHash: "CD", dedupeKey: "y" },
    ]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("date,lease_id,kind,amount,denom,usd_value,price_source,tx_hash,height,detail");
    expect(lines[1]).toBe('2026-11-19T01:00:00.000Z,a/1/1/1/p,withdrawal,1500000,uact,1.5,"ACT≈$1, AKT $2",AB,7,withdraw');
    expect(lines[2]).toBe("2026-11-19T02:00:00.000Z,,fee,-5000,uakt,-0.01,AKT $2,CD,8,'=cmd()");
  });
});
