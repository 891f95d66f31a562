// The bid engine's tables. Decisions keep their full contract view as JSON (what the UI shows) and
// the columns the Bids view filters on; rows older than 30 days are pruned. Bid intents are written
// before each broadcast and outlive a crash (see bid-lifecycle.ts).
export const BIDENGINE_MIGRATION_SQL = `
CREATE TABLE bid_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE bid_decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_key TEXT NOT NULL,
  tenant TEXT NOT NULL,
  decided_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('bid', 'declined')),
  reason TEXT,
  view TEXT NOT NULL
);
CREATE INDEX bid_decisions_time ON bid_decisions (decided_ms);
CREATE INDEX bid_decisions_reason ON bid_decisions (reason, decided_ms);
CREATE INDEX bid_decisions_order ON bid_decisions (order_key, decided_ms);
CREATE TABLE bid_intents (
  order_key TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('intent', 'open', 'won', 'closing')),
  intent TEXT NOT NULL,
  updated_ms INTEGER NOT NULL
);
`;
