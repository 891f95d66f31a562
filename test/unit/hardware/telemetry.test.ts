import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnergyReport, type Tariff } from "../../../common/hardware-schemas";
import { queryEnergy } from "../../../main/hardware/energy-query";
import type { ProcessRunner } from "../../../main/hardware/process-runner";
import { TelemetrySampler } from "../../../main/hardware/telemetry-sampler";
import { DAY_MS, HOUR_MS, MINUTE_MS, SYSTEM_CHANNEL, TelemetryStore } from "../../../main/hardware/telemetry-store";
import { openDatabase, type Db } from "../../../main/store/database";
import { exited, fakeRunner } from "./fakes";
import { ManualTimer } from "./manual-timer";

const T0 = Date.parse("2026-11-02T00:00:00Z"); // a Monday
const GPU0 = "0000:01:00.0";
const GPU1 = "0000:02:00.0";

let db: Db;
let store: TelemetryStore;
let clock: number;
let timer: ManualTimer;
let settings: { intervalSeconds: number; systemBaselineWatts: number | null; cpuTdpWatts: number };
let gpuCsv: string;

function sampler(runner: ProcessRunner = fakeRunner({ "nvidia-smi --query-gpu": () => exited(gpuCsv) }), cpuLoad: () => number | null = () => 0.5) {
  return new TelemetrySampler({ runner, store, clock: () => clock, timer, cpuLoad, settings: () => settings });
}

/** Runs the sampler every interval from now for durationMs, like the real timer would. */
async function run(s: TelemetrySampler, durationMs: number): Promise<void> {
  const end = clock + durationMs;
  while (clock < end) {
    clock += settings.intervalSeconds * 1000;
    await s.tick();
  }
}

function energy(fromMs: number, toMs: number, tariff: Tariff | null = null, groupBy: "none" | "hour" | "day" = "none") {
  const r = queryEnergy(db, store, { fromMs, toMs, groupBy }, tariff);
  expect(EnergyReport.safeParse(r).success).toBe(true);
  return r;
}

const channel = (r: ReturnType<typeof energy>, name: string) => r.channels.find((c) => c.channel === name);

beforeEach(() => {
  db = openDatabase(":memory:");
  store = new TelemetryStore(db);
  clock = T0;
  timer = new ManualTimer();
  settings = { intervalSeconds: 10, systemBaselineWatts: 50, cpuTdpWatts: 105 };
  gpuCsv = `0, 00000000:01:00.0, 300.00, 99, 70\n1, 00000000:02:00.0, 100.00, 20, 50\n`;
});

afterEach(() => db.close());

describe("power sampler", () => {
  it("records each GPU and the rest of the system every tick, and integrates watts over time", async () => {
    const s = sampler();
    await run(s, 2 * HOUR_MS);
    const r = energy(T0, T0 + 2 * HOUR_MS);
    expect(channel(r, GPU0)?.energyWh).toBeCloseTo(600, 6);
    expect(channel(r, GPU1)?.energyWh).toBeCloseTo(200, 6);
    expect(channel(r, SYSTEM_CHANNEL)?.energyWh).toBeCloseTo(100, 6);
    expect(r.total).toMatchObject({ energyWh: 900, servingWh: 0, idleWh: 900, cost: null });
  });

  it("estimates the rest of the system as CPU TDP × load without a baseline", async () => {
    settings.systemBaselineWatts = null;
    const s = sampler(fakeRunner({}), () => 0.25);
    await run(s, HOUR_MS);
    expect(channel(energy(T0, T0 + HOUR_MS), SYSTEM_CHANNEL)?.energyWh).toBeCloseTo(105 * 0.25, 6);
  });

  it("without nvidia-smi records only the system, and stops asking for ten minutes", async () => {
    const runner = fakeRunner({});
    const s = sampler(runner);
    await run(s, 5 * MINUTE_MS);
    expect(runner.calls).toHaveLength(1);
    expect(energy(T0, T0 + HOUR_MS).channels.map((c) => c.channel)).toEqual([SYSTEM_CHANNEL]);
    await run(s, 6 * MINUTE_MS);
    expect(runner.calls).toHaveLength(2);
  });

  it("skips a GPU whose power reads [N/A] and survives garbage output", async () => {
    gpuCsv = `0, 00000000:01:00.0, [N/A], 99, 70\nthis is not csv\n1, 00000000:02:00.0, 100.00, 20, 50\n`;
    const s = sampler();
    await run(s, HOUR_MS);
    expect(energy(T0, T0 + HOUR_MS).channels.map((c) => c.channel)).toEqual([GPU1, SYSTEM_CHANNEL]);
  });

  it("does not integrate across a sleep: a gap counts as at most three intervals", async () => {
    const s = sampler();
    await run(s, MINUTE_MS);
    clock += HOUR_MS; // the PC slept
    await s.tick();
    const r = energy(T0, clock);
    expect(channel(r, GPU0)?.energyWh).toBeCloseTo((300 * (60 + 30)) / 3600, 6);
  });

  it("a clock that jumps back cannot double-count rolled-up time", async () => {
    const s = sampler();
    await run(s, 10 * MINUTE_MS);
    const before = energy(T0, T0 + HOUR_MS).total.energyWh;
    clock -= 5 * MINUTE_MS;
    await s.tick();
    expect(energy(T0, T0 + HOUR_MS).total.energyWh).toBe(before);
  });

  it("start/stop go through the injected timer; a changed interval is picked up on restart; ticks never overlap", async () => {
    let release: () => void = () => {};
    const slow = fakeRunner({ "nvidia-smi --query-gpu": () => exited(gpuCsv) });
    const gate = new Promise<void>((r) => (release = r));
    const s = sampler({ run: async (...args) => (await gate, slow.run(...args)) });
    s.start();
    s.start();
    expect([...timer.active.values()].map((t) => t.ms)).toEqual([10_000]);
    clock += 10_000;
    const first = s.tick();
    expect(await s.tick()).toBe(0); // the first is still waiting on nvidia-smi
    release();
    expect(await first).toBe(3);
    settings.intervalSeconds = 60;
    s.restart();
    expect([...timer.active.values()].map((t) => t.ms)).toEqual([60_000]);
    s.stop();
    expect(timer.active.size).toBe(0);
  });
});

describe("retention and roll-ups", () => {
  it("raw goes after 7 days, minutes after 90 — and the energy of any period stays the same", async () => {
    const s = sampler();
    await run(s, 3 * HOUR_MS);
    const exact = energy(T0 + 30 * MINUTE_MS, T0 + 150 * MINUTE_MS);
    expect(exact.total.energyWh).toBeCloseTo(450 * 2, 6);
    expect(store.counts().raw).toBeGreaterThan(0);

    clock = T0 + 8 * DAY_MS;
    await s.tick();
    const counts8 = store.counts();
    expect(counts8.raw).toBe(3); // only the tick just taken
    expect(counts8.minute).toBeGreaterThanOrEqual(180 * 3);
    expect(energy(T0 + 30 * MINUTE_MS, T0 + 150 * MINUTE_MS).total.energyWh).toBeCloseTo(exact.total.energyWh, 6);

    clock = T0 + 91 * DAY_MS;
    await s.tick();
    const counts91 = store.counts();
    expect(counts91.minute).toBeLessThan(10);
    expect(counts91.hour).toBeGreaterThanOrEqual(9);
    // Hourly data is read pro rata: constant power keeps it exact even for half hours.
    expect(energy(T0 + 30 * MINUTE_MS, T0 + 150 * MINUTE_MS).total.energyWh).toBeCloseTo(exact.total.energyWh, 6);
    expect(energy(T0, T0 + 3 * HOUR_MS).total.energyWh).toBeCloseTo(1350, 6);
  });

  it("each instant is read from exactly one resolution (no double counting while levels overlap)", async () => {
    const s = sampler();
    await run(s, 2 * HOUR_MS + 30 * MINUTE_MS);
    // minutes and hours of the first two hours exist alongside raw rows
    const c = store.counts();
    expect(c.minute).toBeGreaterThan(0);
    expect(c.hour).toBeGreaterThan(0);
    expect(energy(T0, clock).total.energyWh).toBeCloseTo(450 * 2.5, 6);
  });
});

describe("serving vs idle: one query joined with lease intervals", () => {
  it("splits per GPU by the lease that held it, and the system by any lease", async () => {
    const s = sampler();
    await run(s, 3 * HOUR_MS);
    store.leaseStarted("lease-a", T0 + 30 * MINUTE_MS, [GPU0]);
    store.leaseEnded("lease-a", T0 + 90 * MINUTE_MS);
    // A CPU-only lease overlapping the first: the system channel must not count that time twice.
    store.leaseStarted("lease-b", T0 + 60 * MINUTE_MS, []);
    store.leaseEnded("lease-b", T0 + 120 * MINUTE_MS);

    const check = () => {
      const r = energy(T0, T0 + 3 * HOUR_MS);
      expect(channel(r, GPU0)?.servingWh).toBeCloseTo(300, 6);
      expect(channel(r, GPU0)?.idleWh).toBeCloseTo(600, 6);
      expect(channel(r, GPU1)?.servingWh).toBe(0);
      expect(channel(r, SYSTEM_CHANNEL)?.servingWh).toBeCloseTo(50 * 1.5, 6);
      expect(r.total.servingWh + r.total.idleWh).toBeCloseTo(r.total.energyWh, 6);
    };
    check();
    // Recorded after the samples, and still right once the data has coarsened to hours.
    clock = T0 + 100 * DAY_MS;
    await s.tick();
    check();
  });

  it("an open lease counts as serving up to now", async () => {
    const s = sampler();
    store.leaseStarted("lease-open", T0, [GPU0, GPU1]);
    await run(s, HOUR_MS);
    const r = energy(T0, T0 + HOUR_MS);
    expect(r.total.servingWh).toBeCloseTo(450, 6);
    expect(r.total.idleWh).toBeCloseTo(0, 6);
  });
});

describe("electricity cost", () => {
  it("a flat tariff: cost = kWh × price, as a decimal string", async () => {
    const s = sampler();
    await run(s, 2 * HOUR_MS);
    store.leaseStarted("l", T0, [GPU0]);
    store.leaseEnded("l", T0 + HOUR_MS);
    const r = energy(T0, T0 + 2 * HOUR_MS, { kind: "flat", currency: "EUR", timeZone: "Europe/Berlin", pricePerKwh: "0.3120" });
    // 0.9 kWh × 0.312 = 0.2808; serving 0.3 kWh (GPU0) + 0.05 kWh (system) = 0.35 kWh → 0.1092
    expect(r.currency).toBe("EUR");
    expect(r.total).toMatchObject({ cost: "0.2808", servingCost: "0.1092", idleCost: "0.1716" });
    expect(r.channels.map((c) => [c.channel, c.cost])).toEqual([
      [GPU0, "0.1872"],
      [GPU1, "0.0624"],
      [SYSTEM_CHANNEL, "0.0312"],
    ]);
  });

  it("time-of-use bands by local weekday and hour, days in the tariff's time zone", async () => {
    settings.intervalSeconds = 60;
    const s = sampler();
    clock = Date.parse("2026-11-01T23:00:00Z"); // Monday 00:00 in Berlin (UTC+1)
    await run(s, 2 * DAY_MS);
    const tou: Tariff = {
      kind: "time_of_use",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      defaultPricePerKwh: "0.20",
      bands: [{ days: [1, 2, 3, 4, 5], fromHour: 17, toHour: 21, pricePerKwh: "0.50" }],
    };
    const from = Date.parse("2026-11-01T23:00:00Z");
    const r = energy(from, from + 2 * DAY_MS, tou, "day");
    // 450 W all day = 10.8 kWh/day: 4 h peak (1.8 kWh × 0.50) + 20 h (9 kWh × 0.20) = 2.70 per day
    expect(r.buckets.map((b) => [b.start, b.energyWh, b.cost])).toEqual([
      ["2026-11-01T23:00:00.000Z", 10800, "2.70"],
      ["2026-11-02T23:00:00.000Z", 10800, "2.70"],
    ]);
    expect(r.total.cost).toBe("5.40");
    const hours = energy(from, from + DAY_MS, tou, "hour");
    expect(hours.buckets).toHaveLength(24);
    expect(hours.buckets[17]!.cost).toBe("0.225"); // 0.45 kWh × 0.50
    expect(hours.buckets[16]!.cost).toBe("0.09");
  });

  it("a day across a DST change is 23 hours long, and bands follow the local clock", async () => {
    settings.intervalSeconds = 60;
    const s = sampler();
    const from = Date.parse("2026-10-24T22:00:00Z"); // Sunday 25 Oct 00:00 CEST; clocks go back at 03:00
    clock = from;
    await run(s, 49 * HOUR_MS);
    const tou: Tariff = { kind: "time_of_use", currency: "EUR", timeZone: "Europe/Berlin", defaultPricePerKwh: "0.10", bands: [{ days: [0], fromHour: 0, toHour: 24, pricePerKwh: "1.00" }] };
    const r = energy(from, from + 49 * HOUR_MS, tou, "day");
    expect(r.buckets.map((b) => [b.start, b.energyWh])).toEqual([
      ["2026-10-24T22:00:00.000Z", 450 * 25],
      ["2026-10-25T23:00:00.000Z", 450 * 24],
    ]);
    expect(r.buckets[0]!.cost).toBe("11.25"); // all 25 hours of Sunday at 1.00
    expect(r.buckets[1]!.cost).toBe("1.08");
  });
});
