import type { Db } from "../store/database";
import type { CursorStore } from "./live-engine";

// The last block height the engine handled, per network and provider, in the bid engine's settings
// table (its reader skips keys that are not settings sections), so a restart resumes from it.
export class CursorRepo implements CursorStore {
  private readonly key: string;

  constructor(
    private readonly db: Db,
    network: string,
    provider: string,
    private readonly now: () => Date,
  ) {
    this.key = `engine.cursor.${network}.${provider}`;
  }

  get(): number | null {
    const row = this.db.prepare("SELECT value FROM bid_settings WHERE key = ?").get(this.key) as { value: string } | undefined;
    const height = row ? Number(row.value) : NaN;
    return Number.isSafeInteger(height) && height > 0 ? height : null;
  }

  set(height: number): void {
    this.db
      .prepare("INSERT INTO bid_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
      .run(this.key, String(height), this.now().toISOString());
  }
}
