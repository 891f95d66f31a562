import type { InventoryNode } from "../../common/bidengine-schemas";
import type { ReservationPort } from "./bid-lifecycle";
import type { Placement } from "./capacity";
import type { NormalizedOrder } from "./order-model";

// Reservations against the owner's declared inventory, for when no hardware ledger is wired (a rig
// described by hand, the devnet demo, tests): held bids and leases are subtracted from the declared
// nodes, so the engine never promises the same GPU twice. Lost on restart by design: the reconcile
// re-reserves what is still open or leased on chain.

interface Held {
  order: NormalizedOrder;
  placements: readonly Placement[];
}

export class DeclaredReservations implements ReservationPort {
  private readonly held = new Map<string, Held>();

  constructor(private readonly declared: () => readonly InventoryNode[]) {}

  reserve(key: string, placements: readonly Placement[], order?: NormalizedOrder): boolean {
    if (this.held.has(key) || !order) return false;
    const free = this.inventory();
    for (const p of placements) {
      const unit = order.resources[p.unitIndex];
      const node = free.find((n) => n.name === p.node);
      if (!unit || !node) return false;
      const gpus = unit.gpuUnits * p.replicas;
      if (gpus > 0 && (node.gpus.find((g) => g.model === p.gpuModel)?.free ?? 0) < gpus) return false;
      if (node.cpuMillis < unit.cpuMillis * p.replicas) return false;
    }
    this.held.set(key, { order, placements });
    return true;
  }

  release(key: string): void {
    this.held.delete(key);
  }

  allocate(): void {
    // A won lease keeps its hold; nothing moves between pools here.
  }

  /** The declared nodes minus everything held. */
  inventory(): InventoryNode[] {
    const nodes = this.declared().map((n) => ({ ...n, gpus: n.gpus.map((g) => ({ ...g })) }));
    for (const { order, placements } of this.held.values()) {
      for (const p of placements) {
        const unit = order.resources[p.unitIndex];
        const node = nodes.find((n) => n.name === p.node);
        if (!unit || !node) continue;
        node.cpuMillis = Math.max(0, node.cpuMillis - unit.cpuMillis * p.replicas);
        node.memoryBytes = String(max0(BigInt(node.memoryBytes) - unit.memoryBytes * BigInt(p.replicas)));
        const gpu = node.gpus.find((g) => g.model === p.gpuModel);
        if (gpu) gpu.free = Math.max(0, gpu.free - unit.gpuUnits * p.replicas);
      }
    }
    return nodes;
  }
}

function max0(v: bigint): bigint {
  return v < 0n ? 0n : v;
}
