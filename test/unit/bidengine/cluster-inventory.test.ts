import { describe, expect, it } from "vitest";
import { InventoryNode } from "../../../common/bidengine-schemas";
import type { ClusterHealth } from "../../../common/cluster-schemas";
import type { CapacityInventory, GpuReport } from "../../../common/hardware-schemas";
import { liveInventory } from "../../../main/bidengine/live-inventory";
import { inventoryFromCluster, labelledGpus, type ClusterInventoryInput, type ClusterNode } from "../../../main/bidengine/cluster-inventory";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { decide } from "../../../main/bidengine/decide";
import { nodeHealth } from "../../../main/cluster/kube/kube-health";
import { nodeObject } from "../../../main/cluster/stand-in/kube-objects";
import { context, gpuOrder } from "./helpers";

const GiB = 2 ** 30;
// What the k3s v1.34 Node objects report (stand-in shapes): 13500m CPU, 60525452Ki memory, 933693862717 bytes of disk.
const ALLOC_CPU = 13_500;
const ALLOC_MEM = 60_525_452 * 1024;
const ALLOC_DISK = 933_693_862_717;

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

/** The ledger: 16 threads, 64 GiB, 800 GiB free disk, 2 GPUs; desktop reserve 4 threads/16 GiB/100 GiB; `held` by bids. */
function ledger(held: { cpuMillis: number; memoryBytes: number; storageBytes: number; busIds: string[] }[] = [], freeDisk = 800 * GiB): CapacityInventory {
  const sum = held.reduce((a, h) => amounts(a.cpuMillis + h.cpuMillis, a.memoryBytes + h.memoryBytes, a.storageBytes + h.storageBytes, a.gpus + h.busIds.length), amounts(0, 0, 0, 0));
  return {
    detected: amounts(16_000, 64 * GiB, freeDisk, 2),
    reserve: amounts(4000, 16 * GiB, 100 * GiB, 0),
    held: sum,
    free: amounts(Math.max(0, 12_000 - sum.cpuMillis), Math.max(0, 48 * GiB - sum.memoryBytes), Math.max(0, freeDisk - 100 * GiB - sum.storageBytes), 2 - sum.gpus),
    reservations: held.map((h, i) => ({ id: `order-${i}`, kind: "bid" as const, amounts: amounts(h.cpuMillis, h.memoryBytes, h.storageBytes, h.busIds.length), gpuBusIds: h.busIds, createdAt: "2026-11-21T22:00:00.000Z" })),
    storagePath: "/var/lib/rancher",
  };
}

/** A node as kube-health parses it from a real-shaped k3s Node object (labels in its metadata). */
function kubeNode(name: string, opts: { ready?: boolean; gpus?: number; pressure?: string[]; labels?: Record<string, string> } = {}): ClusterNode {
  const object = nodeObject({ name, ready: opts.ready ?? true, gpus: opts.gpus ?? 0, pressure: opts.pressure ?? [] }) as { metadata?: { labels?: Record<string, string> } };
  const labelled = { ...object, metadata: { ...object.metadata, labels: { ...object.metadata?.labels, ...opts.labels } } };
  return nodeHealth(labelled as never);
}

function health(nodes: ClusterNode[], over: Partial<ClusterHealth> = {}): ClusterInventoryInput["health"] {
  return { checkedAt: "2026-11-21T22:00:00.000Z", reachable: true, error: null, nodes, allocatable: nodes[0]?.allocatable ?? amounts0(), devicePlugin: { desired: 1, ready: 1 }, healthy: true, ...over };
}
const amounts0 = () => ({ cpuMillis: 0, memoryBytes: 0, gpus: 0, ephemeralStorageBytes: 0 });

const localGpus = [gpu("0000:01:00.0", "rtx4090"), gpu("0000:02:00.0", "rtx4090")];
const rig2Labels = {
  "akash.network/capabilities.gpu.vendor.nvidia": "true",
  "akash.network/capabilities.gpu.vendor.nvidia.model.a100": "true",
  "akash.network/capabilities.gpu.vendor.nvidia.model.a100.ram.80Gi": "true",
  "akash.network/capabilities.gpu.vendor.nvidia.model.a100.interface.sxm": "true",
  "akash.network/capabilities.gpu.vendor.nvidia.model.a100.ram.80Gi.interface.sxm": "true",
  "kubernetes.io/hostname": "rig-2",
};

describe("inventoryFromCluster", () => {
  it("sells the local node's allocatable minus what bids hold, not minus the desktop reserve again", () => {
    const capacity = ledger([{ cpuMillis: 2000, memoryBytes: 4 * GiB, storageBytes: 10 * GiB, busIds: ["0000:01:00.0"] }]);
    const nodes = inventoryFromCluster({ health: health([kubeNode("gaming-pc", { gpus: 2 })]), localNode: "gaming-pc", capacity, gpus: localGpus, persistentClasses: { beta2: String(50 * GiB) } });
    expect(nodes?.map((n) => InventoryNode.parse(n))).toEqual([
      {
        name: "gaming-pc",
        gpus: [{ model: "rtx4090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 1 }],
        cpuMillis: ALLOC_CPU - 2000,
        memoryBytes: String(ALLOC_MEM - 4 * GiB),
        // Kubelet's ephemeral allocatable is the filesystem size: the ledger's free bytes bound it.
        ephemeralBytes: String(capacity.free.storageBytes),
        storageClasses: { beta2: String(50 * GiB) },
      },
    ]);
    // The hardware estimate would have said 16000 − 4000 reserve − 2000 held; k3s already kept the reserve out.
    expect(nodes![0]!.cpuMillis).not.toBe(capacity.free.cpuMillis);
  });

  it("caps the local disk at allocatable when the disk is emptier than kubelet allows", () => {
    const nodes = inventoryFromCluster({ health: health([kubeNode("gaming-pc")]), localNode: "gaming-pc", capacity: ledger([], 2000 * GiB), gpus: [] });
    expect(nodes![0]!.ephemeralBytes).toBe(String(ALLOC_DISK));
  });

  it("makes each Ready rig a node; labels name a remote rig's GPUs; pressure or NotReady sell nothing", () => {
    const nodes = inventoryFromCluster({
      health: health([kubeNode("rig-4", { ready: false, gpus: 1 }), kubeNode("rig-3", { gpus: 2, pressure: ["DiskPressure"] }), kubeNode("rig-2", { gpus: 4, labels: rig2Labels }), kubeNode("gaming-pc", { gpus: 2 })]),
      localNode: "gaming-pc",
      capacity: ledger(),
      gpus: localGpus,
    });
    expect(nodes?.map((n) => n.name)).toEqual(["gaming-pc", "rig-2"]);
    expect(nodes![1]).toEqual({ name: "rig-2", gpus: [{ model: "a100", vendor: "nvidia", ramGi: 80, interface: "sxm", free: 4 }], cpuMillis: ALLOC_CPU, memoryBytes: String(ALLOC_MEM), ephemeralBytes: String(ALLOC_DISK), storageClasses: {} });
    expect(nodes![0]!.gpus).toEqual([{ model: "rtx4090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 2 }]);
    // An order for an A100 lands on the second rig.
    const attributes = [...DEFAULT_BIDENGINE_SETTINGS.provider.attributes, { key: "capabilities/gpu/vendor/nvidia/model/a100", value: "true" }];
    const a100 = decide(gpuOrder({ gpuKey: "vendor/nvidia/model/a100" }), context({ provider: { attributes } }, { inventory: nodes! }));
    expect(a100).toMatchObject({ outcome: "bid" });
    expect(decide(gpuOrder({ gpuKey: "vendor/nvidia/model/a100", gpus: 5 }), context({ provider: { attributes } }, { inventory: nodes! }))).toMatchObject({ reason: "insufficient_gpu" });
  });

  it("takes holdings the local node cannot cover off the other rigs, so nothing is sold twice", () => {
    const capacity = ledger([{ cpuMillis: 20_000, memoryBytes: 70 * GiB, storageBytes: 0, busIds: [] }]);
    const nodes = inventoryFromCluster({ health: health([kubeNode("rig-2"), kubeNode("gaming-pc")]), localNode: "gaming-pc", capacity, gpus: [] })!;
    expect(nodes.map((n) => [n.name, n.cpuMillis, n.memoryBytes])).toEqual([
      ["gaming-pc", 0, "0"],
      ["rig-2", 2 * ALLOC_CPU - 20_000, String(2 * ALLOC_MEM - 70 * GiB)],
    ]);
  });

  it("sells no local GPU while the device plugin has not made them allocatable", () => {
    const nodes = inventoryFromCluster({ health: health([kubeNode("gaming-pc", { gpus: 0 })]), localNode: "gaming-pc", capacity: ledger(), gpus: localGpus })!;
    expect(nodes[0]!.gpus).toEqual([]);
    expect(decide(gpuOrder(), context({}, { inventory: nodes }))).toMatchObject({ outcome: "declined", reason: "insufficient_gpu" });
  });

  it("is null (keep the hardware estimate) when k3s is absent, unreachable or has no Ready node", () => {
    const input = { localNode: "gaming-pc", capacity: ledger(), gpus: localGpus };
    expect(inventoryFromCluster({ ...input, health: null })).toBeNull();
    expect(inventoryFromCluster({ ...input, health: health([], { reachable: false, error: "k3s is not installed", healthy: false }) })).toBeNull();
    expect(inventoryFromCluster({ ...input, health: health([kubeNode("gaming-pc", { ready: false })], { healthy: false }) })).toBeNull();
    // Running but every node under pressure: k3s cannot place anything, so nothing is sold.
    expect(inventoryFromCluster({ ...input, health: health([kubeNode("gaming-pc", { pressure: ["MemoryPressure"] })], { healthy: false }) })).toEqual([]);
  });

  it("treats the local node like any other when its name is not in the cluster", () => {
    const nodes = inventoryFromCluster({ health: health([kubeNode("renamed-pc", { gpus: 2 })]), localNode: "gaming-pc", capacity: ledger(), gpus: localGpus })!;
    expect(nodes).toEqual([{ name: "renamed-pc", gpus: [], cpuMillis: ALLOC_CPU, memoryBytes: String(ALLOC_MEM), ephemeralBytes: String(ALLOC_DISK), storageClasses: {} }]);
  });

  it("never crashes and never sells more than allocatable on random health (fuzz)", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
    for (let i = 0; i < 300; i++) {
      const nodes: ClusterNode[] = Array.from({ length: rand(4) }, (_, j) => ({
        name: j === 0 && rand(2) ? "gaming-pc" : `rig-${j}`,
        ready: rand(3) > 0,
        roles: [],
        kubeletVersion: "v1.34.2+k3s1",
        allocatable: { cpuMillis: rand(64_001), memoryBytes: rand(2 ** 30) * 256, gpus: rand(9), ephemeralStorageBytes: rand(2 ** 30) * 4096 },
        capacity: amounts0(),
        pressure: rand(5) === 0 ? ["DiskPressure"] : [],
        labels: pick<Record<string, string>>([{}, rig2Labels, { "akash.network/capabilities.gpu.vendor.nvidia.model.": "true", "akash.network/capabilities.gpu.vendor.nvidia.model.X Y.ram.-1Gi": "true" }]),
      }));
      const held = Array.from({ length: rand(3) }, () => ({ cpuMillis: rand(40_000), memoryBytes: rand(2 ** 20) * 4096, storageBytes: rand(2 ** 20) * 4096, busIds: rand(2) ? ["0000:01:00.0"] : [] }));
      const out = inventoryFromCluster({ health: health(nodes, { reachable: rand(4) > 0 }), localNode: "gaming-pc", capacity: ledger(held, rand(2 ** 20) * 4096), gpus: localGpus });
      if (out === null) continue;
      const cpu = out.reduce((a, n) => a + InventoryNode.parse(n).cpuMillis, 0);
      const readyCpu = nodes.filter((n) => n.ready && n.pressure.length === 0).reduce((a, n) => a + n.allocatable.cpuMillis, 0);
      expect(cpu).toBe(Math.max(0, readyCpu - Math.min(readyCpu, held.reduce((a, h) => a + h.cpuMillis, 0))));
      for (const n of out) expect(n.gpus.reduce((a, g) => a + g.free, 0)).toBeLessThanOrEqual(nodes.find((x) => x.name === n.name)!.allocatable.gpus);
    }
  });
});

describe("labelledGpus", () => {
  it("reads one model with its VRAM and interface, and refuses to guess between several", () => {
    expect(labelledGpus({ "akash.network/capabilities.gpu.vendor.nvidia.model.rtx3090": "true", "akash.network/capabilities.gpu.vendor.nvidia.model.rtx3090.ram.24Gi": "true" }, 3)).toEqual([
      { model: "rtx3090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 3 },
    ]);
    expect(labelledGpus({ "akash.network/capabilities.gpu.vendor.nvidia.model.rtx3090": "true", "akash.network/capabilities.gpu.vendor.nvidia.model.rtx4090": "true" }, 2)).toEqual([]);
    expect(labelledGpus({ "akash.network/capabilities.gpu.vendor.nvidia.model.rtx3090": "false" }, 2)).toEqual([]);
    expect(labelledGpus({}, 2)).toEqual([]);
  });
});

describe("liveInventory", () => {
  const setup = () => {
    let at = Date.parse("2026-11-21T22:00:00Z");
    let current: ClusterInventoryInput["health"] = health([], { reachable: false, error: "k3s is not installed", healthy: false });
    let asked = 0;
    const lines: string[] = [];
    const read = liveInventory({
      hardware: { capacity: async () => ledger(), report: async () => ({ gpus: localGpus }) },
      cluster: {
        nodeName: "gaming-pc",
        health: async () => {
          asked++;
          if (current === null) throw new Error("kubeconfig unreadable");
          return current as ClusterHealth;
        },
      },
      now: () => new Date(at),
      log: (line) => lines.push(line),
      ttlMs: 30_000,
    });
    return { read, lines, asked: () => asked, advance: (ms: number) => (at += ms), set: (h: ClusterInventoryInput["health"]) => (current = h) };
  };

  it("sells the hardware estimate until k3s runs, then its allocatable; health is asked once per TTL", async () => {
    const t = setup();
    expect(await t.read()).toEqual([expect.objectContaining({ name: "this-pc", cpuMillis: 12_000 })]);
    expect(t.lines).toEqual(["[bidengine] capacity from the hardware estimate (k3s is not installed)"]);
    t.set(health([kubeNode("gaming-pc", { gpus: 2 })]));
    expect((await t.read())[0]!.name).toBe("this-pc"); // still the cached health
    expect(t.asked()).toBe(1);
    t.advance(30_000);
    expect(await t.read()).toEqual([expect.objectContaining({ name: "gaming-pc", cpuMillis: ALLOC_CPU })]);
    expect(t.asked()).toBe(2);
    expect(t.lines.at(-1)).toBe("[bidengine] capacity from k3s allocatable of 1 node(s)");
  });

  it("falls back to the estimate when health cannot be read, and says why", async () => {
    const t = setup();
    t.set(null);
    expect((await t.read())[0]!.name).toBe("this-pc");
    expect(t.lines[0]).toBe("[bidengine] cluster health unreadable, selling the hardware estimate: kubeconfig unreadable");
  });

  it("uses the estimate when no cluster is wired", async () => {
    const read = liveInventory({ hardware: { capacity: async () => ledger(), report: async () => ({ gpus: localGpus }) }, now: () => new Date(0) });
    expect((await read()).map((n) => n.name)).toEqual(["this-pc"]);
  });
});
