// Uptime's tables. One row per minute the app ran (a heartbeat carrying each probe's state: 1 up,
// 0 down, NULL unknown): a minute with no row is a gap, detectable without any "stopped" marker that a
// crash or power cut would never write. Outages are rows of their own with the reason.
export const UPTIME_MIGRATION_SQL = `
CREATE TABLE uptime_minutes (
  minute INTEGER PRIMARY KEY,
  app INTEGER CHECK (app IN (0, 1)),
  chain INTEGER CHECK (chain IN (0, 1)),
  gateway INTEGER CHECK (gateway IN (0, 1)),
  kube INTEGER CHECK (kube IN (0, 1))
) WITHOUT ROWID;
CREATE TABLE uptime_incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  probe TEXT NOT NULL,
  started_ms INTEGER NOT NULL,
  ended_ms INTEGER,
  reason TEXT NOT NULL,
  end_reason TEXT
);
CREATE INDEX uptime_incidents_start ON uptime_incidents (started_ms);
CREATE INDEX uptime_incidents_open ON uptime_incidents (probe) WHERE ended_ms IS NULL;
CREATE TABLE uptime_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
