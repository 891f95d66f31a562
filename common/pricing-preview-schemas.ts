import { z } from "zod";
import { BidEngineSettings, DecimalString } from "./bidengine-schemas";

// `bidengine.previewPrice`: what a draft of the owner's prices would ask for a few reference orders,
// computed by the engine's own pricing function (the renderer never re-implements pricing math).
// Amounts are decimal strings: uact per block, USD per day.

const ModelName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "lowercase Akash model name, e.g. rtx4090");

export const PreviewPriceInput = z
  .object({
    /** The unsaved draft; validated whole, exactly as `bidengine.updateSettings` would. */
    settings: BidEngineSettings,
    /** Share of the day the hardware is assumed leased, in whole percent (for the $/day estimate). */
    utilisationPercent: z.number().int().min(0).max(100).default(50),
    /** GPU models to build a reference order for (detected ones); the draft's own models are added. */
    gpuModels: z.array(ModelName).max(32).default([]),
  })
  .strict();
export type PreviewPriceInput = z.input<typeof PreviewPriceInput>;

export const ReferenceQuote = z.object({
  /** "1 × rtx4090 · 4 CPU · 16 GiB RAM · 100 GiB disk". */
  label: z.string(),
  gpuModel: z.string().nullable(),
  /** uact per block: what would be bid, the floor, and what the strategy asked before the floor. */
  price: DecimalString,
  floor: DecimalString,
  asked: DecimalString,
  /** The ask was below the floor, so the bid is raised to it. */
  raisedToFloor: z.boolean(),
  strategy: z.enum(["fixed", "market"]),
  /** Market strategy without market data for this model prices it at the fixed price. */
  marketFallback: z.boolean(),
  usdPerHour: DecimalString,
  /** At the assumed utilisation: what it earns, and what the floor (electricity × margin + wear) costs. */
  usdPerDay: DecimalString,
  floorUsdPerDay: DecimalString,
});
export type ReferenceQuote = z.infer<typeof ReferenceQuote>;

/** The electricity tariff the cost floor uses now: the owner's (Earnings page) or the Pricing page's fallback. */
export const TariffInForce = z.object({
  source: z.enum(["tariff", "fallback"]),
  /** USD per kWh, exact (the tariff's price × the owner's exchange rate). */
  usdPerKwh: DecimalString,
  /** One phrase naming it: "your EUR time-of-use tariff, band Mon–Fri 17:00–21:00: 0.42 EUR × 1.08 = $0.4536/kWh". */
  text: z.string(),
  /** Why the fallback is in force (no tariff set, no exchange rate); null while the owner's tariff is. */
  fallbackReason: z.string().nullable(),
});
export type TariffInForce = z.infer<typeof TariffInForce>;

export const PreviewPriceOutput = z.object({
  blockTimeMs: z.number().int().positive(),
  utilisationPercent: z.number().int().min(0).max(100),
  /** One sentence that says what the $/day figures assume. */
  assumption: z.string(),
  references: z.array(ReferenceQuote),
  tariff: TariffInForce,
});
export type PreviewPriceOutput = z.infer<typeof PreviewPriceOutput>;
