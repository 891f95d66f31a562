import { GpuModelChoice, HardwareSettings, type HardwareSettingsPatch } from "../../common/hardware-schemas";
import type { Db } from "../store/database";

// The hardware service's settings (sampler, system baseline, tariff, desktop reserve) and the user's
// GPU model choices, keyed by PCI address. A corrupt stored value falls back to its default alone.

export const DEFAULT_HARDWARE_SETTINGS: HardwareSettings = {
  samplerIntervalSeconds: 10,
  systemBaselineWatts: null,
  // A typical desktop CPU's TDP; the user sets theirs in the wizard.
  cpuTdpWatts: 105,
  tariff: null,
  reserve: { cpuThreads: null, memoryBytes: null, diskBytes: null },
};

export class HardwareSettingsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(): HardwareSettings {
    const rows = this.db.prepare("SELECT key, value FROM hw_settings").all() as { key: string; value: string }[];
    const out: Record<string, unknown> = { ...DEFAULT_HARDWARE_SETTINGS };
    for (const { key, value } of rows) {
      if (!(key in DEFAULT_HARDWARE_SETTINGS)) continue;
      const field = HardwareSettings.shape[key as keyof HardwareSettings];
      try {
        const parsed = field.safeParse(JSON.parse(value));
        if (parsed.success) out[key] = parsed.data;
      } catch {
        // A torn value: keep the default rather than refuse to start.
      }
    }
    return HardwareSettings.parse(out);
  }

  update(patch: HardwareSettingsPatch): HardwareSettings {
    const current = this.get();
    const next = HardwareSettings.parse({ ...current, ...patch, reserve: { ...current.reserve, ...(patch.reserve ?? {}) } });
    const upsert = this.db.prepare("INSERT INTO hw_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
    const stamp = this.now().toISOString();
    this.db.transaction(() => {
      for (const key of Object.keys(patch) as (keyof HardwareSettings)[]) upsert.run(key, JSON.stringify(next[key]), stamp);
    })();
    return next;
  }

  overrides(): Map<string, GpuModelChoice> {
    const rows = this.db.prepare("SELECT bus_id, choice FROM hw_gpu_overrides").all() as { bus_id: string; choice: string }[];
    const out = new Map<string, GpuModelChoice>();
    for (const row of rows) {
      try {
        const parsed = GpuModelChoice.safeParse(JSON.parse(row.choice));
        if (parsed.success) out.set(row.bus_id, parsed.data);
      } catch {
        // Ignore a corrupt row: the card shows as unknown again and the user can re-pick.
      }
    }
    return out;
  }

  setOverride(busId: string, choice: GpuModelChoice | null): void {
    if (choice === null) {
      this.db.prepare("DELETE FROM hw_gpu_overrides WHERE bus_id = ?").run(busId);
      return;
    }
    this.db
      .prepare("INSERT INTO hw_gpu_overrides (bus_id, choice, updated_at) VALUES (?, ?, ?) ON CONFLICT(bus_id) DO UPDATE SET choice = excluded.choice, updated_at = excluded.updated_at")
      .run(busId, JSON.stringify(choice), this.now().toISOString());
  }
}
