import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from "../../common/schemas";
import type { Db } from "./database";

/** The user's settings, one JSON value per key; unknown or corrupt values fall back to defaults. */
export class SettingsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(): Settings {
    const rows = this.db.prepare("SELECT key, value FROM settings").all() as { key: string; value: string }[];
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      if (!(key in DEFAULT_SETTINGS)) continue;
      try {
        merged[key] = JSON.parse(value);
      } catch {
        // A hand-edited or torn value: keep the default rather than refuse to start.
      }
    }
    const parsed = Settings.safeParse(merged);
    if (parsed.success) return parsed.data;
    // Keep each valid stored value, default the rest.
    const fallback: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const one = Settings.shape[key].safeParse(merged[key]);
      if (one.success) fallback[key] = one.data;
    }
    return Settings.parse(fallback);
  }

  update(patch: SettingsPatch): Settings {
    const next = Settings.parse({ ...this.get(), ...patch });
    const upsert = this.db.prepare(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    );
    const stamp = this.now().toISOString();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value), stamp);
    })();
    return next;
  }
}
