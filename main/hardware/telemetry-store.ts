import type { Db } from "../store/database";

// Power samples and their roll-ups. Raw samples are kept 7 days, 1-minute buckets 90 days and
// 1-hour buckets forever. Roll-ups only ever cover complete buckets, and hw_rollup_state records up to
// where: [.., hourDone) is read from hours, [hourDone, minuteDone) from minutes, the rest from raw.
// A raw sample at ts stands for (ts − duration, ts], so it belongs to the bucket holding ts − 1 ms.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const RAW_RETENTION_MS = 7 * DAY_MS;
export const MINUTE_RETENTION_MS = 90 * DAY_MS;

/** The rest of the machine (CPU, board, disks, fans): everything but the GPUs. */
export const SYSTEM_CHANNEL = "system";

/** The hourly row holding every channel's sum (see the migration). Never a real channel name. */
export const ALL_CHANNELS = "*";

/** Hours since the epoch + 96 (1970-01-01 was a Thursday), mod 168: the UTC hour of the week, Sunday 00:00 = 0. */
export function hourOfWeekSql(msExpr: string): string {
  return `((${msExpr}) / ${HOUR_MS} + 96) % 168`;
}

export interface PowerSample {
  /** A GPU's bus id, or SYSTEM_CHANNEL. */
  channel: string;
  watts: number;
  utilizationPct: number | null;
  temperatureC: number | null;
}

export interface RollupState {
  minuteDone: number;
  hourDone: number;
}

export class TelemetryStore {
  private readonly insertRaw;
  private readonly readState;
  private readonly writeState;

  constructor(private readonly db: Db) {
    this.insertRaw = db.prepare(
      "INSERT INTO hw_power_raw (channel, ts_ms, duration_ms, watts, util, temp) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (ts_ms, channel) DO NOTHING",
    );
    this.readState = db.prepare("SELECT level, done_ms FROM hw_rollup_state");
    this.writeState = db.prepare("INSERT INTO hw_rollup_state (level, done_ms) VALUES (?, ?) ON CONFLICT (level) DO UPDATE SET done_ms = excluded.done_ms");
  }

  /** One sampler tick: every channel's reading at tsMs, each standing for the durationMs before it. */
  record(tsMs: number, durationMs: number, samples: readonly PowerSample[]): number {
    const state = this.state();
    // A clock that jumped back into already rolled-up time would be counted twice: drop those.
    if (tsMs <= state.minuteDone || durationMs <= 0) return 0;
    let written = 0;
    this.db.transaction(() => {
      for (const s of samples) {
        if (!Number.isFinite(s.watts) || s.watts < 0 || s.channel === ALL_CHANNELS) continue;
        written += this.insertRaw.run(s.channel, Math.round(tsMs), Math.round(durationMs), s.watts, finiteOrNull(s.utilizationPct), finiteOrNull(s.temperatureC)).changes;
      }
    })();
    return written;
  }

  state(): RollupState {
    const rows = this.readState.all() as { level: string; done_ms: number }[];
    const get = (level: string) => rows.find((r) => r.level === level)?.done_ms ?? 0;
    return { minuteDone: get("minute"), hourDone: get("hour") };
  }

  /** Rolls complete minutes and hours up, then drops what retention allows. Cheap when nothing is new. */
  rollup(nowMs: number): void {
    this.db.transaction(() => {
      const state = this.state();
      const minuteCut = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
      if (minuteCut > state.minuteDone) {
        this.db
          .prepare(
            `INSERT INTO hw_power_minute (start_ms, channel, energy_j, covered_ms, samples, max_watts, util_avg, temp_max)
             SELECT ((ts_ms - 1) / ${MINUTE_MS}) * ${MINUTE_MS}, channel, SUM(watts * duration_ms) / 1000.0, SUM(duration_ms), COUNT(*), MAX(watts), AVG(util), MAX(temp)
             FROM hw_power_raw WHERE ts_ms > ? AND ts_ms <= ? GROUP BY 1, 2
             ON CONFLICT (start_ms, channel) DO UPDATE SET energy_j = energy_j + excluded.energy_j, covered_ms = covered_ms + excluded.covered_ms,
               samples = samples + excluded.samples, max_watts = MAX(max_watts, excluded.max_watts), util_avg = excluded.util_avg, temp_max = MAX(temp_max, excluded.temp_max)`,
          )
          .run(state.minuteDone, minuteCut);
        this.writeState.run("minute", minuteCut);
      }
      const hourCut = Math.floor(Math.max(minuteCut, state.minuteDone) / HOUR_MS) * HOUR_MS;
      if (hourCut > state.hourDone) {
        this.db
          .prepare(
            `INSERT INTO hw_power_hour (start_ms, channel, energy_j, covered_ms, samples, max_watts, util_avg, temp_max, hour_of_week)
             SELECT (start_ms / ${HOUR_MS}) * ${HOUR_MS}, channel, SUM(energy_j), SUM(covered_ms), SUM(samples), MAX(max_watts), SUM(util_avg * samples) / SUM(samples), MAX(temp_max), ${hourOfWeekSql(`(start_ms / ${HOUR_MS}) * ${HOUR_MS}`)}
             FROM hw_power_minute WHERE start_ms >= ? AND start_ms < ? GROUP BY 1, 2
             ON CONFLICT (start_ms, channel) DO UPDATE SET energy_j = energy_j + excluded.energy_j, covered_ms = covered_ms + excluded.covered_ms,
               samples = samples + excluded.samples, max_watts = MAX(max_watts, excluded.max_watts), util_avg = excluded.util_avg, temp_max = MAX(temp_max, excluded.temp_max)`,
          )
          .run(state.hourDone, hourCut);
        // The all-channels row of each hour just written (recomputed whole, so it can never drift).
        this.db
          .prepare(
            `INSERT OR REPLACE INTO hw_power_hour (start_ms, channel, energy_j, covered_ms, samples, max_watts, util_avg, temp_max, hour_of_week)
             SELECT start_ms, '${ALL_CHANNELS}', SUM(energy_j), MAX(covered_ms), SUM(samples), SUM(max_watts), NULL, MAX(temp_max), hour_of_week
             FROM hw_power_hour WHERE start_ms >= ? AND start_ms < ? AND channel <> '${ALL_CHANNELS}' GROUP BY start_ms`,
          )
          .run(state.hourDone, hourCut);
        this.writeState.run("hour", hourCut);
      }
      const after = this.state();
      // Only data already rolled up may go: retention never loses energy, it only coarsens it.
      this.db.prepare("DELETE FROM hw_power_raw WHERE ts_ms < ? AND ts_ms <= ?").run(nowMs - RAW_RETENTION_MS, after.minuteDone);
      this.db.prepare("DELETE FROM hw_power_minute WHERE start_ms < ? AND start_ms < ?").run(nowMs - MINUTE_RETENTION_MS, after.hourDone);
    })();
  }

  /** The bid engine's record of when a lease ran and which GPUs it held (the "system" channel always). */
  leaseStarted(leaseId: string, startMs: number, gpuBusIds: readonly string[]): void {
    const insert = this.db.prepare("INSERT INTO hw_lease_intervals (lease_id, channel, start_ms, end_ms) VALUES (?, ?, ?, NULL) ON CONFLICT (lease_id, channel) DO NOTHING");
    this.db.transaction(() => {
      for (const channel of new Set([SYSTEM_CHANNEL, ...gpuBusIds])) if (channel !== ALL_CHANNELS) insert.run(leaseId, channel, Math.round(startMs));
    })();
  }

  leaseEnded(leaseId: string, endMs: number): number {
    return this.db.prepare("UPDATE hw_lease_intervals SET end_ms = MAX(start_ms, ?) WHERE lease_id = ? AND end_ms IS NULL").run(Math.round(endMs), leaseId).changes;
  }

  counts(): { raw: number; minute: number; hour: number } {
    const one = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { raw: one("hw_power_raw"), minute: one("hw_power_minute"), hour: (this.db.prepare(`SELECT COUNT(*) AS n FROM hw_power_hour WHERE channel <> '${ALL_CHANNELS}'`).get() as { n: number }).n };
  }
}

function finiteOrNull(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}
