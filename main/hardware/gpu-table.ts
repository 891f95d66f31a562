import { z } from "zod";
import type { GpuInterface, GpuModelChoice } from "../../common/hardware-schemas";
import rawTable from "./data/gpus.json";

// Akash's PCI id table (provider-configs gpus.json, shipped with the app): vendor id → device id →
// Akash model name, memory size and interface. Validated once at load so a bad upstream update
// fails loudly in tests rather than publishing wrong attributes.

const TableSchema = z.record(
  z.string().regex(/^[0-9a-f]{4}$/),
  z.object({
    name: z.string().min(1),
    devices: z.record(
      z.string().regex(/^[0-9a-f]{4}$/),
      z.object({ name: z.string().regex(/^[a-z0-9]+$/), interface: z.string().min(1), memory_size: z.string().regex(/^\d+Gi$/) }),
    ),
  }),
);

export interface GpuTableEntry extends GpuModelChoice {
  vendorId: string;
  deviceId: string;
}

const VENDOR_NAMES: Record<string, GpuModelChoice["vendor"]> = { "10de": "nvidia", "1002": "amd" };

/** "PCIe" → pcie, "SXM", "SXM2" … "SXM5" → sxm: the two interfaces the Akash SDL knows. */
export function normalizeInterface(raw: string): GpuInterface | null {
  const text = raw.trim().toLowerCase();
  if (text === "pcie") return "pcie";
  if (/^sxm\d*$/.test(text)) return "sxm";
  return null;
}

export class GpuTable {
  private readonly byId = new Map<string, GpuTableEntry>();
  readonly entries: readonly GpuTableEntry[];

  constructor(raw: unknown) {
    const table = TableSchema.parse(raw);
    const entries: GpuTableEntry[] = [];
    for (const [vendorId, vendor] of Object.entries(table)) {
      const vendorName = VENDOR_NAMES[vendorId];
      if (!vendorName) continue;
      for (const [deviceId, device] of Object.entries(vendor.devices)) {
        const iface = normalizeInterface(device.interface);
        if (!iface) throw new Error(`gpus.json: ${vendorId}:${deviceId} has an unknown interface "${device.interface}"`);
        const entry = { vendor: vendorName, vendorId, deviceId, model: device.name, vram: device.memory_size, interface: iface };
        entries.push(entry);
        this.byId.set(`${vendorId}:${deviceId}`, entry);
      }
    }
    this.entries = entries;
  }

  /** Ids are 4 hex digits, any case, with or without "0x". */
  lookup(vendorId: string, deviceId: string): GpuTableEntry | undefined {
    return this.byId.get(`${normalizeId(vendorId)}:${normalizeId(deviceId)}`);
  }

  hasModel(model: string): boolean {
    return this.entries.some((e) => e.model === model);
  }

  /** The distinct {vendor, model, vram, interface} rows, sorted: what the user picks an unknown card from. */
  choices(): GpuModelChoice[] {
    const seen = new Map<string, GpuModelChoice>();
    for (const e of this.entries) {
      const choice = { vendor: e.vendor, model: e.model, vram: e.vram, interface: e.interface };
      seen.set(choiceKey(choice), choice);
    }
    return [...seen.values()].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.model.localeCompare(b.model) || parseInt(a.vram) - parseInt(b.vram) || a.interface.localeCompare(b.interface));
  }

  isChoice(choice: GpuModelChoice): boolean {
    return this.entries.some((e) => choiceKey(e) === choiceKey(choice));
  }

  /** The table rows for one model name, e.g. every "a100" variant. */
  variants(model: string): GpuTableEntry[] {
    return this.entries.filter((e) => e.model === model);
  }
}

function choiceKey(c: GpuModelChoice): string {
  return `${c.vendor}/${c.model}/${c.vram}/${c.interface}`;
}

function normalizeId(id: string): string {
  return id.trim().toLowerCase().replace(/^0x/, "");
}

/** The table shipped with the app. */
export const gpuTable = new GpuTable(rawTable);
