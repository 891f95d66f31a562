import { manifestToSortedJSON } from "@akashnetwork/chain-sdk";
import { sha256 } from "@cosmjs/crypto";
import { DEMAND_MIX } from "../demand/mix";
import gpuBasic from "../demand/manifests/gpu-basic.json";
import httpOptions from "../demand/manifests/http-options.json";
import multipleServices from "../demand/manifests/multiple-services.json";
import pricing from "../demand/manifests/pricing.json";
import simple from "../demand/manifests/simple.json";
import storageClasses from "../demand/manifests/storage-classes.json";

// The manifest that belongs to a drawn deployment (the official vector of the same GroupSpec, with
// the GPU model the demand mix put in the spec), and its on-chain hash: sha256 over chain-sdk's
// sorted JSON, as tenants' tools compute it.

const VECTORS: Record<string, unknown> = {
  "gpu-basic": gpuBasic,
  simple,
  "http-options": httpOptions,
  "multiple-services": multipleServices,
  "storage-classes": storageClasses,
  pricing,
};

interface ManifestJson {
  services: Array<{ resources: { gpu?: { units: { val: string }; attributes?: Array<{ key: string; value: string }> } | null } }>;
}

export interface TenantManifest {
  /** The JSON body sent to the provider (PUT /deployment/{dseq}/manifest). */
  body: string;
  hash: Uint8Array;
}

export function manifestFor(kind: string): TenantManifest {
  const entry = DEMAND_MIX.find((e) => e.name === kind);
  if (!entry) throw new Error(`no demand entry named ${kind}`);
  const vector = entry.gpuModel ? "gpu-basic" : kind;
  const source = VECTORS[vector];
  if (!source) throw new Error(`no manifest vector for ${kind}`);
  const groups = structuredClone(source) as ManifestJson[];
  if (entry.gpuModel) {
    for (const group of groups)
      for (const service of group.services) {
        const gpu = service.resources.gpu;
        if (gpu && BigInt(gpu.units.val) > 0n) gpu.attributes = [{ key: `vendor/nvidia/model/${entry.gpuModel}`, value: "true" }];
      }
  }
  const body = JSON.stringify(groups);
  return { body, hash: sha256(new TextEncoder().encode(manifestToSortedJSON(groups as never))) };
}
