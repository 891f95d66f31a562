import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { groupSpecFromJson } from "../json/group-spec";
import { resourceValue } from "../modules/resources";
import type { Rng } from "../util/rng";
import gpuBasic from "./specs/gpu-basic.json";
import httpOptions from "./specs/http-options.json";
import multipleServices from "./specs/multiple-services.json";
import pricingSpec from "./specs/pricing.json";
import simple from "./specs/simple.json";
import storageClasses from "./specs/storage-classes.json";

// The demand mix (documented in docs: weights sum to 100):
//   GPU, one unit, from the gpu-basic vector with the model replaced:
//     rtx4090 25 · rtx3090 15 · a100 10 · h100 10 · any model (vendor/nvidia/model/*) 10
//   CPU-only vectors as published: simple 10 · http-options 5 · multiple-services 5 ·
//     storage-classes 5 · pricing 5
// One deployment in ten keeps the vector's signed_by (the Akash auditor), like console's trial
// orders, so an unaudited home provider sees orders it cannot win.
//
// Prices are uact per block (1 ACT ≈ $1, ~600 blocks an hour): the tenant's maximum is a plausible
// market rate for the resources, times a markup drawn from 1.2–1.6.

export const AKASH_AUDITOR = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";

/** uact per block per GPU at roughly mainnet-like hourly prices ($/h × 1666.7). */
export const GPU_RATES: Record<string, number> = { rtx4090: 500, rtx3090: 330, a100: 1500, h100: 3000, "*": 400 };
const CPU_RATE_PER_CORE = 17; // ≈ $0.01/h per vCPU
const MEMORY_RATE_PER_GIB = 7; // ≈ $0.004/h per GiB
const STORAGE_RATE_PER_GIB = 0.2; // ≈ $0.0001/h per GiB

interface Entry {
  weight: number;
  name: string;
  json: unknown;
  gpuModel?: string;
}

export const DEMAND_MIX: Entry[] = [
  { weight: 25, name: "gpu-rtx4090", json: gpuBasic, gpuModel: "rtx4090" },
  { weight: 15, name: "gpu-rtx3090", json: gpuBasic, gpuModel: "rtx3090" },
  { weight: 10, name: "gpu-a100", json: gpuBasic, gpuModel: "a100" },
  { weight: 10, name: "gpu-h100", json: gpuBasic, gpuModel: "h100" },
  { weight: 10, name: "gpu-any", json: gpuBasic, gpuModel: "*" },
  { weight: 10, name: "simple", json: simple },
  { weight: 5, name: "http-options", json: httpOptions },
  { weight: 5, name: "multiple-services", json: multipleServices },
  { weight: 5, name: "storage-classes", json: storageClasses },
  { weight: 5, name: "pricing", json: pricingSpec },
];

const GIB = 1024n ** 3n;

/** The per-block market rate of one resource unit, in uact. */
export function unitRate(unit: GroupSpec["resources"][number], gpuModel?: string): number {
  const resource = unit.resource;
  const cpu = Number(resourceValue(resource?.cpu?.units?.val)) / 1000;
  const memory = Number(resourceValue(resource?.memory?.quantity?.val) / (GIB / 1024n)) / 1024;
  const storage = (resource?.storage ?? []).reduce((sum, s) => sum + Number(resourceValue(s.quantity?.val) / (GIB / 1024n)) / 1024, 0);
  const gpus = Number(resourceValue(resource?.gpu?.units?.val));
  const gpu = gpus > 0 ? gpus * (GPU_RATES[gpuModel ?? "*"] ?? GPU_RATES["*"] ?? 400) : 0;
  return cpu * CPU_RATE_PER_CORE + memory * MEMORY_RATE_PER_GIB + storage * STORAGE_RATE_PER_GIB + gpu;
}

export interface DrawnDeployment {
  kind: string;
  groups: GroupSpec[];
  /** Σ over groups of the order price (uact per block, integer). */
  ratePerBlock: bigint;
}

export interface DrawOptions {
  /** Only these mix entries (by name), with their relative weights; default all. */
  kinds?: readonly string[];
  /** Share of draws that keep the vector's signed_by; default 0.1. */
  auditedShare?: number;
}

/** The mix narrowed to `kinds`; an unknown name is an error that lists the known ones. */
export function demandEntries(kinds?: readonly string[]): Entry[] {
  if (kinds === undefined) return DEMAND_MIX;
  const known = new Set(DEMAND_MIX.map((e) => e.name));
  const unknown = kinds.filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`unknown demand kind(s) ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
  const entries = DEMAND_MIX.filter((e) => kinds.includes(e.name));
  if (entries.length === 0) throw new Error("tenants.kinds must name at least one demand kind");
  return entries;
}

/** Draws one deployment: its GroupSpecs, repriced in uact, with requirements as the mix says. */
export function drawDeployment(rng: Rng, options: DrawOptions = {}): DrawnDeployment {
  const entry = rng.weighted(demandEntries(options.kinds).map((e) => ({ weight: e.weight, value: e })));
  const specs = (entry.json as unknown[]).map((json) => groupSpecFromJson(json));
  const keepAudit = rng.next() < (options.auditedShare ?? 0.1);
  let ratePerBlock = 0n;
  const groups = specs.map((spec) => {
    for (const unit of spec.resources) {
      const gpu = unit.resource?.gpu;
      if (entry.gpuModel && gpu && resourceValue(gpu.units?.val) > 0n) {
        gpu.attributes = [{ key: `vendor/nvidia/model/${entry.gpuModel}`, value: "true" }];
      }
      const markup = 1.2 + rng.next() * 0.4;
      const price = BigInt(Math.max(1, Math.round(unitRate(unit, entry.gpuModel) * markup)));
      unit.price = { denom: "uact", amount: price.toString() };
      ratePerBlock += price * BigInt(unit.count);
    }
    const signedBy = keepAudit ? spec.requirements?.signedBy : { allOf: [], anyOf: [] };
    spec.requirements = { signedBy, attributes: [{ key: "host", value: "akash" }] };
    return spec;
  });
  return { kind: entry.name, groups, ratePerBlock };
}
