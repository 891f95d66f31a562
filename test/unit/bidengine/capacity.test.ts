import { describe, expect, it } from "vitest";
import { fitOrder } from "../../../main/bidengine/capacity";
import { decide } from "../../../main/bidengine/decide";
import type { NormalizedOrder } from "../../../main/bidengine/order-model";
import { context, gpuOrder, sdlOrder, settingsWith, type SettingsPatch } from "./helpers";

const GiB = 2 ** 30;
type Node = NonNullable<SettingsPatch["declaredInventory"]>[number];
const node = (over: Partial<Node> = {}): Node => ({
  name: "n1",
  gpus: [{ model: "rtx4090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 1 }],
  cpuMillis: 16_000,
  memoryBytes: String(32 * GiB),
  ephemeralBytes: String(200 * GiB),
  storageClasses: { beta2: String(100 * GiB) },
  ...over,
});
const inventory = (...nodes: Node[]) => context({ declaredInventory: nodes });

describe("capacity: the group × count must fit the free inventory", () => {
  it("says how many GPUs of which model are missing", () => {
    const d = decide(gpuOrder({ gpus: 2 }), context());
    expect(d).toMatchObject({ outcome: "declined", reason: "insufficient_gpu", details: { gpusNeeded: 2, gpusFree: 1 } });
    expect(d.message).toBe("needs 2 × rtx4090, you have 1 free");
    expect(decide(gpuOrder({ count: 2 }), context()).message).toBe("needs 2 × rtx4090, you have 1 free");
  });

  it("matches GPU models through the order's attributes: a wildcard takes any model, a model only itself", () => {
    const ctx = inventory(node({ gpus: [{ model: "rtx3090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 1 }, { model: "rtx4090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 1 }] }));
    const any = fitOrder(gpuOrder({ gpuKey: "vendor/nvidia/model/*", count: 2 }), ctx);
    expect(any.ok && any.placements.map((p) => p.gpuModel)).toEqual(["rtx3090", "rtx4090"]);
    const exact = fitOrder(gpuOrder({ gpuKey: "vendor/nvidia/model/rtx4090/ram/24Gi" }), ctx);
    expect(exact.ok && exact.placements).toEqual([{ node: "n1", unitIndex: 0, replicas: 1, gpuModel: "rtx4090" }]);
    const wrongRam = fitOrder(gpuOrder({ gpuKey: "vendor/nvidia/model/rtx4090/ram/48Gi" }), ctx);
    expect(wrongRam.ok).toBe(false);
  });

  it("names CPU, memory and storage shortfalls with their numbers", () => {
    expect(decide(gpuOrder(), inventory(node({ cpuMillis: 1500 }))).message).toBe("needs 2 CPU threads, you have 1.5 free");
    expect(decide(gpuOrder(), inventory(node({ memoryBytes: String(4 * GiB) }))).message).toBe("needs 8 GiB of memory, you have 4 GiB free");
    expect(decide(gpuOrder(), inventory(node({ ephemeralBytes: String(10 * GiB) }))).message).toBe("needs 20 GiB of disk, you have 10 GiB free");
  });

  it("counts ram-class volumes against memory and persistent volumes against their class", () => {
    const order: NormalizedOrder = { ...sdlOrder("storage-classes"), signedBy: { allOf: [], anyOf: [] }, attributes: [] };
    const beta3 = settingsWith().provider.attributes.concat([{ key: "capabilities/storage/3/class", value: "beta3" }, { key: "capabilities/storage/3/persistent", value: "true" }]);
    const patch = (storageClasses: Record<string, string>, memoryBytes = String(32 * GiB)) => context({ provider: { ...settingsWith().provider, attributes: beta3 }, declaredInventory: [node({ storageClasses, memoryBytes })] });
    const short = decide(order, patch({ beta3: String(10 * GiB) }));
    expect(short).toMatchObject({ reason: "insufficient_storage", details: { storageClass: "beta3" } });
    expect(short.message).toBe("needs 20 GiB of beta3 storage, you have 10 GiB free");
    // 2 GiB of memory + 1 GiB ram volume = 3 GiB
    expect(decide(order, patch({ beta3: String(50 * GiB) }, String(2.5 * GiB))).message).toBe("needs 3 GiB of memory, you have 2.5 GiB free");
    expect(decide(order, patch({ beta3: String(50 * GiB) })).outcome).toBe("bid");
  });

  it("places each replica on one node: enough in total is not enough when no node has room", () => {
    const twoHalves = inventory(node({ name: "a", cpuMillis: 1000, gpus: [] }), node({ name: "b", cpuMillis: 1000 }));
    const d = decide(gpuOrder(), twoHalves); // 2 threads per replica, 1 free on each node
    expect(d).toMatchObject({ reason: "insufficient_cpu", details: { replicasUnplaced: 1 } });
    expect(d.message).toBe("enough in total, but 1 of 1 replicas find no single node with room for one");
    const memorySplit = inventory(node({ name: "a", memoryBytes: String(5 * GiB) }), node({ name: "b", memoryBytes: String(5 * GiB), gpus: [] }));
    expect(decide(gpuOrder(), memorySplit).reason).toBe("insufficient_memory"); // 8 GiB wanted, 5 + 5 free
    const gpuSplit = inventory(node({ name: "a", cpuMillis: 500 }), node({ name: "b", gpus: [] }));
    expect(decide(gpuOrder(), gpuSplit).reason).toBe("insufficient_cpu"); // the GPU's node has too little CPU
    const spread = fitOrder(gpuOrder({ count: 2 }), inventory(node({ name: "a" }), node({ name: "b" })));
    expect(spread.ok && spread.placements.map((p) => p.node)).toEqual(["a", "b"]);
  });

  it("a many-replica CPU order fits by arithmetic, not one loop turn per replica", () => {
    const order = { ...sdlOrder("simple"), signedBy: { allOf: [], anyOf: [] }, attributes: [] };
    const many = { ...order, resources: [{ ...order.resources[0]!, count: 100 }] }; // 100 × 0.1 CPU
    const fit = fitOrder(many, context());
    expect(fit.ok && fit.placements).toEqual([{ node: "this-pc", unitIndex: 0, replicas: 100, gpuModel: null }]);
    const tooMany = { ...order, resources: [{ ...order.resources[0]!, count: 161 }] };
    expect(fitOrder(tooMany, context())).toMatchObject({ ok: false, decline: { reason: "insufficient_cpu" } });
  });

  it("does not consume the context's inventory (deciding is side-effect free)", () => {
    const ctx = context();
    expect(decide(gpuOrder(), ctx).outcome).toBe("bid");
    expect(decide(gpuOrder(), ctx).outcome).toBe("bid");
    expect(ctx.nodes[0]!.gpus[0]!.free).toBe(1);
  });
});
