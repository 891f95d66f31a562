import { describe, expect, it } from "vitest";
import { fitOrder } from "../../../main/bidengine/capacity";
import { ATTO, formatDec18 } from "../../../main/bidengine/decimal";
import { decide } from "../../../main/bidengine/decide";
import { percentile, usdPerHourToAttoUactPerBlock, type CompiledContext } from "../../../main/bidengine/engine-context";
import type { NormalizedOrder } from "../../../main/bidengine/order-model";
import { orderMaxPrice, priceOrder } from "../../../main/bidengine/pricing";
import { context, gpuOrder, sdlOrder, settingsWith, type SettingsPatch } from "./helpers";

const GiB = 2 ** 30;
const prices = (over: Partial<ReturnType<typeof settingsWith>["pricing"]["usdPerHour"]> = {}) => ({
  usdPerHour: { gpu: { rtx3080: "0.25", "*": "0.20" }, cpuThread: "0.01", memoryGiB: "0.004", storageGiB: { ephemeral: "0.0002" }, endpoint: "0.001", leasedIp: "0.005", ...over },
});
const rig3080: SettingsPatch["declaredInventory"] = [
  { name: "rig", gpus: [{ model: "rtx3080", vendor: "nvidia", ramGi: 10, interface: "pcie", free: 2 }], cpuMillis: 8000, memoryBytes: String(32 * GiB), ephemeralBytes: String(500 * GiB), storageClasses: {} },
];

function quote(order: NormalizedOrder, ctx: CompiledContext) {
  const fit = fitOrder(order, ctx);
  if (!fit.ok) throw new Error(fit.decline.message);
  return priceOrder(order, fit.placements, ctx);
}

describe("USD/hour → uact/block", () => {
  it("converts at the measured block time (ACT ≈ $1)", () => {
    expect(usdPerHourToAttoUactPerBlock(3n * 10n ** 17n, 6000n)).toBe(500n * ATTO); // $0.30/h at 6 s = 500 uact/block
    expect(usdPerHourToAttoUactPerBlock(3n * 10n ** 17n, 1000n)).toBe(83_333_333_333_333_333_333n);
    expect(usdPerHourToAttoUactPerBlock(ATTO, 3600n)).toBe(1000n * ATTO); // a 3.6 s block is 1/1000 h
  });

  it("takes the nearest-rank percentile", () => {
    expect(percentile([700n, 400n, 600n, 500n], 50)).toBe(500n);
    expect(percentile([700n, 400n, 600n, 500n], 100)).toBe(700n);
    expect(percentile([700n, 400n], 0)).toBe(400n);
    expect(percentile([], 50)).toBeNull();
  });
});

describe("priceOrder with the official SDK's GroupSpecs", () => {
  it("prices multiple-services (3 units, counts 3/1/2) at the owner's fixed prices", () => {
    const order = sdlOrder("multiple-services");
    const ctx = context({ pricing: { ...settingsWith().pricing, ...prices() } });
    const result = quote(order, ctx);
    // 3×(0.005+0.004+0.0004) + (0.01+0.008+0.002) + 2×(0.001+0.001+0.0001+0.001) = $0.0544/h
    // × 10^6 × 6/3600 = 90.666… uact/block, floored to 18 decimals.
    expect(result).toMatchObject({ ok: true, quote: { strategy: "fixed", price: 90_666_666_666_666_666_666n, max: 1600n * ATTO } });
    // Floor: 2.7 threads × 6 W = 16.2 W × $0.30/kWh × 1.2 = $0.005832/h = 9.72 uact/block.
    expect(result.ok && result.quote.floor).toBe(9_720_000_000_000_000_000n);
  });

  it("prices gpu-basic's rtx3080 by model, with a floor from its measured watts", () => {
    const order = sdlOrder("gpu-basic");
    const ctx = context({ pricing: { ...settingsWith().pricing, ...prices() }, cost: { gpuWatts: { rtx3080: 320 } }, declaredInventory: rig3080 });
    const result = quote(order, ctx);
    // 0.25 + 0.01 + 0.008 + 0.002 + 0.001 = $0.271/h → 451.666… uact/block
    expect(result.ok && formatDec18(result.quote.price)).toBe("451.666666666666666666");
    // (320 W + 6 W) × 0.30 × 1.2 + 0.02 depreciation = $0.13736/h → 228.9333… (rounded up: never under)
    expect(result.ok && formatDec18(result.quote.floor)).toBe("228.933333333333333334");
    expect(result.ok && result.quote.max).toBe(1000n * ATTO);
  });

  it("caps at the order's max price (Σ price × count)", () => {
    const order = sdlOrder("pricing", 0); // provider-a: 5000 uact/block max
    expect(orderMaxPrice(order)).toBe(5000n * ATTO);
    const ctx = context({ pricing: { ...settingsWith().pricing, ...prices({ cpuThread: "10" }) } });
    const result = quote(order, ctx);
    expect(result.ok && result.quote.price).toBe(5000n * ATTO);
    expect(result.ok && result.quote.asked).toBeGreaterThan(5000n * ATTO);
  });

  it("never bids below the floor: raises the price, or declines when the max is below it", () => {
    const cheap = context({ pricing: { ...settingsWith().pricing, ...prices({ gpu: { "*": "0" }, cpuThread: "0", memoryGiB: "0", storageGiB: {}, endpoint: "0" }) } });
    const raised = quote(gpuOrder(), cheap);
    expect(raised.ok && raised.quote.price).toBe(raised.ok && raised.quote.floor);
    const d = decide(gpuOrder({ price: "100" }), context());
    expect(d).toMatchObject({ outcome: "declined", reason: "max_price_below_floor", fix: { setting: "cost.marginBps" } });
    // (350 W + 12 W) × 0.30 × 1.2 + 0.02 = $0.15032/h → 250.5333 uact/block
    expect(d.message).toBe("max price 100 uact/block is below your floor 250.5333 (electricity at the Pricing page's fallback $0.30/kWh)");
    expect(d.details).toMatchObject({ tariff: "the Pricing page's fallback $0.30/kWh", tariffUsdPerKwh: "0.3" });
  });

  it("applies the owner's minimum lease price as a second floor", () => {
    const ctx = context({ policies: { minLeaseUsdPerHour: "0.50" } }); // 833.33 uact/block
    const bid = decide(gpuOrder({ price: "1000" }), ctx);
    expect(bid.outcome).toBe("bid");
    expect(bid.quote!.price).toBe(833_333_333_333_333_333_333n);
    const low = decide(gpuOrder({ price: "800" }), ctx);
    expect(low).toMatchObject({ reason: "below_minimum_price", fix: { setting: "policies.minLeaseUsdPerHour" } });
  });
});

describe("market-relative pricing", () => {
  const market = (list: bigint[], adjustBps = -500) =>
    context({ pricing: { ...settingsWith().pricing, strategy: "market", market: { percentile: 50, adjustBps } } }, { marketGpuPrices: new Map([["rtx4090", list]]) });

  it("prices the GPU at the percentile of active leases minus the adjustment, the rest at fixed prices", () => {
    const ctx = market([700n * ATTO, 400n * ATTO, 600n * ATTO, 500n * ATTO]);
    const fixedPart = quote({ ...gpuOrder(), resources: [{ ...gpuOrder().resources[0]!, gpuUnits: 0, gpuAttributes: [] }] }, ctx);
    const result = quote(gpuOrder(), ctx);
    expect(result.ok && result.quote.marketReference).toBe(500n * ATTO);
    expect(result.ok && fixedPart.ok && result.quote.asked - fixedPart.quote.asked).toBe(475n * ATTO);
  });

  it("is clamped to the floor when the market is cheaper than the electricity", () => {
    const result = quote(gpuOrder(), market([10n * ATTO]));
    expect(result.ok && result.quote.price).toBe(result.ok && result.quote.floor);
  });

  it("falls back to the fixed GPU price for a model without market data", () => {
    const ctx = context({ pricing: { ...settingsWith().pricing, strategy: "market" } }, { marketGpuPrices: new Map([["a100", [900n * ATTO]]]) });
    const fixed = quote(gpuOrder(), context());
    const result = quote(gpuOrder(), ctx);
    expect(result.ok && result.quote.marketReference).toBeNull();
    expect(result.ok && fixed.ok && result.quote.price).toBe(fixed.ok && fixed.quote.price);
  });
});

describe("pricing invariants", () => {
  it("fuzz: every bid is ≥ floor, ≥ minimum, ≤ max, > 0, whatever the settings and the order", () => {
    let seed = 2024;
    const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const dec = () => `${rand(3)}.${String(rand(10_000)).padStart(4, "0")}`;
    let bids = 0;
    for (let i = 0; i < 400; i++) {
      const ctx = context(
        {
          pricing: { ...settingsWith().pricing, strategy: rand(2) ? "market" : "fixed", ...prices({ gpu: { rtx4090: dec(), "*": dec() }, cpuThread: dec(), memoryGiB: dec(), endpoint: dec() }), market: { percentile: rand(101), adjustBps: rand(4000) - 2000 } },
          cost: { gpuWatts: { rtx4090: rand(600) }, cpuWattsPerThread: rand(20), tariffUsdPerKwh: dec(), marginBps: rand(5000), depreciationUsdPerGpuHour: dec() },
          policies: { minLeaseUsdPerHour: rand(4) ? "0" : dec() },
          chain: { blockTimeMs: 1000 + rand(10_000) },
        },
        { marketGpuPrices: new Map([["rtx4090", [BigInt(rand(2000)) * ATTO, BigInt(rand(2000)) * ATTO]]]) },
      );
      const order = gpuOrder({ price: `${rand(3000)}.${rand(1000)}`, count: 1 + rand(2), gpus: 1 });
      const d = decide(order, { ...ctx, nodes: [{ ...ctx.nodes[0]!, gpus: [{ ...ctx.nodes[0]!.gpus[0]!, free: 4 }] }] });
      if (d.outcome !== "bid") {
        expect(["max_price_below_floor", "below_minimum_price"]).toContain(d.reason);
        continue;
      }
      bids++;
      const q = d.quote!;
      expect(q.price).toBeGreaterThanOrEqual(q.floor);
      expect(q.price).toBeGreaterThanOrEqual(ctx.prices.minLease);
      expect(q.price).toBeLessThanOrEqual(q.max);
      expect(q.price).toBeGreaterThan(0n);
    }
    expect(bids).toBeGreaterThan(50);
  });
});
