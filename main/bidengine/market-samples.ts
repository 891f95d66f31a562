import { BID_DENOM } from "./chain-rules";
import { parseDec18 } from "./decimal";
import { normalizeOrder } from "./normalize-order";

// Market reference data from the chain's active leases, purely: a lease's group (its GroupSpec, read
// once per group) → which GPU model and how many GPUs it rents; the lease's price per block ÷ those
// GPUs → one per-GPU price sample for that model.
//
// The approximation, stated: a lease has one price for the whole group, so the CPU, memory, storage
// and endpoints that come with the GPUs are folded into the per-GPU price (what other market
// dashboards do too). Only groups that rent one GPU model are sampled: a group that accepts "rtx4090
// or a100", any model (`model/*`), or GPUs without a model says nothing about one model's price.
// Model keys are lower-case Akash names (`rtx4090`), the names the engine's inventory and pricing use.

export type SkipReason = "no_gpu" | "gpu_model_unknown" | "several_gpu_models" | "denom" | "zero_price" | "malformed";

export type Skip = { ok: false; reason: SkipReason; detail: string };

/** What one group rents, as far as GPU pricing is concerned. Never changes for a group. */
export type GpuProfile = { ok: true; model: string; gpus: bigint } | Skip;

export type PriceSample = { ok: true; model: string; perGpu: bigint } | Skip;

const MODEL_KEY = /^vendor\/[^/]+\/model\/([^/]+)(?:\/|$)/u;
const GLOB = /[*?[\]\\]/u;

/** A GroupSpec (REST JSON or chain-sdk protobuf) → its one GPU model and GPU count, or why not. Never throws. */
export function gpuProfileOf(spec: unknown): GpuProfile {
  let resources;
  try {
    // The order reader validates a GroupSpec exactly as it does an order's; the id is a placeholder.
    resources = normalizeOrder({ id: { owner: "market", dseq: "0", gseq: 0, oseq: 0 }, state: "open", spec }, "group").resources;
  } catch (error) {
    return { ok: false, reason: "malformed", detail: error instanceof Error ? error.message : String(error) };
  }
  const models = new Set<string>();
  let gpus = 0n;
  for (const unit of resources) {
    if (unit.gpuUnits === 0) continue;
    gpus += BigInt(unit.gpuUnits) * BigInt(unit.count);
    const unitModels = new Set<string>();
    for (const a of unit.gpuAttributes) {
      if (a.value !== "true") continue;
      const m = MODEL_KEY.exec(a.key);
      if (m) unitModels.add(m[1]!.toLowerCase());
    }
    if (unitModels.size === 0) return { ok: false, reason: "gpu_model_unknown", detail: `resource ${unit.id} rents ${unit.gpuUnits} GPU(s) of no named model` };
    for (const model of unitModels) {
      if (GLOB.test(model)) return { ok: false, reason: "gpu_model_unknown", detail: `resource ${unit.id} accepts any GPU model (${model})` };
      models.add(model);
    }
  }
  if (gpus === 0n) return { ok: false, reason: "no_gpu", detail: "the group rents no GPU" };
  if (models.size > 1) return { ok: false, reason: "several_gpu_models", detail: `the group accepts ${[...models].sort().join(", ")}` };
  return { ok: true, model: [...models][0]!, gpus };
}

/** A lease's price (a DecCoin per block, REST or protobuf shape) over its group's profile → one sample. Never throws. */
export function priceSample(price: unknown, profile: GpuProfile): PriceSample {
  if (!profile.ok) return profile;
  if (typeof price !== "object" || price === null) return { ok: false, reason: "malformed", detail: "the lease has no price" };
  const { denom, amount } = price as { denom?: unknown; amount?: unknown };
  if (typeof denom !== "string" || typeof amount !== "string") return { ok: false, reason: "malformed", detail: "the lease price is not a coin" };
  if (denom !== BID_DENOM) return { ok: false, reason: "denom", detail: `priced in ${denom.length > 24 ? `${denom.slice(0, 16)}…` : denom}, not ${BID_DENOM}` };
  let atto: bigint;
  try {
    atto = parseDec18(amount, "lease price");
  } catch (error) {
    return { ok: false, reason: "malformed", detail: (error as Error).message };
  }
  if (atto === 0n) return { ok: false, reason: "zero_price", detail: "the lease price is zero" };
  return { ok: true, model: profile.model, perGpu: atto / profile.gpus };
}

/** Samples by model, each list sorted ascending (the percentile sorts again; sorted lists read well in logs and tests). */
export function groupSamples(samples: Iterable<{ model: string; perGpu: bigint }>): Map<string, bigint[]> {
  const byModel = new Map<string, bigint[]>();
  for (const s of samples) {
    const list = byModel.get(s.model);
    if (list) list.push(s.perGpu);
    else byModel.set(s.model, [s.perGpu]);
  }
  for (const list of byModel.values()) list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return byModel;
}

/** Why leases were left out of a snapshot: a count per reason and the first example, for one log line. */
export class SkipTally {
  private readonly byReason = new Map<string, { count: number; first: string }>();

  add(reason: string, detail: string): void {
    const entry = this.byReason.get(reason);
    if (entry) entry.count++;
    else this.byReason.set(reason, { count: 1, first: detail.slice(0, 160) });
  }

  count(reason: string): number {
    return this.byReason.get(reason)?.count ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const e of this.byReason.values()) n += e.count;
    return n;
  }

  /** "no_gpu 700 (the group rents no GPU); denom 3 (priced in ibc/…)". */
  summary(): string {
    return [...this.byReason.entries()].map(([reason, e]) => `${reason} ${e.count} (e.g. ${e.first})`).join("; ");
  }
}
