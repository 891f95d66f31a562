import type { GpuInterface, GpuModelChoice, GpuModelSource } from "../../common/hardware-schemas";
import { modelFromName } from "./gpu-name-model";
import type { GpuTable } from "./gpu-table";

// Card → Akash model: the PCI id table first, the marketing name second, the user's choice over both.

export interface ModelInput {
  vendorId: string | null;
  deviceId: string | null;
  name: string;
  memoryMiB: number | null;
}

export interface ResolvedModel {
  model: string | null;
  vram: string | null;
  interface: GpuInterface | null;
  source: GpuModelSource;
}

export const UNKNOWN_MODEL: ResolvedModel = { model: null, vram: null, interface: null, source: "unknown" };

export function resolveModel(table: GpuTable, input: ModelInput, override?: GpuModelChoice | null): ResolvedModel {
  if (override) return { model: override.model, vram: override.vram, interface: override.interface, source: "override" };
  if (input.vendorId && input.deviceId) {
    const hit = table.lookup(input.vendorId, input.deviceId);
    if (hit) return { model: hit.model, vram: hit.vram, interface: hit.interface, source: "pci-table" };
  }
  const hint = modelFromName(input.name);
  if (!hint) return UNKNOWN_MODEL;
  const measuredGi = input.memoryMiB !== null && input.memoryMiB > 0 ? input.memoryMiB / 1024 : null;
  const wantGi = hint.vramGiHint ?? measuredGi;
  let variants = table.variants(hint.model);
  if (hint.interfaceHint) {
    const sameInterface = variants.filter((v) => v.interface === hint.interfaceHint);
    if (sameInterface.length) variants = sameInterface;
  }
  if (variants.length) {
    // The table's nominal size nearest to what the card has (an H200 reports 140.4 GiB; the table says 141Gi).
    const best = wantGi === null ? variants[0]! : variants.reduce((a, b) => (Math.abs(parseInt(b.vram) - wantGi) < Math.abs(parseInt(a.vram) - wantGi) ? b : a));
    return { model: best.model, vram: best.vram, interface: hint.interfaceHint ?? best.interface, source: "name" };
  }
  if (wantGi === null || Math.round(wantGi) < 1) return { model: hint.model, vram: null, interface: hint.interfaceHint ?? "pcie", source: "name" };
  return { model: hint.model, vram: `${Math.round(wantGi)}Gi`, interface: hint.interfaceHint ?? "pcie", source: "name" };
}
