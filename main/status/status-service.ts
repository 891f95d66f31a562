import type { StatusOverview } from "../../common/status-schemas";
import { buildOverview, overviewFingerprint } from "./build-overview";
import type { StatusSources } from "./sources";

export interface StatusTimer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface StatusServiceDeps {
  collect: () => Promise<StatusSources>;
  now: () => Date;
  /** Called with each overview that differs from the last one emitted (the `status.changed` event). */
  emit: (overview: StatusOverview) => void;
  log?: (line: string) => void;
}

export const STATUS_INTERVAL_MS = 30_000;

/**
 * Keeps the overview current: computed on request and every 30 s while started, emitted only when
 * something a person would notice changed. Concurrent requests share one reading of the services.
 */
export class StatusService {
  private inFlight: Promise<StatusOverview> | null = null;
  private last: StatusOverview | null = null;
  private lastFingerprint: string | null = null;
  private handle: unknown = null;

  constructor(
    private readonly deps: StatusServiceDeps,
    private readonly timer: StatusTimer = { setInterval: (fn, ms) => unrefd(setInterval(fn, ms)), clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>) },
  ) {}

  /** The latest overview; `refresh` (or none yet) reads the services again. */
  async overview(refresh = false): Promise<StatusOverview> {
    if (this.last && !refresh) return this.last;
    return this.refresh();
  }

  refresh(): Promise<StatusOverview> {
    if (this.inFlight) return this.inFlight;
    const run = (async () => {
      try {
        const overview = buildOverview(await this.deps.collect(), this.deps.now());
        this.last = overview;
        const fingerprint = overviewFingerprint(overview);
        if (fingerprint !== this.lastFingerprint) {
          this.lastFingerprint = fingerprint;
          this.deps.emit(overview);
        }
        return overview;
      } finally {
        this.inFlight = null;
      }
    })();
    this.inFlight = run;
    return run;
  }

  start(intervalMs = STATUS_INTERVAL_MS): void {
    if (this.handle !== null) return;
    const tick = () => void this.refresh().catch((error: unknown) => this.deps.log?.(`[status] refresh failed: ${error instanceof Error ? error.message : String(error)}`));
    this.handle = this.timer.setInterval(tick, intervalMs);
    tick();
  }

  stop(): void {
    if (this.handle === null) return;
    this.timer.clearInterval(this.handle);
    this.handle = null;
  }
}

function unrefd<T>(handle: T): T {
  (handle as { unref?: () => void }).unref?.();
  return handle;
}
