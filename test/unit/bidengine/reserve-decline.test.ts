import { describe, expect, it } from "vitest";
import { InventoryNode } from "../../../common/bidengine-schemas";
import type { CapacityAmounts, CapacityInventory, GpuReport } from "../../../common/hardware-schemas";
import { decide } from "../../../main/bidengine/decide";
import { inventoryFromHardware, withDesktopReserve } from "../../../main/bidengine/hardware-inventory";
import { context, gpuOrder } from "./helpers";

// A decline for CPU, memory or disk names the desktop reserve when the reserve is what makes the
// order short ("2 of 2 kept for you"), with the setting and how much to keep at most for it to fit;
// when the machine is too small even with the reserve sold, it does not blame the reserve.

const GiB = 2 ** 30;
const amounts = (cpuMillis: number, memoryBytes: number, storageBytes: number, gpus: number): CapacityAmounts => ({ cpuMillis, memoryBytes, storageBytes, gpus });
const rtx4090: GpuReport = {
  index: 0,
  busId: "0000:01:00.0",
  vendor: "nvidia",
  name: "NVIDIA GeForce RTX 4090",
  pciVendorId: "10de",
  pciDeviceId: "2684",
  model: "rtx4090",
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
};

/** The hardware ledger's view: free = detected − kept (nothing held). */
function box(detected: CapacityAmounts, kept: CapacityAmounts): InventoryNode {
  const free = amounts(detected.cpuMillis - kept.cpuMillis, detected.memoryBytes - kept.memoryBytes, detected.storageBytes - kept.storageBytes, detected.gpus);
  const capacity: CapacityInventory = { detected, reserve: kept, held: amounts(0, 0, 0, 0), free, reservations: [], storagePath: "/var/lib/akash" };
  return withDesktopReserve(inventoryFromHardware(capacity, [rtx4090]), capacity);
}
const decideOn = (node: InventoryNode, order = gpuOrder()) => decide(order, context({}, { inventory: [InventoryNode.parse(node)] }));

describe("declines the desktop reserve causes", () => {
  it("CPU: a 2-thread PC keeping both threads says so, and points at the Pricing page's reserve", () => {
    const d = decideOn(box(amounts(2000, 16 * GiB, 300 * GiB, 1), amounts(2000, 8 * GiB, 100 * GiB, 0)));
    expect(d).toMatchObject({ outcome: "declined", reason: "insufficient_cpu", details: { cpuMillisNeeded: 2000, cpuMillisFree: 0, cpuMillisKept: 2000, cpuMillisDetected: 2000 } });
    expect(d.message).toBe("needs 2 CPU threads, you have 0 free (2 of 2 kept for you — the desktop reserve on the Pricing page)");
    expect(d.fix).toEqual({ setting: "hardware.reserve.cpuThreads", hint: "keep at most 0 CPU threads for yourself (“What this PC keeps for you” on the Pricing page) to fit this order" });
    // Keeping 2 of 4 threads leaves the 2 the order needs: it is bid.
    expect(decideOn(box(amounts(4000, 16 * GiB, 300 * GiB, 1), amounts(2000, 8 * GiB, 100 * GiB, 0))).outcome).toBe("bid");
    // 3 of 4 kept: keep at most 2.
    expect(decideOn(box(amounts(4000, 16 * GiB, 300 * GiB, 1), amounts(3000, 8 * GiB, 100 * GiB, 0))).fix?.hint).toMatch(/^keep at most 2 CPU threads/);
  });

  it("memory and disk: the kept amount, the detected one, and how much to keep at most", () => {
    const memory = decideOn(box(amounts(16_000, 16 * GiB, 300 * GiB, 1), amounts(2000, 12 * GiB, 100 * GiB, 0)));
    expect(memory.message).toBe("needs 8 GiB of memory, you have 4 GiB free (12 of 16 GiB kept for you — the desktop reserve on the Pricing page)");
    expect(memory.fix).toEqual({ setting: "hardware.reserve.memoryBytes", hint: "keep at most 8 GiB of memory for yourself (“What this PC keeps for you” on the Pricing page) to fit this order" });
    const disk = decideOn(box(amounts(16_000, 64 * GiB, 300 * GiB, 1), amounts(2000, 8 * GiB, 290 * GiB, 0)));
    expect(disk).toMatchObject({ reason: "insufficient_storage", details: { bytesKept: String(290 * GiB) } });
    expect(disk.message).toBe("needs 20 GiB of disk, you have 10 GiB free (290 of 300 GiB kept for you — the desktop reserve on the Pricing page)");
    expect(disk.fix?.setting).toBe("hardware.reserve.diskBytes");
    expect(disk.fix?.hint).toMatch(/^keep at most 280 GiB of disk/);
  });

  it("does not blame the reserve when the order would not fit even with all of it sold", () => {
    const d = decideOn(box(amounts(2000, 16 * GiB, 300 * GiB, 1), amounts(2000, 8 * GiB, 100 * GiB, 0)), gpuOrder({ count: 2 }));
    // Two replicas need two GPUs and this PC has one: the GPU is short, whatever the reserve.
    expect(d.reason).toBe("insufficient_gpu");
    // One thread detected, kept: the order's 2 threads would not fit even with the reserve sold.
    const big = decideOn(box(amounts(1000, 16 * GiB, 300 * GiB, 1), amounts(1000, 8 * GiB, 100 * GiB, 0)));
    expect(big.message).toBe("needs 2 CPU threads, you have 0 free");
    expect(big.fix).toBeNull();
    expect(big.details).not.toHaveProperty("cpuMillisKept");
  });

  it("a node without the reserve (declared, or k3s allocatable) keeps the plain message", () => {
    const node = box(amounts(2000, 16 * GiB, 300 * GiB, 1), amounts(2000, 8 * GiB, 100 * GiB, 0));
    delete node.desktopReserve;
    const d = decideOn(node);
    expect(d.message).toBe("needs 2 CPU threads, you have 0 free");
    expect(d.fix).toBeNull();
  });

  it("the node with its reserve passes the contract's schema unchanged", () => {
    const node = box(amounts(2000, 16 * GiB, 300 * GiB, 1), amounts(2000, 8 * GiB, 100 * GiB, 0));
    expect(InventoryNode.parse(node)).toEqual(node);
    expect(node.desktopReserve).toEqual({
      kept: { cpuMillis: 2000, memoryBytes: String(8 * GiB), ephemeralBytes: String(100 * GiB) },
      detected: { cpuMillis: 2000, memoryBytes: String(16 * GiB), ephemeralBytes: String(300 * GiB) },
    });
    expect(InventoryNode.safeParse({ ...node, desktopReserve: { kept: { cpuMillis: -1, memoryBytes: "x", ephemeralBytes: "0" }, detected: node.desktopReserve!.detected } }).success).toBe(false);
  });
});
