import { DEFAULT_NOTIFICATION_SETTINGS, NotificationSettings, type NotificationSettingsPatch } from "../../common/status-schemas";
import type { Db } from "../store/database";

// Which desktop notifications the owner wants, kept as one JSON value under its own key in the
// settings table (the app settings' repository reads only its own keys). A corrupt value → defaults.

const KEY = "notifications";

export class NotificationSettingsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(): NotificationSettings {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = ?").get(KEY) as { value: string } | undefined;
    if (!row) return { ...DEFAULT_NOTIFICATION_SETTINGS };
    let stored: unknown;
    try {
      stored = JSON.parse(row.value);
    } catch {
      return { ...DEFAULT_NOTIFICATION_SETTINGS };
    }
    // Keep each valid stored switch; default the rest.
    const merged = { ...DEFAULT_NOTIFICATION_SETTINGS };
    if (stored && typeof stored === "object") {
      for (const key of Object.keys(merged) as (keyof NotificationSettings)[]) {
        const value = (stored as Record<string, unknown>)[key];
        if (typeof value === "boolean") merged[key] = value;
      }
    }
    return NotificationSettings.parse(merged);
  }

  update(patch: NotificationSettingsPatch): NotificationSettings {
    const next = NotificationSettings.parse({ ...this.get(), ...patch });
    this.db
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
      .run(KEY, JSON.stringify(next), this.now().toISOString());
    return next;
  }
}
