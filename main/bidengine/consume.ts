import type { Placement } from "./capacity";
import type { CompiledContext } from "./engine-context";
import type { NormalizedOrder } from "./order-model";

// Within one block the engine decides many orders against one compiled context; each bid takes its
// share of that context's free capacity (and one concurrent-bid slot) so the next order in the same
// block is not promised the same GPU. The ledger's reservation stays the real guard.
export function consumePlacements(ctx: CompiledContext, order: NormalizedOrder, placements: readonly Placement[]): void {
  for (const p of placements) {
    const node = ctx.nodes.find((n) => n.name === p.node);
    const unit = order.resources[p.unitIndex];
    if (!node || !unit) continue;
    const n = BigInt(p.replicas);
    node.cpuMillis = Math.max(0, node.cpuMillis - unit.cpuMillis * p.replicas);
    node.memoryBytes = max0(node.memoryBytes - unit.memoryBytes * n);
    for (const v of unit.storage) {
      if (v.storageClass === "ram") continue;
      if (v.persistent && v.storageClass) {
        const free = node.storageClasses.get(v.storageClass);
        if (free !== undefined) node.storageClasses.set(v.storageClass, max0(free - v.bytes * n));
      } else node.ephemeralBytes = max0(node.ephemeralBytes - v.bytes * n);
    }
    if (p.gpuModel && unit.gpuUnits > 0) {
      const slot = node.gpus.find((g) => g.model === p.gpuModel && g.free > 0);
      if (slot) slot.free = Math.max(0, slot.free - unit.gpuUnits * p.replicas);
    }
  }
  ctx.openBids++;
}

function max0(v: bigint): bigint {
  return v < 0n ? 0n : v;
}
