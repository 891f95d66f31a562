import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Tariff } from "../../common/hardware-schemas";
import { queryEnergy } from "../../main/hardware/energy-query";
import { gpuTable } from "../../main/hardware/gpu-table";
import { buildHardwareReport } from "../../main/hardware/hardware-report";
import { systeminformationHardwareSource } from "../../main/hardware/hardware-source";
import { nodeProcessRunner, type ProcessRunner } from "../../main/hardware/process-runner";
import { TelemetrySampler } from "../../main/hardware/telemetry-sampler";
import { ALL_CHANNELS, DAY_MS, HOUR_MS, MINUTE_MS, SYSTEM_CHANNEL, TelemetryStore } from "../../main/hardware/telemetry-store";
import { openDatabase } from "../../main/store/database";
import type { Figure } from "./figure";

// hardware.detect_ms: the full hardware report on this machine (real systeminformation, real
//   nvidia-smi lookup), median of 5 runs, the first (cold) one included.
// hardware.sampler_cpu_pct: the sampler's own CPU time per tick (4 GPUs from a stand-in nvidia-smi
//   child process, writes to a real WAL database on disk, roll-ups included) over a 10 s interval,
//   as % of one core.
// hardware.year_aggregate_ms: a database holding one year of telemetry for 4 GPUs + the system (hours
//   for the year, minutes for 90 days, raw for 7 days, 300 leases) aggregated to daily energy, the
//   serving/idle split and time-of-use cost: median wall time of 7 queries after a first one that
//   compiles the statements. BENCH_VERBOSE=1 also prints each query's wall and CPU time (on a busy
//   2-core machine the wall time is mostly waiting for a core).

const GPUS = ["0000:01:00.0", "0000:02:00.0", "0000:03:00.0", "0000:04:00.0"];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function detectMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await buildHardwareReport({ source: systeminformationHardwareSource, runner: nodeProcessRunner, table: gpuTable, overrides: new Map(), now: () => new Date() });
    times.push(performance.now() - start);
  }
  return median(times);
}

async function samplerCpuPct(dir: string): Promise<number> {
  const db = openDatabase(join(dir, "sampler.sqlite"));
  const store = new TelemetryStore(db);
  const csv = GPUS.map((bus, i) => `${i}, 0000${bus}, ${250 + i}.17, ${90 + i}, ${60 + i}`).join("\n");
  // A real child process per tick (printf standing in for nvidia-smi), so the parent's spawn and
  // pipe costs count; the child's own CPU is not the sampler's and is not in process.cpuUsage().
  const runner: ProcessRunner = { run: (_command, _args, options) => nodeProcessRunner.run("printf", ["%s", csv], options) };
  let clock = Date.parse("2026-01-01T00:00:00Z");
  const sampler = new TelemetrySampler({
    runner,
    store,
    clock: () => clock,
    timer: { setInterval: () => 0, clearInterval: () => {} },
    cpuLoad: () => 0.3,
    settings: () => ({ intervalSeconds: 10, systemBaselineWatts: null, cpuTdpWatts: 105 }),
  });
  for (let i = 0; i < 20; i++) {
    clock += 10_000;
    await sampler.tick(); // warm up the statements
  }
  const ticks = 600; // 100 minutes of samples: minute and hour roll-ups included
  const before = process.cpuUsage();
  for (let i = 0; i < ticks; i++) {
    clock += 10_000;
    await sampler.tick();
  }
  const used = process.cpuUsage(before);
  db.close();
  const cpuMsPerTick = (used.user + used.system) / 1000 / ticks;
  return (cpuMsPerTick / 10_000) * 100;
}

function yearAggregateMs(dir: string): number {
  const db = openDatabase(join(dir, "year.sqlite"));
  const store = new TelemetryStore(db);
  const end = Date.parse("2026-11-21T00:00:00Z");
  const start = end - 365 * DAY_MS;
  const channels = [...GPUS, SYSTEM_CHANNEL];
  const watts = (c: number, t: number) => (c === 4 ? 90 : 60 + ((t / HOUR_MS + c * 7) % 24 < 8 ? 280 : 20));
  db.transaction(() => {
    // What TelemetryStore.rollup writes: a row per channel and hour, plus the hour's all-channels row.
    const hour = db.prepare("INSERT INTO hw_power_hour (start_ms, channel, energy_j, covered_ms, samples, max_watts, util_avg, temp_max, hour_of_week) VALUES (?, ?, ?, 3600000, 360, ?, 50, 70, ?)");
    for (let t = start; t < end; t += HOUR_MS) {
      const week = (t / HOUR_MS + 96) % 168;
      let sum = 0;
      channels.forEach((ch, c) => {
        sum += watts(c, t);
        hour.run(t, ch, watts(c, t) * 3600, watts(c, t), week);
      });
      hour.run(t, ALL_CHANNELS, sum * 3600, sum, week);
    }
    const minute = db.prepare("INSERT INTO hw_power_minute (start_ms, channel, energy_j, covered_ms, samples, max_watts, util_avg, temp_max) VALUES (?, ?, ?, 60000, 6, ?, 50, 70)");
    for (let t = end - 90 * DAY_MS; t < end; t += MINUTE_MS) channels.forEach((ch, c) => minute.run(t, ch, watts(c, t) * 60, watts(c, t)));
    const raw = db.prepare("INSERT INTO hw_power_raw (channel, ts_ms, duration_ms, watts, util, temp) VALUES (?, ?, 10000, ?, 50, 70)");
    for (let t = end - 7 * DAY_MS + 10_000; t <= end; t += 10_000) channels.forEach((ch, c) => raw.run(ch, t, watts(c, t)));
    db.prepare("INSERT INTO hw_rollup_state (level, done_ms) VALUES ('minute', ?), ('hour', ?)").run(end, end);
  })();
  for (let i = 0; i < 300; i++) {
    const leaseStart = start + Math.floor((i * 365 * DAY_MS) / 300);
    store.leaseStarted(`lease-${i}`, leaseStart, [GPUS[i % 4]!]);
    store.leaseEnded(`lease-${i}`, leaseStart + (6 + (i % 30)) * HOUR_MS);
  }
  db.pragma("optimize");
  const tariff: Tariff = {
    kind: "time_of_use",
    currency: "EUR",
    timeZone: "Europe/Berlin",
    defaultPricePerKwh: "0.28",
    bands: [
      { days: [1, 2, 3, 4, 5], fromHour: 17, toHour: 21, pricePerKwh: "0.41" },
      { days: [0, 6], fromHour: 0, toHour: 24, pricePerKwh: "0.22" },
    ],
  };
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let days = 0;
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const report = queryEnergy(db, store, { fromMs: start, toMs: end, groupBy: "day" }, tariff);
    const cpu = process.cpuUsage(c0);
    const elapsed = performance.now() - t0;
    if (i > 0) {
      // the first query also compiles the statements
      times.push(elapsed);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    days = report.buckets.length;
    if (!(report.total.servingWh > 0) || report.total.cost === null) throw new Error("the year aggregate came back empty");
  }
  if (days < 365) throw new Error(`expected a year of daily buckets, got ${days}`);
  db.close();
  if (process.env.BENCH_VERBOSE) console.error(`[hardware] year aggregate: wall ${times.map((t) => t.toFixed(1)).join(", ")} ms; cpu ${cpuTimes.map((t) => t.toFixed(1)).join(", ")} ms`);
  return median(times);
}

export default async function bench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), "apd-hw-bench-"));
  try {
    const detect = await detectMs();
    const sampler = await samplerCpuPct(dir);
    const year = yearAggregateMs(dir);
    return [
      { figure: "hardware.detect_ms", value: Math.round(detect * 10) / 10, unit: "ms" },
      { figure: "hardware.sampler_cpu_pct", value: Math.round(sampler * 10_000) / 10_000, unit: "%" },
      { figure: "hardware.year_aggregate_ms", value: Math.round(year * 10) / 10, unit: "ms" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
