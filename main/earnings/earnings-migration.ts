// Tables of the earnings service (migration "earnings"):
// - earnings_ledger: one row per booked movement (accrual, withdrawal, conversion, fee, deposit,
//   refund), each with its chain height, time and USD value at that time. dedupe_key makes every
//   booking idempotent, so reconciling twice, or after a crash, never books twice.
// - earnings_leases: the last chain snapshot per lease (rate, escrow figures) for the lease table,
//   the withdraw scheduler and "closing paid".
// - earnings_prices: the oracle's AKT price readings (the "price as of" shown and reused when stale).
// - earnings_withdrawals: when each lease was last withdrawn by the scheduler.
export const EARNINGS_MIGRATION_SQL = `
CREATE TABLE earnings_ledger (
  id INTEGER PRIMARY KEY,
  network TEXT NOT NULL,
  provider TEXT NOT NULL,
  lease_id TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('accrual', 'withdrawal', 'conversion', 'fee', 'deposit', 'refund')),
  detail TEXT NOT NULL DEFAULT '',
  height INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  amount TEXT NOT NULL,
  denom TEXT NOT NULL,
  usd_micro TEXT NOT NULL,
  uakt_equiv TEXT NOT NULL,
  price_source TEXT NOT NULL,
  tx_hash TEXT NOT NULL DEFAULT '',
  dedupe_key TEXT NOT NULL UNIQUE
);
CREATE INDEX earnings_ledger_by_time ON earnings_ledger (network, provider, at_ms);
CREATE INDEX earnings_ledger_by_lease ON earnings_ledger (lease_id, kind);
CREATE TABLE earnings_leases (
  lease_id TEXT PRIMARY KEY,
  network TEXT NOT NULL,
  provider TEXT NOT NULL,
  owner TEXT NOT NULL,
  dseq TEXT NOT NULL,
  state TEXT NOT NULL,
  rate TEXT NOT NULL,
  created_height INTEGER NOT NULL,
  closed_height INTEGER,
  balance TEXT NOT NULL,
  withdrawn TEXT NOT NULL,
  escrow_funds TEXT NOT NULL,
  settled_at INTEGER NOT NULL,
  seen_height INTEGER NOT NULL,
  close_paid TEXT NOT NULL DEFAULT '0',
  last_withdraw_ms INTEGER
);
CREATE INDEX earnings_leases_by_provider ON earnings_leases (network, provider, state);
CREATE TABLE earnings_prices (
  id INTEGER PRIMARY KEY,
  network TEXT NOT NULL,
  denom TEXT NOT NULL,
  usd TEXT NOT NULL,
  as_of_ms INTEGER NOT NULL,
  height INTEGER
);
CREATE INDEX earnings_prices_by_time ON earnings_prices (network, denom, as_of_ms);
CREATE TABLE earnings_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE earnings_state (network TEXT NOT NULL, provider TEXT NOT NULL, height INTEGER NOT NULL, at_ms INTEGER NOT NULL, PRIMARY KEY (network, provider));
`;
