import { describe, expect, it } from "vitest";
import { BidEngineSettings } from "../../../common/bidengine-schemas";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { bpsToPercent, fromDraft, percentToBps, restoreDraft, settingsPatch, toDraft, withModels } from "../../../renderer/src/features/pricing/draft";
import { formatUactPerBlock, formatUsd, shortDecimal } from "../../../renderer/src/features/pricing/format-amount";

const saved = DEFAULT_BIDENGINE_SETTINGS;
const TENANT = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l".slice(0, 44);

describe("pricing draft", () => {
  it("round-trips the saved settings unchanged", () => {
    const result = fromDraft(saved, toDraft(saved));
    expect(result).toEqual({ ok: true, settings: BidEngineSettings.parse(saved) });
  });

  it("turns edited text into settings: prices, percents to basis points, tenant lists, schedule", () => {
    const draft = {
      ...toDraft(saved),
      cpuThread: " 0.01 ",
      marginPercent: "12.5",
      marketAdjustPercent: "-5",
      strategy: "market" as const,
      maxConcurrentBids: "3",
      allowTenants: `${TENANT}\n\n${TENANT}`,
      quietWindows: [{ days: [5, 1], from: "18:00", to: "01:30" }],
    };
    const result = fromDraft(saved, draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.pricing.usdPerHour.cpuThread).toBe("0.01");
    expect(result.settings.cost.marginBps).toBe(1250);
    expect(result.settings.pricing.market.adjustBps).toBe(-500);
    expect(result.settings.pricing.strategy).toBe("market");
    expect(result.settings.policies.maxConcurrentBids).toBe(3);
    expect(result.settings.policies.allowTenants).toEqual([TENANT]);
    expect(result.settings.policies.quietWindows).toEqual([{ days: [1, 5], from: "18:00", to: "01:30" }]);
    // Only the sections the form edits are sent; the rest of the saved settings is untouched.
    expect(Object.keys(settingsPatch(result.settings)).sort()).toEqual(["cost", "paused", "policies", "pricing"]);
    expect(result.settings.provider).toEqual(saved.provider);
    // The form's own checks agree with the contract's schema (the renderer ships without zod).
    expect(BidEngineSettings.safeParse(result.settings).success).toBe(true);
  });

  it("refuses negative prices, bad percents, bad schedules and bad tenants with one message per field", () => {
    const draft = {
      ...toDraft(saved),
      cpuThread: "-0.01",
      memoryGiB: "abc",
      gpu: { ...toDraft(saved).gpu, rtx4090: "" },
      marginPercent: "-3",
      marketPercentile: "101",
      maxConcurrentBids: "2.5",
      quietWindows: [{ days: [], from: "25:00", to: "07:00" }, { days: [1], from: "08:00", to: "08:00" }],
      denyTenants: "not-an-address",
    };
    const result = fromDraft(saved, draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      cpuThread: "A price cannot be negative.",
      memoryGiB: expect.stringContaining("Enter US dollars"),
      "gpu.rtx4090": expect.stringContaining("Enter US dollars"),
      marginPercent: expect.stringContaining("percent"),
      marketPercentile: expect.stringContaining("0 to 100"),
      maxConcurrentBids: expect.stringContaining("whole number"),
      "quiet.0.days": "Pick at least one day.",
      "quiet.0.from": expect.stringContaining("HH:MM"),
      "quiet.1.to": expect.stringContaining("another time"),
      denyTenants: expect.stringContaining("not an Akash address"),
    });
  });

  it("a tenant on both lists is an error, not a silent deny", () => {
    const result = fromDraft(saved, { ...toDraft(saved), allowTenants: TENANT, denyTenants: TENANT });
    expect(result.ok === false && result.errors.denyTenants).toContain("on both lists");
  });

  it("garbage in any text field gives errors, never a throw", () => {
    const junk = ["", " ", "1e3", "0x10", "NaN", "Infinity", "１", "1.0000000000000000001", "9".repeat(40), "--1", "1..2", "\u0000", "<script>"];
    for (const text of junk) {
      const d = toDraft(saved);
      for (const key of ["cpuThread", "marginPercent", "marketAdjustPercent", "marketPercentile", "maxConcurrentBids", "tariffUsdPerKwh"] as const) {
        const result = fromDraft(saved, { ...d, [key]: text });
        expect(result.ok, `${key}=${JSON.stringify(text)}`).toBe(false);
      }
    }
  });

  it("adds detected models at the catch-all price without touching the priced ones", () => {
    const d = withModels(toDraft(saved), ["rtx3090", "rtx4090"]);
    expect(d.gpu).toEqual({ rtx4090: "0.30", "*": "0.20", rtx3090: "0.20" });
    expect(withModels(d, ["rtx4090"])).toBe(d);
  });

  it("converts percents and basis points exactly", () => {
    expect([bpsToPercent(2000), bpsToPercent(1250), bpsToPercent(-500), bpsToPercent(5), bpsToPercent(0)]).toEqual(["20", "12.5", "-5", "0.05", "0"]);
    expect([percentToBps("20"), percentToBps("12.5"), percentToBps("0.05"), percentToBps("-5", true), percentToBps("-5"), percentToBps("1.234")]).toEqual([2000, 1250, 5, -500, null, null]);
  });
});

describe("amount formatting", () => {
  it("rounds decimal strings half up without floats", () => {
    expect(shortDecimal("604.166666666666666666", 2)).toBe("604.17");
    expect(shortDecimal("0.004999", 2)).toBe("0.00");
    expect(shortDecimal("9.995", 2)).toBe("10.00");
    expect(shortDecimal("12", 0)).toBe("12");
    expect(shortDecimal("not a number", 2)).toBe("not a number");
    expect(formatUsd("4.349999999999999999")).toBe("$4.35");
    expect(formatUsd("0.000042")).toBe("$0.000042");
    expect(formatUsd("0")).toBe("$0.00");
    expect(formatUactPerBlock("257.733333333333333334")).toBe("257.73 uact/block");
  });
});

describe("USD with more digits", () => {
  it("keeps up to the asked decimals, never fewer than cents", () => {
    expect(formatUsd("0.362499999999999999", 4)).toBe("$0.3625");
    expect(formatUsd("0.060000000000000000", 4)).toBe("$0.06");
    expect(formatUsd("12.5", 4)).toBe("$12.50");
    expect(formatUsd("0.00000042", 4)).toBe("$0.00");
    expect(formatUsd("0.00000042")).toBe("$0.00");
  });
});

describe("restoring a kept draft", () => {
  it("takes the kept values of the right type over the baseline", () => {
    const baseline = toDraft(saved);
    const kept = { ...baseline, cpuThread: "0.01", paused: true, strategy: "market", gpu: { rtx4090: "0.5", "*": "0.2" }, quietWindows: [{ days: [1, 1, 2], from: "18:00", to: "23:00" }] };
    const restored = restoreDraft(JSON.parse(JSON.stringify(kept)), baseline);
    expect(restored).toEqual({ ...kept, quietWindows: [{ days: [1, 2], from: "18:00", to: "23:00" }] });
  });

  it("ignores garbage field by field, never throws", () => {
    const baseline = toDraft(saved);
    for (const junk of [null, 42, "x", [], { cpuThread: 5, paused: "yes", strategy: "moon", gpu: { a: 1 }, quietWindows: [{ days: [9] }] }, { gpu: [] }, { quietWindows: "all" }]) {
      expect(restoreDraft(junk, baseline)).toEqual(baseline);
    }
  });
});
