import type { InventoryNode } from "../../common/bidengine-schemas";
import type { CapacityInventory, GpuReport } from "../../common/hardware-schemas";

// The hardware service's view (what can still be sold, and which GPUs exist) → the bid engine's
// inventory node. Pure, so the engine's port stays small: the composition root calls
// `hardware.capacity()` and `hardware.report()` and passes the results here.
//
// GPUs: sellable cards (nvidia, check "ready", a known Akash model) not held by a reservation, grouped
// by model/VRAM/interface. Disk: the free bytes of the sold filesystem are ephemeral storage.
// Persistent classes come from the owner's declared inventory (the hardware service sells one
// filesystem and does not split it into classes).

/**
 * The hardware estimate's node with the desktop reserve attached, so that a decline it causes can
 * say "kept for you" (k3s nodes do not carry it: their allocatable has it taken out already).
 */
export function withDesktopReserve(node: InventoryNode, capacity: CapacityInventory): InventoryNode {
  const amounts = (a: CapacityInventory["reserve"]) => ({ cpuMillis: Math.max(0, a.cpuMillis), memoryBytes: String(Math.max(0, Math.floor(a.memoryBytes))), ephemeralBytes: String(Math.max(0, Math.floor(a.storageBytes))) });
  return { ...node, desktopReserve: { kept: amounts(capacity.reserve), detected: amounts(capacity.detected) } };
}

export function inventoryFromHardware(
  capacity: CapacityInventory,
  gpus: readonly GpuReport[],
  persistentClasses: Record<string, string> = {},
  name = "this-pc",
): InventoryNode {
  const held = new Set(capacity.reservations.flatMap((r) => r.gpuBusIds));
  const groups = new Map<string, InventoryNode["gpus"][number]>();
  for (const g of gpus) {
    if (g.vendor !== "nvidia" || g.check.verdict !== "ready" || !g.model || (g.busId && held.has(g.busId))) continue;
    const ramGi = g.vram ? Number(g.vram.slice(0, -2)) : null;
    const iface = g.interface ?? "pcie";
    const id = `${g.model}/${ramGi}/${iface}`;
    const group = groups.get(id) ?? { model: g.model, vendor: "nvidia", ramGi, interface: iface, free: 0 };
    group.free++;
    groups.set(id, group);
  }
  // The ledger's free GPU count is authoritative (desktop reserve, leases): never offer more than it.
  let budget = Math.max(0, capacity.free.gpus);
  const offered = [...groups.values()].map((g) => {
    const free = Math.min(g.free, budget);
    budget -= free;
    return { ...g, free };
  });
  return {
    name,
    gpus: offered.filter((g) => g.free > 0),
    cpuMillis: Math.max(0, capacity.free.cpuMillis),
    memoryBytes: String(Math.max(0, Math.floor(capacity.free.memoryBytes))),
    ephemeralBytes: String(Math.max(0, Math.floor(capacity.free.storageBytes))),
    storageClasses: persistentClasses,
  };
}
