import type { InventoryNode } from "../../common/bidengine-schemas";
import type { ClusterHealth, NodeHealth } from "../../common/cluster-schemas";
import type { CapacityInventory, GpuReport } from "../../common/hardware-schemas";
import { inventoryFromHardware } from "./hardware-inventory";

// Once k3s runs, what it can schedule is what may be sold: each Ready node's allocatable becomes one
// inventory node. Kubelet's allocatable already has the desktop reserve taken out (it is the node's
// system-reserved, see docs/k3s-node.md), so the reserve is not subtracted again here; what bids and
// leases hold in the hardware ledger is. Pure: the caller reads health, the ledger and the GPU report.
//
// - The ledger is this PC's, so its holdings come off the local node first; what does not fit there
//   comes off the other nodes in name order, so the cluster as a whole never sells a held unit twice.
// - Local GPUs: models from the hardware report (cards held by a reservation excluded), capped at the
//   node's allocatable `nvidia.com/gpu` (0 while the device plugin is not up: k3s cannot place them).
// - Other rigs' GPUs: models from their Akash node labels when they name exactly one model (the split
//   between several models is not visible in allocatable); otherwise that node sells no GPU.
// - Local disk: kubelet's ephemeral allocatable is the filesystem's size, not its free space, so the
//   ledger's free bytes (free disk − reserve − held) bound it too.
// - A Ready node under pressure (MemoryPressure, DiskPressure…) is tainted NoSchedule: it sells nothing.

export interface ClusterNode extends NodeHealth {
  /** Node labels, when the health source passes them (Akash GPU attribute labels name the model). */
  labels?: Record<string, string>;
}

export interface ClusterInventoryInput {
  health: (Omit<ClusterHealth, "nodes"> & { nodes: readonly ClusterNode[] }) | null;
  /** This PC's node name (k3s `node-name`). */
  localNode: string;
  /** The hardware ledger: reservations held, and the free bytes on the sold filesystem. */
  capacity: CapacityInventory;
  /** This PC's GPUs (the hardware report). */
  gpus: readonly GpuReport[];
  /** Persistent storage classes, offered on the local node. */
  persistentClasses?: Record<string, string>;
}

const MODEL_LABEL = "akash.network/capabilities.gpu.vendor.nvidia.model.";

/** True when k3s runs: reachable, and at least one Ready node reports CPU and memory allocatable. */
export function clusterRunning(health: ClusterInventoryInput["health"]): boolean {
  return !!health && health.reachable && health.nodes.some((n) => n.ready && n.allocatable.cpuMillis > 0 && n.allocatable.memoryBytes > 0);
}

/** The engine's inventory from k3s allocatable, or null when k3s does not run (use the hardware estimate). */
export function inventoryFromCluster(input: ClusterInventoryInput): InventoryNode[] | null {
  const { health, localNode, capacity } = input;
  if (!health || !clusterRunning(health)) return null;
  const usable = health.nodes.filter((n) => n.ready && n.pressure.length === 0);
  // Local first, then by name: the order the ledger's holdings are taken from.
  const ordered = [...usable].sort((a, b) => (a.name === localNode ? -1 : b.name === localNode ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const owed = { cpuMillis: capacity.held.cpuMillis, memoryBytes: capacity.held.memoryBytes, storageBytes: capacity.held.storageBytes, gpus: capacity.held.gpus };
  const take = (have: number, key: keyof typeof owed): number => {
    const taken = Math.min(Math.max(0, have), owed[key]);
    owed[key] -= taken;
    return Math.max(0, have) - taken;
  };
  return ordered.map((n) => {
    const cpuMillis = take(n.allocatable.cpuMillis, "cpuMillis");
    const memoryBytes = take(n.allocatable.memoryBytes, "memoryBytes");
    const storageBytes = take(n.allocatable.ephemeralStorageBytes, "storageBytes");
    const gpus = take(n.allocatable.gpus, "gpus");
    if (n.name === localNode) {
      // inventoryFromHardware groups the unheld cards by model and caps them at `free.gpus`.
      const free = { cpuMillis, memoryBytes, storageBytes: Math.min(storageBytes, Math.max(0, capacity.free.storageBytes)), gpus };
      return inventoryFromHardware({ ...capacity, free }, input.gpus, input.persistentClasses ?? {}, n.name);
    }
    return {
      name: n.name,
      gpus: gpus > 0 ? labelledGpus(n.labels ?? {}, gpus) : [],
      cpuMillis,
      memoryBytes: String(Math.floor(memoryBytes)),
      ephemeralBytes: String(Math.floor(storageBytes)),
      storageClasses: {},
    };
  });
}

/** The one GPU model a node's Akash labels name (with VRAM and interface when labelled), else none. */
export function labelledGpus(labels: Record<string, string>, free: number): InventoryNode["gpus"] {
  const keys = Object.keys(labels).filter((k) => k.startsWith(MODEL_LABEL) && labels[k] === "true").map((k) => k.slice(MODEL_LABEL.length));
  const models = keys.filter((k) => !k.includes(".ram.") && !k.includes(".interface.") && /^[a-z0-9][a-z0-9._-]*$/.test(k));
  if (models.length !== 1) return [];
  const model = models[0]!;
  let ramGi: number | null = null;
  let iface: "pcie" | "sxm" = "pcie";
  for (const k of keys) {
    if (!k.startsWith(`${model}.`)) continue;
    const ram = /\.ram\.(\d{1,4})Gi(?:\.|$)/.exec(k.slice(model.length));
    if (ram && Number(ram[1]) > 0) ramGi = Number(ram[1]);
    if (/\.interface\.sxm(?:\.|$)/.test(k.slice(model.length))) iface = "sxm";
  }
  return [{ model, vendor: "nvidia", ramGi, interface: iface, free }];
}
