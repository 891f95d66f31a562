import type { CpuLoadSource } from "./cpu-load";
import { SAMPLE_QUERY_ARGS, parseSampleQuery } from "./nvidia-smi-csv";
import type { ProcessRunner } from "./process-runner";
import { SYSTEM_CHANNEL, type PowerSample, type TelemetryStore } from "./telemetry-store";
import type { Timer } from "../interval-timer";

export { realTimer, type Timer } from "../interval-timer";

// Samples per-GPU power, utilisation and temperature plus an estimate of the rest of the machine
// every interval (10 s by default) into the telemetry store. Clock and timer are injected.

export interface SamplerSettings {
  intervalSeconds: number;
  /** The rest of the system's draw; null = cpuTdpWatts × CPU load. */
  systemBaselineWatts: number | null;
  cpuTdpWatts: number;
}

export interface SamplerDeps {
  runner: ProcessRunner;
  store: TelemetryStore;
  clock: () => number;
  timer: Timer;
  cpuLoad: CpuLoadSource;
  settings: () => SamplerSettings;
  log?: (line: string) => void;
}

/** After nvidia-smi is found missing, look again this much later (a driver may get installed). */
const MISSING_RETRY_MS = 10 * 60_000;
/** A gap longer than this many intervals (sleep, suspend) is not integrated as if the power held. */
const MAX_GAP_INTERVALS = 3;

export class TelemetrySampler {
  private handle: unknown = null;
  private intervalMs = 0;
  private lastTickMs: number | null = null;
  private inFlight = false;
  private nvidiaMissingUntil = 0;

  constructor(private readonly deps: SamplerDeps) {}

  get running(): boolean {
    return this.handle !== null;
  }

  start(): void {
    if (this.handle !== null) return;
    this.intervalMs = this.deps.settings().intervalSeconds * 1000;
    this.handle = this.deps.timer.setInterval(() => void this.tick(), this.intervalMs);
  }

  stop(): void {
    if (this.handle === null) return;
    this.deps.timer.clearInterval(this.handle);
    this.handle = null;
  }

  /** Picks up a changed interval. */
  restart(): void {
    this.stop();
    this.start();
  }

  /** One sample; never throws, never overlaps a tick still in flight. Returns how many rows were written. */
  async tick(): Promise<number> {
    if (this.inFlight) return 0;
    this.inFlight = true;
    try {
      const settings = this.deps.settings();
      const interval = settings.intervalSeconds * 1000;
      const now = this.deps.clock();
      const samples = [...(await this.gpuSamples(now)), ...this.systemSample(settings)];
      const since = this.lastTickMs === null ? interval : now - this.lastTickMs;
      this.lastTickMs = now;
      if (since <= 0) return 0;
      const duration = Math.min(since, interval * MAX_GAP_INTERVALS);
      const written = this.deps.store.record(now, duration, samples);
      this.deps.store.rollup(now);
      return written;
    } catch (error) {
      this.deps.log?.(`[hardware] sampling failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      this.inFlight = false;
    }
  }

  private async gpuSamples(now: number): Promise<PowerSample[]> {
    if (now < this.nvidiaMissingUntil) return [];
    const result = await this.deps.runner.run("nvidia-smi", SAMPLE_QUERY_ARGS, { timeoutMs: 5_000 });
    if (result.kind === "not_found") {
      this.nvidiaMissingUntil = now + MISSING_RETRY_MS;
      return [];
    }
    if (result.kind !== "exited" || result.code !== 0) return [];
    return parseSampleQuery(result.stdout)
      .rows.filter((r) => r.powerDrawWatts !== null)
      .map((r) => ({ channel: r.busId ?? `gpu${r.index}`, watts: r.powerDrawWatts!, utilizationPct: r.utilizationPct, temperatureC: r.temperatureC }));
  }

  private systemSample(settings: SamplerSettings): PowerSample[] {
    const load = this.deps.cpuLoad();
    if (settings.systemBaselineWatts !== null) return [{ channel: SYSTEM_CHANNEL, watts: settings.systemBaselineWatts, utilizationPct: load === null ? null : load * 100, temperatureC: null }];
    if (load === null) return [];
    return [{ channel: SYSTEM_CHANNEL, watts: settings.cpuTdpWatts * load, utilizationPct: load * 100, temperatureC: null }];
  }
}
