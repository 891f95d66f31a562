import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Tariff } from "../../../common/hardware-schemas";
import { queryEnergy } from "../../../main/hardware/energy-query";
import { DAY_MS, HOUR_MS, SYSTEM_CHANNEL, TelemetryStore } from "../../../main/hardware/telemetry-store";
import { openDatabase, type Db } from "../../../main/store/database";

// The energy query against a brute-force reference computed sample by sample, with random power,
// random (overlapping) leases and random periods: at raw resolution, and again once retention has
// coarsened everything to hours. Periods and leases are hour-aligned, so every level must be exact.

const T0 = Date.parse("2026-03-27T00:00:00Z"); // spans the spring DST change in Berlin
const CHANNELS = ["0000:01:00.0", "0000:02:00.0", SYSTEM_CHANNEL];
const STEP = 60_000;

let seed = 1234;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

interface Sample {
  channel: string;
  ts: number;
  watts: number;
}
interface Lease {
  id: string;
  start: number;
  end: number | null;
  gpus: string[];
}

let db: Db;
let store: TelemetryStore;
beforeEach(() => {
  db = openDatabase(":memory:");
  store = new TelemetryStore(db);
});
afterEach(() => db.close());

function reference(samples: Sample[], leases: Lease[], from: number, to: number, tariff: { timeZone: string; prices: (localHour: number, weekday: number) => number }) {
  const out = { energy: 0, serving: 0, cost: 0, byChannel: new Map<string, number>() };
  const fmt = new Intl.DateTimeFormat("en-US", { timeZone: tariff.timeZone, hourCycle: "h23", hour: "numeric", weekday: "short" });
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  for (const s of samples) {
    const start = s.ts - STEP;
    if (start < from || s.ts > to) continue; // aligned: samples lie wholly inside or outside
    const joules = s.watts * (STEP / 1000);
    out.energy += joules;
    out.byChannel.set(s.channel, (out.byChannel.get(s.channel) ?? 0) + joules);
    const held = leases.some((l) => (s.channel === SYSTEM_CHANNEL || l.gpus.includes(s.channel)) && l.start <= start && (l.end === null || l.end >= s.ts));
    if (held) out.serving += joules;
    const hourStart = Math.floor(start / HOUR_MS) * HOUR_MS;
    const parts = Object.fromEntries(fmt.formatToParts(new Date(hourStart)).map((p) => [p.type, p.value]));
    out.cost += (joules / 3_600_000) * tariff.prices(Number(parts.hour), days.indexOf(parts.weekday!));
  }
  return out;
}

describe("energy query vs a brute-force reference", () => {
  it("matches totals, per channel, serving and time-of-use cost, before and after retention", () => {
    const samples: Sample[] = [];
    const hours = 5 * 24;
    for (let ts = T0 + STEP; ts <= T0 + hours * HOUR_MS; ts += STEP) {
      const batch = CHANNELS.map((channel) => ({ channel, ts, watts: Math.round(rand() * 450 * 100) / 100 }));
      samples.push(...batch);
      store.record(ts, STEP, batch.map((b) => ({ channel: b.channel, watts: b.watts, utilizationPct: null, temperatureC: null })));
      if (ts % (10 * STEP) === 0) store.rollup(ts);
    }
    store.rollup(T0 + hours * HOUR_MS);
    const leases: Lease[] = [];
    for (let i = 0; i < 25; i++) {
      const start = T0 + Math.floor(rand() * hours) * HOUR_MS;
      const end = rand() < 0.15 ? null : start + (1 + Math.floor(rand() * 12)) * HOUR_MS;
      const gpus = CHANNELS.slice(0, 2).filter(() => rand() < 0.6);
      leases.push({ id: `lease-${i}`, start, end, gpus });
      store.leaseStarted(`lease-${i}`, start, gpus);
      if (end !== null) store.leaseEnded(`lease-${i}`, end);
    }
    const tariff: Tariff = {
      kind: "time_of_use",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      defaultPricePerKwh: "0.25",
      bands: [
        { days: [1, 2, 3, 4, 5], fromHour: 17, toHour: 21, pricePerKwh: "0.45" },
        { days: [0, 6], fromHour: 0, toHour: 24, pricePerKwh: "0.18" },
      ],
    };
    const prices = (hour: number, weekday: number) => (weekday === 0 || weekday === 6 ? 180_000 : hour >= 17 && hour < 21 ? 450_000 : 250_000);

    const periods = Array.from({ length: 12 }, () => {
      const a = Math.floor(rand() * hours);
      const b = a + 1 + Math.floor(rand() * (hours - a));
      return [T0 + a * HOUR_MS, T0 + Math.min(hours, b) * HOUR_MS] as const;
    });
    const check = () => {
      for (const [from, to] of periods) {
        const got = queryEnergy(db, store, { fromMs: from, toMs: to, groupBy: "day" }, tariff);
        const want = reference(samples, leases, from, to, { timeZone: "Europe/Berlin", prices });
        expect(got.total.energyWh).toBeCloseTo(want.energy / 3600, 2);
        expect(got.total.servingWh).toBeCloseTo(want.serving / 3600, 2);
        expect(Number(got.total.cost)).toBeCloseTo(want.cost / 1_000_000, 5);
        for (const c of got.channels) expect(c.energyWh).toBeCloseTo((want.byChannel.get(c.channel) ?? 0) / 3600, 2);
        expect(got.buckets.reduce((s, b) => s + b.energyWh, 0)).toBeCloseTo(got.total.energyWh, 2);
      }
    };
    check();
    // 100 days on: raw and minute rows are gone, only hours remain — and every answer is the same.
    store.rollup(T0 + 100 * DAY_MS);
    expect(store.counts()).toMatchObject({ raw: 0, minute: 0 });
    check();
  });
});
