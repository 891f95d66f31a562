import { describe, expect, it } from "vitest";
import { PreviewPriceInput, PreviewPriceOutput } from "../../../common/pricing-preview-schemas";
import { Tariff } from "../../../common/hardware-schemas";
import { ATTO, formatDec18 } from "../../../main/bidengine/decimal";
import { rateFromTariff } from "../../../main/bidengine/electricity-rate";
import { previewModels, previewPrice } from "../../../main/bidengine/preview-price";
import { settingsWith } from "../bidengine/helpers";

const NOW = new Date("2026-11-18T12:00:00Z");

describe("bidengine.previewPrice", () => {
  it("prices one reference order per GPU model and a CPU-only one with the engine's own pricing", () => {
    const out = previewPrice(settingsWith(), { utilisationPercent: 50, gpuModels: [], now: NOW });
    expect(PreviewPriceOutput.safeParse(out).success).toBe(true);
    expect(out.references.map((r) => r.gpuModel)).toEqual(["rtx4090", null]);
    const gpu = out.references[0]!;
    // Defaults: $0.30 GPU + 4 × $0.005 CPU + 16 × $0.002 RAM + 100 × $0.0001 disk + $0.0005 endpoint = $0.3625/h
    // (back from the bid per block, which the engine floors to 18 decimals: what the chain is really paid)
    expect(gpu.usdPerHour).toBe("0.362499999999999999");
    // $0.3625/h at 6 s blocks = 604.1666… uact/block (the engine floors to 18 decimals)
    expect(gpu.price).toBe("604.166666666666666666");
    expect(gpu.asked).toBe(gpu.price);
    expect(gpu.raisedToFloor).toBe(false);
    // Floor: (350 W + 4 × 6 W) × $0.30/kWh × 1.2 + $0.02 wear = $0.15464/h = 257.7333… uact/block, rounded up
    expect(gpu.floor).toBe("257.733333333333333334");
    // 50 % of a day at $0.3625/h = $4.35
    expect(gpu.usdPerDay.startsWith("4.34999999")).toBe(true);
    expect(out.assumption).toContain("50 %");
    expect(out.assumption).toContain("6 s blocks");
    // No hardware tariff reaches a bare preview: the draft's own fallback prices the floor, and says so.
    expect(out.tariff).toEqual({ source: "fallback", usdPerKwh: "0.300000000000000000", text: "the Pricing page's fallback $0.30/kWh", fallbackReason: null });
    expect(out.assumption).toContain("× the Pricing page's fallback $0.30/kWh ×");
  });

  it("prices the floor at the owner's hardware tariff in force and names it; the draft's fallback waits", () => {
    const tariff = Tariff.parse({ kind: "flat", currency: "EUR", usdPerUnit: "1.1", timeZone: "Europe/Berlin", pricePerKwh: "0.40" });
    const opts = { utilisationPercent: 50, gpuModels: [], now: NOW };
    const out = previewPrice(settingsWith(), { ...opts, electricityRate: (now) => rateFromTariff(tariff, now) });
    expect(PreviewPriceOutput.safeParse(out).success).toBe(true);
    expect(out.tariff).toEqual({ source: "tariff", usdPerKwh: "0.440000000000000000", text: "your EUR flat tariff: 0.40 EUR × 1.1 = $0.44/kWh", fallbackReason: null });
    expect(out.assumption).toContain("your EUR flat tariff: 0.40 EUR × 1.1 = $0.44/kWh");
    // The same floor as a draft that typed $0.44 as its fallback: one tariff, one floor.
    const typed = previewPrice(settingsWith({ cost: { tariffUsdPerKwh: "0.44" } }), opts);
    expect(out.references.map((r) => r.floor)).toEqual(typed.references.map((r) => r.floor));
    // Without a rate the EUR tariff cannot be used: the fallback, with the reason for the page to show.
    const noRate = Tariff.parse({ kind: "flat", currency: "EUR", timeZone: "Europe/Berlin", pricePerKwh: "0.40" });
    const fallback = previewPrice(settingsWith(), { ...opts, electricityRate: (now) => rateFromTariff(noRate, now) });
    expect(fallback.tariff).toMatchObject({ source: "fallback", usdPerKwh: "0.300000000000000000", fallbackReason: expect.stringContaining("no exchange rate") });
    expect(fallback.references[0]!.floor).toBe("257.733333333333333334");
  });

  it("a draft below the floor is raised to it, and says so", () => {
    const settings = settingsWith({ pricing: { ...settingsWith().pricing, usdPerHour: { ...settingsWith().pricing.usdPerHour, gpu: { rtx4090: "0.01", "*": "0.01" } } } });
    const gpu = previewPrice(settings, { utilisationPercent: 100, gpuModels: [], now: NOW }).references[0]!;
    expect(gpu.raisedToFloor).toBe(true);
    expect(gpu.price).toBe(gpu.floor);
    expect(BigInt(gpu.asked.replace(".", ""))).toBeLessThan(BigInt(gpu.floor.replace(".", "")));
    // 100 % utilisation: the floor per day is the floor per hour × 24.
    expect(gpu.floorUsdPerDay.startsWith("3.71136")).toBe(true);
  });

  it("scales $/day with utilisation and block time, and 0 % earns nothing", () => {
    const at = (utilisationPercent: number, blockTimeMs = 6000) =>
      previewPrice(settingsWith({ chain: { blockTimeMs } }), { utilisationPercent, gpuModels: [], now: NOW }).references[0]!;
    expect(at(0).usdPerDay).toBe("0.000000000000000000");
    // The $/hour the owner set does not depend on the block time; the uact/block does.
    expect(at(100, 1000).usdPerHour.slice(0, 8)).toBe(at(100, 6000).usdPerHour.slice(0, 8));
    expect(BigInt(at(100, 1000).price.split(".")[0]!) * 6n).toBeLessThanOrEqual(BigInt(at(100, 6000).price.split(".")[0]!) + 6n);
  });

  it("market strategy without market data falls back to the fixed GPU price, and with data uses the percentile", () => {
    const market = settingsWith({ pricing: { ...settingsWith().pricing, strategy: "market", market: { percentile: 50, adjustBps: 0 } } });
    const fallback = previewPrice(market, { utilisationPercent: 50, gpuModels: [], now: NOW }).references[0]!;
    expect(fallback).toMatchObject({ strategy: "market", marketFallback: true, price: "604.166666666666666666" });
    const withData = previewPrice(market, { utilisationPercent: 50, gpuModels: [], now: NOW, marketGpuPrices: new Map([["rtx4090", [800n * ATTO, 900n * ATTO, 1000n * ATTO]]]) });
    const gpu = withData.references[0]!;
    expect(gpu.marketFallback).toBe(false);
    // 900 uact/block for the GPU (median) + the non-GPU part at fixed prices ($0.0625/h = 104.1666… uact/block)
    expect(gpu.price).toBe(formatDec18(900n * ATTO + 104_166_666_666_666_666_666n));
  });

  it("adds detected models, keeps the draft's, and never lists the catch-all price", () => {
    expect(previewModels(settingsWith(), ["rtx3090", "rtx4090"])).toEqual(["rtx3090", "rtx4090"]);
    const out = previewPrice(settingsWith(), { utilisationPercent: 50, gpuModels: ["a100"], now: NOW });
    expect(out.references.map((r) => r.label)).toEqual([
      "1 × a100 · 4 CPU · 16 GiB RAM · 100 GiB disk · 1 HTTP endpoint",
      "1 × rtx4090 · 4 CPU · 16 GiB RAM · 100 GiB disk · 1 HTTP endpoint",
      "CPU only: 4 CPU · 16 GiB RAM · 100 GiB disk · 1 HTTP endpoint",
    ]);
    // a100 has no own price: the "*" price ($0.20) applies, so it asks less than the rtx4090.
    expect(out.references[0]!.usdPerHour).toBe("0.262500000000000000");
  });

  it("the input schema refuses a negative price, a bad schedule and an out-of-range utilisation", () => {
    const base = settingsWith();
    const bad = [
      { settings: { ...base, pricing: { ...base.pricing, usdPerHour: { ...base.pricing.usdPerHour, cpuThread: "-1" } } } },
      { settings: { ...base, policies: { ...base.policies, quietWindows: [{ days: [1], from: "25:00", to: "07:00" }] } } },
      { settings: base, utilisationPercent: 101 },
      { settings: base, gpuModels: ["RTX 4090"] },
    ];
    for (const input of bad) expect(PreviewPriceInput.safeParse(input).success).toBe(false);
    expect(PreviewPriceInput.parse({ settings: base })).toMatchObject({ utilisationPercent: 50, gpuModels: [] });
  });
});
