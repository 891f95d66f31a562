import Database from "better-sqlite3";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { BlockBackend, BlockRecord } from "./block-store";
import type { Store } from "./store";

const FILE = "devnet.sqlite";
const SCHEMA_VERSION = 1;

/**
 * The devnet's state on disk: one SQLite file (WAL) in the data dir. Each block writes, in one
 * transaction, the rows it changed, the block itself and its tx index, so a crash loses at most the
 * block being built and never leaves a half-written block.
 */
export class SqlitePersistence implements BlockBackend {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, FILE));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS kv (tbl TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (tbl, key));
      CREATE TABLE IF NOT EXISTS blocks (height INTEGER PRIMARY KEY, json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS txs (hash TEXT PRIMARY KEY, height INTEGER NOT NULL, idx INTEGER NOT NULL);
    `);
    const version = this.meta("schema");
    if (version !== undefined && Number(version) !== SCHEMA_VERSION) {
      throw new Error(`devnet data in ${dataDir} has schema ${version}; this build reads ${SCHEMA_VERSION}. Reset the devnet.`);
    }
    this.setMeta("schema", String(SCHEMA_VERSION));
  }

  static reset(dataDir: string): void {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(join(dataDir, FILE + suffix), { force: true });
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /** Fills the store's tables from disk; returns the last committed height (0 for a new chain). */
  restore(store: Store): number {
    const rows = this.db.prepare("SELECT tbl, key, value FROM kv").iterate() as IterableIterator<{ tbl: string; key: string; value: string }>;
    for (const row of rows) store.load(row.tbl, row.key, JSON.parse(row.value));
    return Number(this.meta("height") ?? "0");
  }

  commitBlock(store: Store, changed: Map<string, Set<string>>, block: BlockRecord, extraMeta: Record<string, string>): void {
    const upsert = this.db.prepare("INSERT INTO kv (tbl, key, value) VALUES (?, ?, ?) ON CONFLICT(tbl, key) DO UPDATE SET value = excluded.value");
    const remove = this.db.prepare("DELETE FROM kv WHERE tbl = ? AND key = ?");
    const insertBlock = this.db.prepare("INSERT OR REPLACE INTO blocks (height, json) VALUES (?, ?)");
    const insertTx = this.db.prepare("INSERT OR REPLACE INTO txs (hash, height, idx) VALUES (?, ?, ?)");
    const write = this.db.transaction(() => {
      for (const [name, keys] of changed) {
        const table = store.getTable(name);
        if (!table) continue;
        for (const key of keys) {
          if (table.has(key)) upsert.run(name, key, JSON.stringify(table.codec.toJSON(table.get(key))));
          else remove.run(name, key);
        }
      }
      insertBlock.run(block.height, JSON.stringify(block));
      block.txHashes.forEach((hash, index) => insertTx.run(hash, block.height, index));
      this.setMeta("height", String(block.height));
      for (const [key, value] of Object.entries(extraMeta)) this.setMeta(key, value);
    });
    write();
  }

  loadBlock(height: number): BlockRecord | undefined {
    const row = this.db.prepare("SELECT json FROM blocks WHERE height = ?").get(height) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as BlockRecord) : undefined;
  }

  loadTxLocation(hash: string): { height: number; index: number } | undefined {
    const row = this.db.prepare("SELECT height, idx FROM txs WHERE hash = ?").get(hash) as { height: number; idx: number } | undefined;
    return row ? { height: row.height, index: row.idx } : undefined;
  }

  earliestHeight(): number {
    const row = this.db.prepare("SELECT MIN(height) AS h FROM blocks").get() as { h: number | null };
    return row.h ?? 0;
  }

  close(): void {
    this.db.close();
  }
}
