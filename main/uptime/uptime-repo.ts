import { GatewayTarget, PROBE_IDS, type Incident, type ProbeId, type ProbeState, type ProbeWindowStats } from "../../common/uptime-schemas";
import type { Db } from "../store/database";

// Uptime's storage: the per-minute heartbeat rows, outages, and the gateway target. Minutes are
// whole minutes since the epoch (UTC), so a row is 8 bytes of key and four tiny ints.

export const MINUTE_MS = 60_000;
/** Kept a little longer than the longest window shown (30 days). */
export const RETENTION_MINUTES = 32 * 24 * 60;

const encode = (s: ProbeState): number | null => (s === "up" ? 1 : s === "down" ? 0 : null);

export interface WindowCounts {
  rows: number;
  probes: ProbeWindowStats[];
}

export interface GapRun {
  /** First and last missing minute, inclusive. */
  first: number;
  last: number;
}

export class UptimeRepo {
  constructor(private readonly db: Db) {}

  /** Records one minute; a second check in the same minute replaces the first. */
  recordMinute(minute: number, states: Record<ProbeId, ProbeState>): void {
    this.db
      .prepare("INSERT OR REPLACE INTO uptime_minutes (minute, app, chain, gateway, kube) VALUES (?, ?, ?, ?, ?)")
      .run(minute, encode(states.app), encode(states.chain), encode(states.gateway), encode(states.kube));
  }

  firstMinute(): number | null {
    return (this.db.prepare("SELECT MIN(minute) AS m FROM uptime_minutes").get() as { m: number | null }).m;
  }

  lastMinute(): number | null {
    return (this.db.prepare("SELECT MAX(minute) AS m FROM uptime_minutes").get() as { m: number | null }).m;
  }

  hasMinute(minute: number): boolean {
    return this.db.prepare("SELECT 1 FROM uptime_minutes WHERE minute = ?").get(minute) !== undefined;
  }

  /** Up/down/unknown minutes per probe over [first, last] (inclusive). */
  counts(first: number, last: number): WindowCounts {
    const cols = PROBE_IDS.map((p) => `SUM(${p} = 1) AS ${p}_up, SUM(${p} = 0) AS ${p}_down`).join(", ");
    const row = this.db.prepare(`SELECT COUNT(*) AS rows, ${cols} FROM uptime_minutes WHERE minute BETWEEN ? AND ?`).get(first, last) as Record<string, number | null>;
    const rows = row.rows ?? 0;
    return {
      rows,
      probes: PROBE_IDS.map((id) => {
        const upMinutes = row[`${id}_up`] ?? 0;
        const downMinutes = row[`${id}_down`] ?? 0;
        const measured = upMinutes + downMinutes;
        return { id, upMinutes, downMinutes, unknownMinutes: rows - measured, uptimeBps: measured === 0 ? null : Math.floor((upMinutes * 10_000) / measured) };
      }),
    };
  }

  /** Runs of missing minutes between recorded ones, from `since` on (a run that began earlier included). */
  gaps(since: number): GapRun[] {
    const rows = this.db
      .prepare(
        `SELECT prev + 1 AS first, minute - 1 AS last FROM (
           SELECT minute, LAG(minute) OVER (ORDER BY minute) AS prev FROM uptime_minutes
           WHERE minute >= COALESCE((SELECT MAX(minute) FROM uptime_minutes WHERE minute < ?), ?)
         ) WHERE prev IS NOT NULL AND minute - prev > 1 ORDER BY first DESC`,
      )
      .all(since, since) as GapRun[];
    return rows;
  }

  openIncident(probe: ProbeId, startedMs: number, reason: string): void {
    if (this.db.prepare("SELECT 1 FROM uptime_incidents WHERE probe = ? AND ended_ms IS NULL").get(probe)) return;
    this.db.prepare("INSERT INTO uptime_incidents (probe, started_ms, reason) VALUES (?, ?, ?)").run(probe, startedMs, reason);
  }

  closeIncident(probe: ProbeId, endedMs: number, endReason: string): void {
    this.db.prepare("UPDATE uptime_incidents SET ended_ms = MAX(started_ms, ?), end_reason = ? WHERE probe = ? AND ended_ms IS NULL").run(endedMs, endReason, probe);
  }

  /** After a restart: outages left open by the last run end where its history ends. */
  closeAllOpen(endedMs: number, endReason: string): number {
    return this.db.prepare("UPDATE uptime_incidents SET ended_ms = MAX(started_ms, ?), end_reason = ? WHERE ended_ms IS NULL").run(endedMs, endReason).changes;
  }

  outages(sinceMs: number, probe: ProbeId | undefined, limit: number, nowMs: number): Incident[] {
    const rows = this.db
      .prepare(
        `SELECT id, probe, started_ms, ended_ms, reason, end_reason FROM uptime_incidents
         WHERE (ended_ms IS NULL OR ended_ms >= ?) ${probe ? "AND probe = ?" : ""} ORDER BY started_ms DESC LIMIT ?`,
      )
      .all(...(probe ? [sinceMs, probe, limit] : [sinceMs, limit])) as { id: number; probe: ProbeId; started_ms: number; ended_ms: number | null; reason: string; end_reason: string | null }[];
    return rows.map((r) => ({
      id: `outage:${r.id}`,
      kind: "outage" as const,
      probe: r.probe,
      start: new Date(r.started_ms).toISOString(),
      end: r.ended_ms === null ? null : new Date(r.ended_ms).toISOString(),
      minutes: Math.max(0, Math.round(((r.ended_ms ?? nowMs) - r.started_ms) / MINUTE_MS)),
      reason: r.reason,
      endReason: r.end_reason,
    }));
  }

  gatewayTarget(): GatewayTarget | null {
    const row = this.db.prepare("SELECT value FROM uptime_settings WHERE key = 'gateway'").get() as { value: string } | undefined;
    if (!row) return null;
    try {
      const parsed = GatewayTarget.nullable().safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : null; // a torn value: not configured, rather than a crash
    } catch {
      return null;
    }
  }

  setGatewayTarget(target: GatewayTarget | null): void {
    this.db.prepare("INSERT INTO uptime_settings (key, value) VALUES ('gateway', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(target));
  }

  prune(nowMinute: number): void {
    this.db.prepare("DELETE FROM uptime_minutes WHERE minute < ?").run(nowMinute - RETENTION_MINUTES);
    this.db.prepare("DELETE FROM uptime_incidents WHERE ended_ms IS NOT NULL AND ended_ms < ?").run((nowMinute - RETENTION_MINUTES) * MINUTE_MS);
  }
}
