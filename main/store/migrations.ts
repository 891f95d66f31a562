export interface Migration {
  version: number;
  /** Which service owns the tables this migration touches. */
  owner: string;
  sql: string;
}

// Numbered, append-only. Never edit a released migration: add the next number instead.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    owner: "settings",
    sql: `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  },
];
