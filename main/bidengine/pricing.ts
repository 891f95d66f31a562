import type { Placement } from "./capacity";
import { divCeil, formatShort } from "./decimal";
import { usdPerHourToAttoUactPerBlock, type CompiledContext, type CompiledPrices } from "./engine-context";
import { decline, type Decline } from "./decline";
import type { NormalizedOrder, ResourceUnit } from "./order-model";

// What to ask for an order that can be served: the owner's USD/hour prices turned into uact per block
// (ACT ≈ $1) at the measured block time, or a market-relative GPU price; never below the cost floor
// (electricity for what is sold × the tariff in force now × (1 + margin), plus depreciation) or the owner's minimum,
// never above what the order offers (Σ price × count). All amounts are atto-units (× 10^18).

export interface PriceQuote {
  strategy: "fixed" | "market";
  /** atto-uact per block for the whole group. */
  price: bigint;
  floor: bigint;
  max: bigint;
  /** Market reference per GPU unit for the model used (atto-uact per block); null without data. */
  marketReference: bigint | null;
  /** The price before the floor and the cap were applied. */
  asked: bigint;
}

export type PriceResult = { ok: true; quote: PriceQuote } | { ok: false; decline: Decline };

const GiB = 2n ** 30n;
const MW_PER_KW = 1_000_000n; // milliwatts per kilowatt
const BPS = 10_000n;

/** The order's ceiling: Σ unit price × count, atto-uact per block. */
export function orderMaxPrice(order: NormalizedOrder): bigint {
  let max = 0n;
  for (const unit of order.resources) max += unit.price.atto * BigInt(unit.count);
  return max;
}

function storagePrice(p: CompiledPrices, cls: string | null, persistent: boolean): bigint {
  if (cls === "ram") return p.storageGiB.get("ram") ?? p.memoryGiB;
  if (persistent) return p.storageGiB.get(cls ?? "default") ?? p.storageGiB.get("ephemeral") ?? 0n;
  return p.storageGiB.get("ephemeral") ?? 0n;
}

/** atto-USD per hour of one replica, without its GPUs. */
function nonGpuUsdPerHour(unit: ResourceUnit, p: CompiledPrices): bigint {
  let usd = (BigInt(unit.cpuMillis) * p.cpuThread) / 1000n + (unit.memoryBytes * p.memoryGiB) / GiB;
  for (const v of unit.storage) usd += (v.bytes * storagePrice(p, v.storageClass, v.persistent)) / GiB;
  for (const e of unit.endpoints) usd += e.kind === "leased_ip" ? p.leasedIp : p.endpoint;
  return usd;
}

export function priceOrder(order: NormalizedOrder, placements: readonly Placement[], ctx: CompiledContext): PriceResult {
  const p = ctx.prices;
  const market = ctx.settings.pricing.market;
  const strategy = ctx.settings.pricing.strategy;
  let fixedUsd = 0n; // atto-USD/h, everything at the owner's prices
  let marketUsd = 0n; // atto-USD/h of the parts the market strategy still prices at fixed rates
  let marketGpuUact = 0n; // atto-uact/block of GPU units priced from the market reference
  let milliwatts = 0n;
  let gpus = 0n;
  let reference: bigint | null = null;

  for (const placement of placements) {
    const unit = order.resources[placement.unitIndex]!;
    const n = BigInt(placement.replicas);
    const gpuUnits = BigInt(unit.gpuUnits);
    const base = nonGpuUsdPerHour(unit, p) * n;
    let gpuUsd = 0n;
    let gpuWatts = 0n;
    if (placement.gpuModel !== null && gpuUnits > 0n) {
      const model = placement.gpuModel;
      gpuUsd = (p.gpu.get(model) ?? p.gpuDefault) * gpuUnits * n;
      gpuWatts = (p.gpuWatts.get(model) ?? p.gpuWattsDefault) * gpuUnits * n;
      gpus += gpuUnits * n;
      const ref = ctx.marketReference.get(model);
      if (ref !== undefined) {
        reference = ref;
        marketGpuUact += ((ref * (BPS + BigInt(market.adjustBps))) / BPS) * gpuUnits * n;
        marketUsd += base;
      } else marketUsd += base + gpuUsd;
    } else marketUsd += base;
    fixedUsd += base + gpuUsd;
    milliwatts += gpuWatts * 1000n + BigInt(unit.cpuMillis) * p.cpuWattsPerThread * n;
  }

  const energyUsd = divCeil(milliwatts * p.tariffAttoUsdPerKwh, MW_PER_KW);
  const floorUsd = divCeil(energyUsd * (BPS + p.marginBps), BPS) + p.depreciationPerGpuHour * gpus;
  const floor = divCeil(floorUsd * p.blockMs * 10n, 36n);
  const asked =
    strategy === "market" ? usdPerHourToAttoUactPerBlock(marketUsd, p.blockMs) + marketGpuUact : usdPerHourToAttoUactPerBlock(fixedUsd, p.blockMs);
  const max = orderMaxPrice(order);

  if (floor > max || max === 0n) {
    return {
      ok: false,
      decline: decline(
        "max_price_below_floor",
        `max price ${formatShort(max)} uact/block is below your floor ${formatShort(floor)} (electricity at ${ctx.tariff.text})`,
        { maxPrice: formatShort(max, 18), floor: formatShort(floor, 18), watts: Number(milliwatts / 1000n), tariff: ctx.tariff.text, tariffUsdPerKwh: formatShort(p.tariffAttoUsdPerKwh, 18) },
        {
          setting: "cost.marginBps",
          hint:
            ctx.tariff.source === "tariff"
              ? "the floor is electricity × your tariff (set on the Earnings page) × (1 + margin) + depreciation; a lower margin or depreciation lowers it"
              : "the floor is electricity × tariff × (1 + margin) + depreciation; a lower margin or depreciation lowers it",
        },
      ),
    };
  }
  if (p.minLease > max) {
    return {
      ok: false,
      decline: decline(
        "below_minimum_price",
        `max price ${formatShort(max)} uact/block is below your minimum lease price ${formatShort(p.minLease)}`,
        { maxPrice: formatShort(max, 18), minimum: formatShort(p.minLease, 18) },
        { setting: "policies.minLeaseUsdPerHour", hint: "lower your minimum lease price" },
      ),
    };
  }
  let price = asked;
  if (price < floor) price = floor;
  if (price < p.minLease) price = p.minLease;
  if (price > max) price = max;
  if (price === 0n) price = 1n; // the chain refuses a zero bid price; max > 0 here
  return { ok: true, quote: { strategy, price, floor, max, marketReference: reference, asked } };
}
