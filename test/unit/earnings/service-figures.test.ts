import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EarningsService, EarningsSettingsStore, LedgerRepo, WithdrawTimer } from "../../../main/earnings";
import { PriceCache } from "../../../main/earnings/price-cache";
import { openDatabase, type Db } from "../../../main/store/database";
import { flatEnergy, GPU } from "./devnet-rig";

// The figures the UI asks for, from a seeded ledger and a flat electricity stand-in ($0.06/h:
// $0.05 on the GPU, $0.01 for the rest of the machine). No chain is needed for any of them.

let db: Db;
let repo: LedgerRepo;
let nowMs: number;
const PROVIDER = "akash1provider";
const LEASE = "akash1tenant/5/1/1/akash1provider";

function service(prices?: PriceCache, provider: () => string | null = () => PROVIDER) {
  return new EarningsService({
    repo,
    settings: new EarningsSettingsStore(db),
    network: () => "local",
    provider,
    pool: () => {
      throw new Error("no chain in this test");
    },
    txs: () => [],
    send: () => Promise.reject(new Error("no chain in this test")),
    energy: flatEnergy,
    leaseGpus: (id) => (id === LEASE ? [{ channel: GPU, startMs: Date.parse("2026-11-10T00:00:00Z"), endMs: Date.parse("2026-11-10T10:00:00Z") }] : []),
    now: () => new Date(nowMs),
    prices,
  });
}

beforeEach(() => {
  db = openDatabase(":memory:");
  repo = new LedgerRepo(db);
  nowMs = Date.parse("2026-11-11T00:00:00Z");
  // Ten days of 1 ACT per day, valued at $2/AKT (0.5 AKT each).
  for (let d = 1; d <= 10; d++) {
    const atMs = Date.parse(`2026-11-${String(d).padStart(2, "0")}T12:00:00Z`);
    repo.insert("local", PROVIDER, { leaseId: LEASE, kind: "accrual", detail: "", height: d * 100, atMs, amount: 1_000_000n, denom: "uact", usdMicro: 1_000_000n, uaktEquiv: 500_000n, priceSource: "test", txHash: "", dedupeKey: `a${d}` });
  }
  repo.upsertLease("local", PROVIDER, { leaseId: LEASE, owner: "akash1tenant", dseq: "5", state: "active", rate: "100", createdHeight: 100, closedHeight: null, balance: "0", withdrawn: "0", escrowFunds: "0", settledAt: 100, seenHeight: 1000, closePaid: "0" });
});
afterEach(() => db.close());

describe("earnings figures", () => {
  it("summary per day nets earnings against electricity", async () => {
    const s = await service().summary({ from: "2026-11-01T00:00:00.000Z", to: "2026-11-11T00:00:00.000Z", granularity: "day" });
    expect(s.buckets).toHaveLength(10);
    expect(s.buckets[0]).toMatchObject({ earnedUact: "1000000", electricityUsdMicro: "1440000", netUsdMicro: "-440000" });
    expect(s.totals.earnedUact).toBe("10000000");
    expect(s.totals.netUsdMicro).toBe(String(10_000_000 - 14_400_000));
    const weekly = await service().summary({ from: "2026-11-01T00:00:00.000Z", to: "2026-11-11T00:00:00.000Z", granularity: "week" });
    expect(weekly.buckets.map((b) => b.earnedUact)).toEqual(["1000000", "7000000", "2000000"]);
  });

  it("per lease: electricity of the GPU it held while it ran; per GPU: earnings split and the machine's rest", async () => {
    const range = { from: "2026-11-01T00:00:00.000Z", to: "2026-11-11T00:00:00.000Z" };
    const [row] = await service().leases(range);
    expect(row).toMatchObject({ leaseId: LEASE, earnedUact: "10000000", electricityUsdMicro: "500000", netUsdMicro: "9500000", gpus: [GPU] });
    const gpus = await service().gpus(range);
    expect(gpus.find((g) => g.gpu === GPU)).toMatchObject({ earnedUact: "10000000", electricityUsdMicro: "12000000" });
    expect(gpus.find((g) => g.gpu === "system")).toMatchObject({ earnedUact: "0", electricityUsdMicro: "2400000" });
  });

  it("break-even: the AKT price and GPU-hour price at which this month pays its electricity", async () => {
    const b = await service().breakEven();
    // 10 days × 24 h × $0.06 = $14.40 of electricity; earnings are 5 AKT → $2.88/AKT.
    expect(b.electricityUsdMicro).toBe("14400000");
    expect(b.aktUsd).toBe("2.88");
    expect(b.gpuCount).toBe(1);
    expect(b.gpuHours).toBe(240);
    expect(b.gpuHourUsd).toBe("0.06");
  });

  it("the CSV holds every row in range, and no wallet gives a clear error", async () => {
    const csv = service().exportCsv({ from: "2026-11-05T00:00:00.000Z", to: "2026-11-07T00:00:00.000Z" });
    expect(csv.rows).toBe(2);
    expect(csv.filename).toBe("akash-earnings-2026-11-05-to-2026-11-07.csv");
    const none = service(undefined, () => null);
    await expect(none.summary({ from: "2026-11-05T00:00:00.000Z", to: "2026-11-07T00:00:00.000Z", granularity: "day" })).rejects.toThrow(/no wallet yet/);
  });
});

describe("oracle price cache", () => {
  it("caches for the TTL, keeps the last price when the chain fails, and turns stale after an hour", async () => {
    let calls = 0;
    let fail = false;
    const cache = new PriceCache(repo, {
      network: () => "local",
      now: () => new Date(nowMs),
      fetch: async () => {
        calls++;
        if (fail) throw new Error("connection refused");
        return { usd: 2_500_000_000_000_000_000n, at: new Date(nowMs - 1000) };
      },
    });
    expect(await cache.current()).toMatchObject({ usd: "2.5", stale: false, error: null });
    await cache.current();
    expect(calls).toBe(1);
    fail = true;
    nowMs += 6 * 60_000;
    const failed = await cache.current();
    expect(failed).toMatchObject({ usd: "2.5", stale: false });
    expect(failed.error).toMatch(/connection refused/);
    nowMs += 60 * 60_000;
    expect((await cache.current()).stale).toBe(true);
  });
});

describe("withdraw timer", () => {
  it("ticks on its timer, never overlaps, logs failures", async () => {
    let fire: () => void = () => undefined;
    const logs: string[] = [];
    let running = 0;
    let release: () => void = () => undefined;
    const timer = new WithdrawTimer(
      async () => {
        running++;
        await new Promise<void>((r) => (release = r));
        throw new Error("rpc down");
      },
      (line) => logs.push(line),
      { setInterval: (fn) => ((fire = fn), 1), clearInterval: () => undefined },
    );
    timer.start(1000);
    fire();
    fire();
    expect(running).toBe(1);
    release();
    await new Promise((r) => setImmediate(r));
    expect(logs[0]).toMatch(/rpc down/);
    timer.stop();
  });
});
