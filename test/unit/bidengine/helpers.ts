import { readFileSync } from "node:fs";
import type { BidEngineSettings } from "../../../common/bidengine-schemas";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { compileContext, type CompiledContext, type EngineInputs } from "../../../main/bidengine/engine-context";
import { normalizeOrder } from "../../../main/bidengine/normalize-order";
import type { NormalizedOrder } from "../../../main/bidengine/order-model";

// Real fixtures live in ../shared beside the repository (never edited).
export const FIXTURES = new URL("../../../../shared/fixtures/", import.meta.url);

export function readFixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, FIXTURES), "utf8"));
}

export const SDL_CASES = ["gpu-basic", "http-options", "ip-endpoint", "multiple-services", "port-ranges", "pricing", "simple", "storage-classes"];

/** The official SDK's GroupSpecs for an SDL test vector. */
export function groupSpecs(name: string): Record<string, unknown>[] {
  return readFixture(`sdl/v2.0/${name}/group-specs.json`) as Record<string, unknown>[];
}

/**
 * A REST-shaped open order around a real GroupSpec. The SDL vectors predate BME (denom uakt), so
 * `denom` re-prices them the way the v2.0 upgrade migrated live orders.
 */
export function orderFromSpec(spec: Record<string, unknown>, opts: { denom?: string; owner?: string; dseq?: string; state?: string } = {}): unknown {
  const copy = structuredClone(spec) as { resources: { price: { denom: string } }[] };
  if (opts.denom) for (const r of copy.resources) r.price.denom = opts.denom;
  return {
    id: { owner: opts.owner ?? "akash1tenant0000000000000000000000000000000", dseq: opts.dseq ?? "1000", gseq: 1, oseq: 1 },
    state: opts.state ?? "open",
    spec: copy,
    created_at: "999",
    reclamation: null,
  };
}

export function sdlOrder(name: string, index = 0, opts: Parameters<typeof orderFromSpec>[1] = { denom: "uact" }): NormalizedOrder {
  return normalizeOrder(orderFromSpec(groupSpecs(name)[index]!, opts));
}

export type SettingsPatch = { [K in keyof BidEngineSettings]?: Partial<BidEngineSettings[K]> };

/** Default settings with some sections partly replaced. */
export function settingsWith(patch: SettingsPatch = {}): BidEngineSettings {
  const base = structuredClone(DEFAULT_BIDENGINE_SETTINGS) as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const current = base[key];
    base[key] = Array.isArray(value) || typeof value !== "object" || value === null ? value : { ...(current as object), ...value };
  }
  return base as BidEngineSettings;
}

export function context(patch: SettingsPatch = {}, inputs: Partial<Omit<EngineInputs, "settings">> = {}): CompiledContext {
  return compileContext({
    settings: settingsWith(patch),
    now: new Date("2026-11-18T12:00:00Z"), // a Wednesday
    utcOffsetMinutes: 0,
    gaming: false,
    openBids: 0,
    ...inputs,
  });
}

/** An order that the default settings can serve: one RTX 4090, 2 threads, 8 GiB. */
export function gpuOrder(opts: { price?: string; gpuKey?: string; gpus?: number; count?: number; owner?: string; denom?: string; signedBy?: string[] } = {}): NormalizedOrder {
  return normalizeOrder({
    id: { owner: opts.owner ?? "akash1tenant", dseq: "42", gseq: 1, oseq: 1 },
    state: "open",
    spec: {
      name: "g",
      requirements: { signed_by: { all_of: opts.signedBy ?? [], any_of: [] }, attributes: [{ key: "host", value: "akash" }] },
      resources: [
        {
          resource: {
            id: 1,
            cpu: { units: { val: "2000" } },
            memory: { quantity: { val: String(8 * 2 ** 30) } },
            storage: [{ name: "default", quantity: { val: String(20 * 2 ** 30) } }],
            gpu: { units: { val: String(opts.gpus ?? 1) }, attributes: [{ key: opts.gpuKey ?? "vendor/nvidia/model/rtx4090", value: "true" }] },
            endpoints: [{ kind: "SHARED_HTTP", sequence_number: 0 }],
          },
          count: opts.count ?? 1,
          price: { denom: opts.denom ?? "uact", amount: opts.price ?? "1000.000000000000000000" },
        },
      ],
    },
    created_at: "10",
  });
}
