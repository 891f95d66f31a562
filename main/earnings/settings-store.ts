import { EarningsSettings, type EarningsSettings as Settings } from "../../common/earnings-schemas";
import type { Db } from "../store/database";

export const DEFAULT_EARNINGS_SETTINGS: Settings = { withdrawEveryHours: 12, dryWithinBlocks: 600, maxLeasesPerTx: 10, autoWithdraw: true };

/** The scheduler's settings, one JSON value; a row that no longer parses falls back to the defaults. */
export class EarningsSettingsStore {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const row = this.db.prepare("SELECT value FROM earnings_settings WHERE key = 'scheduler'").get() as { value: string } | undefined;
    if (!row) return DEFAULT_EARNINGS_SETTINGS;
    try {
      return EarningsSettings.parse({ ...DEFAULT_EARNINGS_SETTINGS, ...(JSON.parse(row.value) as object) });
    } catch {
      return DEFAULT_EARNINGS_SETTINGS;
    }
  }

  update(patch: Partial<Settings>): Settings {
    const next = EarningsSettings.parse({ ...this.get(), ...patch });
    this.db.prepare("INSERT INTO earnings_settings (key, value) VALUES ('scheduler', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(next));
    return next;
  }
}
