import type { GpuAttribute, GpuInterface } from "../../common/hardware-schemas";

// The provider attributes one NVIDIA card makes the provider publish (PROTOCOL.md §2.7). Orders match
// GPU attributes by path, and the SDL emits ".../ram/<X>/interface/<i>" while the provider docs list
// ".../interface/<i>/ram/<X>", so both orders are published.

/** The chain's rule for attribute keys (provider ValidateBasic). */
export const ATTRIBUTE_KEY = /^([a-zA-Z][\w/.-]{1,126})$/;

export function gpuAttributes(model: string, vram: string, iface: GpuInterface): GpuAttribute[] {
  const base = `capabilities/gpu/vendor/nvidia/model/${model}`;
  return [
    { key: "capabilities/gpu", value: "nvidia" },
    { key: base, value: "true" },
    { key: `${base}/ram/${vram}`, value: "true" },
    { key: `${base}/interface/${iface}`, value: "true" },
    { key: `${base}/interface/${iface}/ram/${vram}`, value: "true" },
    { key: `${base}/ram/${vram}/interface/${iface}`, value: "true" },
  ];
}

/** The deduplicated union, in first-seen order: what registration publishes for several cards. */
export function mergeAttributes(lists: readonly GpuAttribute[][]): GpuAttribute[] {
  const seen = new Map<string, GpuAttribute>();
  for (const list of lists) for (const attr of list) if (!seen.has(attr.key)) seen.set(attr.key, attr);
  return [...seen.values()];
}
