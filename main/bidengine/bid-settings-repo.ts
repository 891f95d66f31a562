import { BidEngineSettings } from "../../common/bidengine-schemas";
import type { Db } from "../store/database";
import { DEFAULT_BIDENGINE_SETTINGS } from "./default-settings";

// The owner's bid engine settings, one JSON value per top-level section. A corrupt or outdated
// section falls back to its default alone, so one bad value never stops the engine from starting.

type Section = keyof BidEngineSettings;

export type BidSettingsPatch = Partial<BidEngineSettings>;

export class BidSettingsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(): BidEngineSettings {
    const rows = this.db.prepare("SELECT key, value FROM bid_settings").all() as { key: string; value: string }[];
    const out: Record<string, unknown> = { ...DEFAULT_BIDENGINE_SETTINGS };
    for (const { key, value } of rows) {
      if (!(key in DEFAULT_BIDENGINE_SETTINGS)) continue;
      try {
        const parsed = BidEngineSettings.shape[key as Section].safeParse(JSON.parse(value));
        if (parsed.success) out[key] = parsed.data;
      } catch {
        // A torn value: keep the default.
      }
    }
    return BidEngineSettings.parse(out);
  }

  /**
   * A fresh install bids only once the owner says so ("Go live" at the end of the wizard, after the
   * prices step): while no choice was ever stored, store "paused". True when it did.
   */
  pauseUntilChosen(): boolean {
    const chosen = this.db.prepare("SELECT 1 FROM bid_settings WHERE key = 'paused'").get();
    if (chosen) return false;
    this.update({ paused: true });
    return true;
  }

  /** Replaces the given sections (each validated whole); returns the settings now in force. */
  update(patch: BidSettingsPatch): BidEngineSettings {
    const next = BidEngineSettings.parse({ ...this.get(), ...patch });
    const upsert = this.db.prepare(
      "INSERT INTO bid_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    );
    const stamp = this.now().toISOString();
    this.db.transaction(() => {
      for (const key of Object.keys(patch) as Section[]) if (key in DEFAULT_BIDENGINE_SETTINGS) upsert.run(key, JSON.stringify(next[key]), stamp);
    })();
    return next;
  }
}
