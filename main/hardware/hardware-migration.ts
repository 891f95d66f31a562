// The hardware service's tables (appended to main/store/migrations.ts as one numbered migration).
// Power telemetry lives at three resolutions: raw samples (7 days), 1-minute buckets (90 days) and
// 1-hour buckets (forever); hw_rollup_state says up to where each coarser level is complete, so a
// query reads every instant from exactly one level. Energy is joules (REAL); money never lives here.
// Hourly rows carry their UTC hour of the week (Sunday 00:00 = 0), and each hour also has a row for
// channel "*" (all channels summed): a year's energy and time-of-use cost then reads 8760 "*" rows and
// an index-ordered (channel, hour_of_week) sum, instead of sorting every channel's every hour.
export const HARDWARE_MIGRATION_SQL = `
CREATE TABLE hw_gpu_overrides (bus_id TEXT PRIMARY KEY, choice TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE hw_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE hw_power_raw (
  channel TEXT NOT NULL, ts_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  watts REAL NOT NULL, util REAL, temp REAL,
  PRIMARY KEY (ts_ms, channel)
) WITHOUT ROWID;
CREATE TABLE hw_power_minute (
  start_ms INTEGER NOT NULL, channel TEXT NOT NULL, energy_j REAL NOT NULL, covered_ms INTEGER NOT NULL,
  samples INTEGER NOT NULL, max_watts REAL NOT NULL, util_avg REAL, temp_max REAL,
  PRIMARY KEY (start_ms, channel)
) WITHOUT ROWID;
CREATE TABLE hw_power_hour (
  start_ms INTEGER NOT NULL, channel TEXT NOT NULL, energy_j REAL NOT NULL, covered_ms INTEGER NOT NULL,
  samples INTEGER NOT NULL, max_watts REAL NOT NULL, util_avg REAL, temp_max REAL,
  hour_of_week INTEGER NOT NULL,
  PRIMARY KEY (start_ms, channel)
) WITHOUT ROWID;
CREATE INDEX hw_power_hour_by_week ON hw_power_hour (channel, hour_of_week, start_ms, energy_j);
CREATE TABLE hw_rollup_state (level TEXT PRIMARY KEY, done_ms INTEGER NOT NULL);
CREATE TABLE hw_lease_intervals (
  lease_id TEXT NOT NULL, channel TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER,
  PRIMARY KEY (lease_id, channel),
  CHECK (end_ms IS NULL OR end_ms >= start_ms)
);
CREATE INDEX hw_lease_intervals_by_channel ON hw_lease_intervals (channel, start_ms);
CREATE TABLE hw_capacity_reservations (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('bid', 'lease')),
  cpu_millis INTEGER NOT NULL, memory_bytes INTEGER NOT NULL, storage_bytes INTEGER NOT NULL,
  gpu_bus_ids TEXT NOT NULL, created_at TEXT NOT NULL
);
`;
