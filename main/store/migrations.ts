import { HARDWARE_MIGRATION_SQL } from "../hardware/hardware-migration";
import { BIDENGINE_MIGRATION_SQL } from "../bidengine/bidengine-migration";
import { CHAIN_MIGRATION_SQL } from "../chain/chain-migration";
import { UPTIME_MIGRATION_SQL } from "../uptime/uptime-migration";
import { GATEWAY_MIGRATION_SQL } from "../gateway/gateway-migration";
import { EARNINGS_MIGRATION_SQL } from "../earnings/earnings-migration";

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
  {
    version: 2,
    owner: "hardware",
    sql: HARDWARE_MIGRATION_SQL,
  },
  {
    version: 3,
    owner: "bidengine",
    sql: BIDENGINE_MIGRATION_SQL,
  },
  {
    version: 4,
    owner: "chain",
    sql: CHAIN_MIGRATION_SQL,
  },
  {
    version: 5,
    owner: "uptime",
    sql: UPTIME_MIGRATION_SQL,
  },
  {
    version: 6,
    owner: "gateway",
    sql: GATEWAY_MIGRATION_SQL,
  },
  {
    version: 7,
    owner: "earnings",
    sql: EARNINGS_MIGRATION_SQL,
  },
];
