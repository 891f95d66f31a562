// The chain client's tables (appended to main/store/migrations.ts as one numbered migration).
// chain_tx: every transaction the app sends; amounts are decimal strings in base units.
// chain_endpoints: the user's own RPC endpoints per network (JSON array), tried before the defaults.
export const CHAIN_MIGRATION_SQL = `
CREATE TABLE chain_tx (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  network TEXT NOT NULL,
  signer TEXT NOT NULL,
  kind TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'broadcast', 'confirmed', 'failed', 'unknown')),
  height INTEGER,
  gas_wanted TEXT,
  gas_used TEXT,
  fee_amount TEXT NOT NULL,
  fee_denom TEXT NOT NULL,
  code INTEGER,
  log TEXT,
  memo TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX chain_tx_by_network ON chain_tx (network, id);
CREATE TABLE chain_endpoints (network TEXT PRIMARY KEY, urls TEXT NOT NULL, updated_at TEXT NOT NULL);
`;
