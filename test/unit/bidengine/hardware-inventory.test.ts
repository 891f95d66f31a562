import { describe, expect, it } from "vitest";
import { InventoryNode } from "../../../common/bidengine-schemas";
import type { CapacityInventory, GpuReport } from "../../../common/hardware-schemas";
import { decide } from "../../../main/bidengine/decide";
import { inventoryFromHardware } from "../../../main/bidengine/hardware-inventory";
import { context, gpuOrder } from "./helpers";

const GiB = 2 ** 30;
const gpu = (busId: string, model: string | null, over: Partial<GpuReport> = {}): GpuReport => ({
  index: 0,
  busId,
  vendor: "nvidia",
  name: "NVIDIA GeForce RTX 4090",
  pciVendorId: "10de",
  pciDeviceId: "2684",
  model,
  vram: "24Gi",
  interface: "pcie",
  modelSource: "pci-table",
  memoryBytes: 24 * GiB,
  driverVersion: "550.54",
  powerDrawWatts: 30,
  powerLimitWatts: 450,
  utilizationPct: 0,
  temperatureC: 40,
  pcieGen: 4,
  pcieWidth: 16,
  attributes: [],
  check: { verdict: "ready", message: "ready to sell", action: null },
  ...over,
});
const amounts = (cpuMillis: number, memoryBytes: number, storageBytes: number, gpus: number) => ({ cpuMillis, memoryBytes, storageBytes, gpus });
const capacity = (freeGpus: number, heldBusIds: string[] = []): CapacityInventory => ({
  detected: amounts(32_000, 64 * GiB, 1000 * GiB, 2),
  reserve: amounts(8000, 16 * GiB, 100 * GiB, 0),
  held: amounts(0, 0, 0, heldBusIds.length),
  free: amounts(24_000, 48 * GiB, 900 * GiB, freeGpus),
  reservations: heldBusIds.map((b, i) => ({ id: `r${i}`, kind: "bid" as const, amounts: amounts(1000, GiB, GiB, 1), gpuBusIds: [b], createdAt: "2026-11-18T12:00:00.000Z" })),
  storagePath: "/var/lib/rancher",
});

describe("inventoryFromHardware", () => {
  it("offers the free, sellable GPUs by model, and the free CPU, memory and disk", () => {
    const node = inventoryFromHardware(capacity(1, ["0000:01:00.0"]), [gpu("0000:01:00.0", "rtx4090"), gpu("0000:02:00.0", "rtx4090"), gpu("0000:03:00.0", null), gpu("0000:04:00.0", "rx7900", { vendor: "amd" })], { beta2: String(100 * GiB) });
    expect(InventoryNode.parse(node)).toEqual({
      name: "this-pc",
      gpus: [{ model: "rtx4090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 1 }],
      cpuMillis: 24_000,
      memoryBytes: String(48 * GiB),
      ephemeralBytes: String(900 * GiB),
      storageClasses: { beta2: String(100 * GiB) },
    });
  });

  it("never offers more GPUs than the ledger's free count, and drives decisions", () => {
    const node = inventoryFromHardware(capacity(0), [gpu("0000:01:00.0", "rtx4090")]);
    expect(node.gpus).toEqual([]);
    expect(decide(gpuOrder(), context({}, { inventory: [node] }))).toMatchObject({ reason: "insufficient_gpu", message: "needs 1 × rtx4090, you have 0 free" });
    const one = inventoryFromHardware(capacity(1), [gpu("0000:01:00.0", "rtx4090")]);
    expect(decide(gpuOrder(), context({}, { inventory: [one] })).outcome).toBe("bid");
  });
});
