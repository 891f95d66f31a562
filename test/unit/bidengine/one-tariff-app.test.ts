import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PreviewPriceOutput } from "../../../common/pricing-preview-schemas";
import { createApp } from "../../../main/app";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { runScreenCli } from "../../../main/cli/screen";
import { HardwareSettingsRepo } from "../../../main/hardware/hardware-settings-repo";
import { openDatabase } from "../../../main/store/database";
import { gamingPc } from "../../support/fake-system";
import { groupSpecs, orderFromSpec } from "./helpers";

// Through the composition root: the tariff set for the hardware (the Earnings page's form) is the one
// the Pricing page's preview and screening price the cost floor with; without one, the fallback.

const EUR_PEAK = {
  kind: "time_of_use",
  currency: "EUR",
  usdPerUnit: "1.08",
  timeZone: "Europe/Berlin",
  defaultPricePerKwh: "0.25",
  bands: [{ days: [1, 2, 3, 4, 5], fromHour: 17, toHour: 21, pricePerKwh: "0.42" }],
};

describe("one tariff, through the app", () => {
  it("preview and screening follow the hardware tariff in force, and fall back without one", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "apd-tariff-"));
    let clock = Date.parse("2026-11-18T16:30:00Z"); // Wednesday 17:30 in Berlin: the peak band
    const app = createApp({ dataDir, mode: "headless", version: "0.0.0-test" }, { systemInfo: gamingPc, log: () => {}, now: () => new Date(clock) });
    const preview = async () => {
      const answer = await app.call("bidengine.previewPrice", { settings: DEFAULT_BIDENGINE_SETTINGS, utilisationPercent: 50, gpuModels: [] });
      if (!answer.ok) throw new Error(answer.error.message);
      return PreviewPriceOutput.parse(answer.value);
    };
    try {
      const before = await preview();
      expect(before.tariff).toMatchObject({ source: "fallback", usdPerKwh: "0.300000000000000000", fallbackReason: "no electricity tariff is set on the Earnings page" });

      expect(await app.call("hardware.updateSettings", { tariff: EUR_PEAK })).toMatchObject({ ok: true });
      const peak = await preview();
      expect(peak.tariff).toEqual({
        source: "tariff",
        usdPerKwh: "0.453600000000000000",
        text: "your EUR time-of-use tariff, band Mon–Fri 17:00–21:00: 0.42 EUR × 1.08 = $0.4536/kWh",
        fallbackReason: null,
      });
      expect(BigInt(peak.references[0]!.floor.replace(".", ""))).toBeGreaterThan(BigInt(before.references[0]!.floor.replace(".", "")));

      // Screening compiles its context at the app's clock with the same tariff (a fresh install may
      // start paused until the owner goes live: resume, so the order reaches pricing).
      expect(await app.call("bidengine.updateSettings", { paused: false })).toMatchObject({ ok: true });
      const order = orderFromSpec(groupSpecs("http-options")[0]!, { denom: "uact" }) as { spec: { requirements: { signed_by: unknown } } };
      order.spec.requirements.signed_by = { all_of: [], any_of: [] };
      const screened = await app.call("bidengine.screen", { order: order as Record<string, unknown> });
      expect(screened).toMatchObject({ ok: true, value: { decisions: [{ details: { tariff: expect.stringContaining("0.42 EUR × 1.08 = $0.4536/kWh") } }] } });

      // Past 21:00 in Berlin the band ends: the default price, read fresh.
      clock = Date.parse("2026-11-18T20:00:00Z");
      expect((await preview()).tariff).toMatchObject({ source: "tariff", usdPerKwh: "0.270000000000000000", text: expect.stringContaining("outside its bands") });

      // Cleared on the Earnings page: back to the Pricing page's fallback.
      expect(await app.call("hardware.updateSettings", { tariff: null })).toMatchObject({ ok: true });
      expect((await preview()).tariff.source).toBe("fallback");
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("the screen CLI with --data-dir prices the floor at that data dir's tariff; with --config, the fallback", () => {
    const dir = mkdtempSync(join(tmpdir(), "apd-tariff-cli-"));
    try {
      const dataDir = join(dir, "data");
      const db = openDatabase(join(dataDir, "provider.sqlite"));
      new HardwareSettingsRepo(db, () => new Date()).update({ tariff: { kind: "flat", currency: "USD", timeZone: "UTC", pricePerKwh: "0.19" } });
      db.close();
      const order = orderFromSpec(groupSpecs("http-options")[0]!, { denom: "uact" }) as { spec: { requirements: { signed_by: unknown } } };
      order.spec.requirements.signed_by = { all_of: [], any_of: [] };
      const file = join(dir, "order.json");
      writeFileSync(file, JSON.stringify(order));
      const config = join(dir, "settings.json");
      writeFileSync(config, JSON.stringify(DEFAULT_BIDENGINE_SETTINGS));
      const run = (args: string[]) => {
        const out: string[] = [];
        const code = runScreenCli(args, { out: (t) => out.push(t), err: () => {}, now: () => new Date("2026-11-18T12:00:00Z") });
        expect(code).toBe(0);
        return JSON.parse(out[0]!) as { details: Record<string, unknown> };
      };
      expect(run([file, "--data-dir", dataDir]).details.tariff).toBe("your USD flat tariff: $0.19/kWh");
      expect(run([file, "--config", config]).details.tariff).toBe("the Pricing page's fallback $0.30/kWh");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
