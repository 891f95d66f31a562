import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { attributesSubset, globMatch, type Attribute } from "./attributes";
import { resourceValue } from "./resources";

// Placement rules a bid must pass on chain (PROTOCOL.md §2.7).

/** MatchRequirements: plain attributes against the provider's own, or signed by the required auditors. */
export function matchRequirements(spec: GroupSpec, providerAttributes: Attribute[], signedBy: (auditor: string) => Attribute[]): boolean {
  const wanted = spec.requirements?.attributes ?? [];
  const allOf = spec.requirements?.signedBy?.allOf ?? [];
  const anyOf = spec.requirements?.signedBy?.anyOf ?? [];
  if (allOf.length === 0 && anyOf.length === 0) return attributesSubset(wanted, providerAttributes);
  if (!allOf.every((auditor) => attributesSubset(wanted, signedBy(auditor)))) return false;
  if (anyOf.length > 0 && !anyOf.some((auditor) => attributesSubset(wanted, signedBy(auditor)))) return false;
  return true;
}

/** MatchResourcesRequirements: storage classes and GPU models against `capabilities/…` attributes. */
export function matchCapabilities(spec: GroupSpec, providerAttributes: Attribute[]): boolean {
  const storageGroups = new Map<string, Map<string, string>>();
  const gpuKeys: Attribute[] = [];
  for (const { key, value } of providerAttributes) {
    const storage = /^capabilities\/storage\/([^/]+)\/(.+)$/.exec(key);
    if (storage) {
      const group = storageGroups.get(storage[1] as string) ?? new Map<string, string>();
      group.set(storage[2] as string, value);
      storageGroups.set(storage[1] as string, group);
    }
    if (key.startsWith("capabilities/gpu/")) gpuKeys.push({ key: key.slice("capabilities/gpu/".length), value });
  }
  for (const unit of spec.resources) {
    for (const storage of unit.resource?.storage ?? []) {
      const attrs = new Map((storage.attributes ?? []).map((a) => [a.key, a.value]));
      const persistent = attrs.get("persistent") === "true";
      const storageClass = attrs.get("class") ?? "";
      if (!persistent && storageClass === "") continue;
      const ok = [...storageGroups.values()].some(
        (group) => (group.get("persistent") ?? "false") === String(persistent) && (storageClass === "" || group.get("class") === storageClass),
      );
      if (!ok) return false;
    }
    const gpu = unit.resource?.gpu;
    if (gpu && resourceValue(gpu.units?.val) > 0n && gpu.attributes.length > 0) {
      const ok = gpu.attributes.some((wanted) => gpuKeys.some((have) => globMatch(wanted.key, have.key) && wanted.value === have.value));
      if (!ok) return false;
    }
  }
  return true;
}
