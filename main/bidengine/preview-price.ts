import type { BidEngineSettings } from "../../common/bidengine-schemas";
import type { PreviewPriceOutput, ReferenceQuote } from "../../common/pricing-preview-schemas";
import type { Placement } from "./capacity";
import { formatDec18 } from "./decimal";
import type { ElectricityRatePort } from "./electricity-rate";
import { compileContext, type CompiledContext } from "./engine-context";
import type { NormalizedOrder } from "./order-model";
import { priceOrder } from "./pricing";

// The Pricing page's live preview: a draft of the settings, priced against a few reference orders by
// the engine's own `priceOrder` (so the preview and the real bid can never disagree). A reference is
// one GPU of each model plus a typical share of the rest of the machine, and one CPU-only workload.

const GiB = 2n ** 30n;
const REFERENCE = { cpuMillis: 4000, memoryBytes: 16n * GiB, diskBytes: 100n * GiB };
/** An order ceiling no price reaches: the preview shows the ask, not a cap. */
const NO_CAP = 10n ** 36n;
const MS_PER_HOUR = 3_600_000n;
const UACT_PER_USD = 1_000_000n; // ACT ≈ $1

function referenceOrder(gpuModel: string | null): NormalizedOrder {
  return {
    owner: "akash1reference",
    dseq: 0n,
    gseq: 1,
    oseq: 1,
    key: `reference/${gpuModel ?? "cpu"}`,
    state: "open",
    createdAt: 0n,
    reclamation: false,
    groupName: "reference",
    signedBy: { allOf: [], anyOf: [] },
    attributes: [],
    resources: [
      {
        id: 1,
        cpuMillis: REFERENCE.cpuMillis,
        memoryBytes: REFERENCE.memoryBytes,
        storage: [{ name: "default", bytes: REFERENCE.diskBytes, storageClass: null, persistent: false, attributes: [] }],
        gpuUnits: gpuModel === null ? 0 : 1,
        gpuAttributes: gpuModel === null ? [] : [{ key: `vendor/nvidia/model/${gpuModel}`, value: "true" }],
        endpoints: [{ kind: "shared_http", sequence: 0 }],
        count: 1,
        price: { denom: "uact", atto: NO_CAP },
      },
    ],
  };
}

function label(gpuModel: string | null): string {
  const rest = `${REFERENCE.cpuMillis / 1000} CPU · ${REFERENCE.memoryBytes / GiB} GiB RAM · ${REFERENCE.diskBytes / GiB} GiB disk · 1 HTTP endpoint`;
  return gpuModel === null ? `CPU only: ${rest}` : `1 × ${gpuModel} · ${rest}`;
}

/** The GPU models a draft prices: the requested (detected) ones, the declared inventory's, the priced ones. */
export function previewModels(settings: BidEngineSettings, requested: readonly string[]): string[] {
  const models = new Set<string>(requested);
  for (const node of settings.declaredInventory) for (const gpu of node.gpus) models.add(gpu.model);
  for (const model of Object.keys(settings.pricing.usdPerHour.gpu)) if (model !== "*") models.add(model);
  return [...models].sort();
}

function quoteReference(ctx: CompiledContext, gpuModel: string | null, utilisationPercent: number): ReferenceQuote {
  const placements: Placement[] = [{ node: "reference", unitIndex: 0, replicas: 1, gpuModel }];
  const result = priceOrder(referenceOrder(gpuModel), placements, ctx);
  // With no ceiling, pricing only declines when the floor is above it, which cannot happen here.
  if (!result.ok) throw new Error(`reference order declined: ${result.decline.message}`);
  const q = result.quote;
  const blockMs = ctx.prices.blockMs;
  const perDay = (attoUactPerBlock: bigint) => (attoUactPerBlock * 24n * MS_PER_HOUR * BigInt(utilisationPercent)) / (blockMs * UACT_PER_USD * 100n);
  return {
    label: label(gpuModel),
    gpuModel,
    price: formatDec18(q.price),
    floor: formatDec18(q.floor),
    asked: formatDec18(q.asked),
    raisedToFloor: q.asked < q.floor,
    strategy: q.strategy,
    marketFallback: q.strategy === "market" && gpuModel !== null && q.marketReference === null,
    usdPerHour: formatDec18((q.price * MS_PER_HOUR) / (blockMs * UACT_PER_USD)),
    usdPerDay: formatDec18(perDay(q.price)),
    floorUsdPerDay: formatDec18(perDay(q.floor)),
  };
}

/** Prices each reference order under the draft settings. Pure: no I/O, nothing saved. */
export function previewPrice(
  settings: BidEngineSettings,
  opts: {
    utilisationPercent: number;
    gpuModels: readonly string[];
    now: Date;
    marketGpuPrices?: ReadonlyMap<string, readonly bigint[]>;
    /** The owner's hardware tariff (absent: the draft's fallback tariff prices the floor). */
    electricityRate?: ElectricityRatePort;
  },
): PreviewPriceOutput {
  const ctx = compileContext({
    settings,
    now: opts.now,
    utcOffsetMinutes: 0,
    gaming: false,
    openBids: 0,
    marketGpuPrices: opts.marketGpuPrices,
    electricityRate: opts.electricityRate,
  });
  const { tariff } = ctx;
  const references = [...previewModels(settings, opts.gpuModels).map((m) => quoteReference(ctx, m, opts.utilisationPercent)), quoteReference(ctx, null, opts.utilisationPercent)];
  return {
    blockTimeMs: settings.chain.blockTimeMs,
    utilisationPercent: opts.utilisationPercent,
    assumption:
      `$/day assumes the reference workload is leased ${opts.utilisationPercent} % of the day at the price shown, ` +
      `${settings.chain.blockTimeMs / 1000} s blocks and 1 ACT = $1; the floor is the electricity it draws × ${tariff.text} × (1 + margin) plus GPU wear.`,
    references,
    tariff: { source: tariff.source, usdPerKwh: formatDec18(tariff.attoUsdPerKwh), text: tariff.text, fallbackReason: tariff.fallbackReason },
  };
}
