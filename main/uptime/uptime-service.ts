import { PROBE_IDS, WINDOW_IDS, type Incident, type IncidentQuery, type ProbeId, type ProbeStatus, type UptimeChanged, type UptimeSummary, type UptimeWindow } from "../../common/uptime-schemas";
import { PROBE_LABELS, type ProbeOutcome, type ProbeSet } from "./probe-outcome";
import { MINUTE_MS, UptimeRepo } from "./uptime-repo";

// Runs the probes once a minute (at the start of each minute, so every minute the app runs gets
// exactly one row), records the minute, opens and closes outages, and tells the UI when a probe
// changes state. Clock and timer are injected: tests move time by hand.

export interface UptimeTimer {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimer: UptimeTimer = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref?.(); // never keeps the process alive on its own
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface UptimeDeps {
  repo: UptimeRepo;
  probes: ProbeSet;
  now: () => Date;
  timer?: UptimeTimer;
  emit?: (event: UptimeChanged) => void;
  log?: (line: string) => void;
  /** A probe that takes longer counts as down. */
  probeTimeoutMs?: number;
  /** Into the minute the check runs (leaves the minute boundary to other timers). */
  offsetMs?: number;
}

const WINDOW_MINUTES: Record<(typeof WINDOW_IDS)[number], number> = { "24h": 24 * 60, "7d": 7 * 24 * 60, "30d": 30 * 24 * 60 };

export class UptimeService {
  private readonly timer: UptimeTimer;
  private readonly status = new Map<ProbeId, ProbeStatus>();
  private handle: unknown = null;
  private inFlight: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly d: UptimeDeps) {
    this.timer = d.timer ?? realTimer;
    for (const id of PROBE_IDS) this.status.set(id, { id, label: PROBE_LABELS[id], state: "unknown", reason: "not checked yet", since: null, checkedAt: null });
  }

  /** Closes outages a previous run left open (where its history ends), then checks each minute. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const last = this.d.repo.lastMinute();
    const closed = this.d.repo.closeAllOpen(last === null ? this.d.now().getTime() : (last + 1) * MINUTE_MS, "the app stopped; what happened after is unknown");
    if (closed > 0) this.d.log?.(`[uptime] closed ${closed} outage(s) left open by the previous run`);
    // The first check at the next minute boundary: every minute then gets exactly one row.
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timer.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(delayMs?: number): void {
    if (this.stopped) return;
    const now = this.d.now().getTime();
    const wait = delayMs ?? MINUTE_MS - (now % MINUTE_MS) + (this.d.offsetMs ?? 1_000);
    this.handle = this.timer.setTimeout(() => {
      this.handle = null;
      void this.check().finally(() => this.schedule());
    }, wait);
  }

  /** Runs every probe now and records this minute; a check already running is joined, not doubled. */
  check(): Promise<void> {
    this.inFlight ??= this.runChecks().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async runOne(id: ProbeId): Promise<ProbeOutcome> {
    const timeoutMs = this.d.probeTimeoutMs ?? 15_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<ProbeOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ state: "down", reason: `no answer within ${timeoutMs / 1000} s` }), timeoutMs);
      timer.unref?.();
    });
    try {
      return await Promise.race([this.d.probes[id]().catch((error: unknown) => ({ state: "down" as const, reason: error instanceof Error ? error.message : String(error) })), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async runChecks(): Promise<void> {
    const outcomes = await Promise.all(PROBE_IDS.map((id) => this.runOne(id)));
    const at = this.d.now();
    const iso = at.toISOString();
    const changes: UptimeChanged["changes"] = [];
    PROBE_IDS.forEach((id, i) => {
      const outcome = outcomes[i]!;
      const before = this.status.get(id)!;
      const changed = before.state !== outcome.state;
      this.status.set(id, { ...before, state: outcome.state, reason: outcome.reason, since: changed || before.since === null ? iso : before.since, checkedAt: iso });
      if (outcome.state === "down") this.d.repo.openIncident(id, at.getTime(), outcome.reason);
      else if (before.state === "down") this.d.repo.closeIncident(id, at.getTime(), outcome.state === "up" ? outcome.reason : `now unknown: ${outcome.reason}`);
      if (changed) changes.push({ probe: id, from: before.state, to: outcome.state, reason: outcome.reason });
    });
    const minute = Math.floor(at.getTime() / MINUTE_MS);
    const states = Object.fromEntries(PROBE_IDS.map((id) => [id, this.status.get(id)!.state])) as Record<ProbeId, ProbeStatus["state"]>;
    this.d.repo.recordMinute(minute, states);
    if (minute % 60 === 0) this.d.repo.prune(minute);
    if (changes.length > 0) this.d.emit?.({ at: iso, changes, probes: this.probes() });
  }

  probes(): ProbeStatus[] {
    return PROBE_IDS.map((id) => ({ ...this.status.get(id)! }));
  }

  summary(): UptimeSummary {
    const now = this.d.now().getTime();
    const nowMinute = Math.floor(now / MINUTE_MS);
    const first = this.d.repo.firstMinute();
    // The current minute counts once it is recorded; until then it is not over, not a gap.
    const last = this.d.repo.hasMinute(nowMinute) ? nowMinute : nowMinute - 1;
    const windows: UptimeWindow[] = WINDOW_IDS.map((id) => {
      const from = first === null ? nowMinute : Math.max(nowMinute - WINDOW_MINUTES[id] + 1, first);
      const minutes = Math.max(0, last - from + 1);
      const counts = minutes === 0 ? { rows: 0, probes: this.d.repo.counts(1, 0).probes } : this.d.repo.counts(from, last);
      return {
        id,
        from: new Date(from * MINUTE_MS).toISOString(),
        to: new Date((last + 1) * MINUTE_MS).toISOString(),
        minutes,
        gapMinutes: Math.max(0, minutes - counts.rows),
        probes: counts.probes,
      };
    });
    return {
      now: new Date(now).toISOString(),
      historySince: first === null ? null : new Date(first * MINUTE_MS).toISOString(),
      probes: this.probes(),
      windows,
      gatewayTarget: this.d.repo.gatewayTarget(),
    };
  }

  /** Outages and gaps, newest first. */
  incidents(query: IncidentQuery = {}): Incident[] {
    const now = this.d.now().getTime();
    const sinceMs = query.since ? Date.parse(query.since) : now - WINDOW_MINUTES["30d"] * MINUTE_MS;
    const limit = query.limit ?? 100;
    const outages = this.d.repo.outages(sinceMs, query.probe, limit, now);
    const gaps: Incident[] =
      query.probe && query.probe !== "app"
        ? []
        : this.d.repo.gaps(Math.floor(sinceMs / MINUTE_MS)).map((g) => ({
            id: `gap:${g.first}`,
            kind: "gap",
            probe: "app",
            start: new Date(g.first * MINUTE_MS).toISOString(),
            end: new Date((g.last + 1) * MINUTE_MS).toISOString(),
            minutes: g.last - g.first + 1,
            reason: "the app was not running (closed, crashed, or the computer was off or asleep): every probe is unknown for this time",
            endReason: "the app started again",
          }));
    return [...outages, ...gaps].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0)).slice(0, limit);
  }
}
