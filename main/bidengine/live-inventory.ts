import type { InventoryNode } from "../../common/bidengine-schemas";
import type { ClusterHealth } from "../../common/cluster-schemas";
import { clusterRunning, inventoryFromCluster } from "./cluster-inventory";
import { inventoryFromHardware, withDesktopReserve } from "./hardware-inventory";
import type { HardwarePort } from "./hardware-reservations";

// The live engine's inventory: k3s allocatable once the node runs (cluster-inventory.ts), the hardware
// estimate (detected − desktop reserve − held) before that or whenever health cannot be read. Health
// is a Kubernetes API round trip, so it is asked at most every `ttlMs`, not per block; the ledger is
// read every time (a bid reserved a moment ago must not be sold again).

export interface ClusterPort {
  health(): Promise<ClusterHealth | null>;
  /** This PC's k3s node name. */
  nodeName: string;
}

export interface LiveInventoryDeps {
  hardware: Pick<HardwarePort, "capacity" | "report">;
  cluster?: ClusterPort;
  now: () => Date;
  log?: (line: string) => void;
  ttlMs?: number;
}

export function liveInventory(deps: LiveInventoryDeps): () => Promise<InventoryNode[]> {
  const ttlMs = deps.ttlMs ?? 30_000;
  let health: ClusterHealth | null = null;
  let healthAt = -Infinity;
  let source: string | null = null;
  const readHealth = async (): Promise<ClusterHealth | null> => {
    if (!deps.cluster) return null;
    const at = deps.now().getTime();
    if (at - healthAt >= ttlMs) {
      healthAt = at;
      health = await deps.cluster.health().catch((error: unknown) => {
        deps.log?.(`[bidengine] cluster health unreadable, selling the hardware estimate: ${(error as Error).message}`);
        return null;
      });
    }
    return health;
  };
  return async () => {
    const [capacity, report, h] = await Promise.all([deps.hardware.capacity(), deps.hardware.report(), readHealth()]);
    const fromCluster = deps.cluster ? inventoryFromCluster({ health: h, localNode: deps.cluster.nodeName, capacity, gpus: report.gpus }) : null;
    // Say once when the source changes, so the owner can tell why capacity moved.
    const now = fromCluster ? `k3s allocatable of ${fromCluster.length} node(s)` : "the hardware estimate";
    if (now !== source) {
      source = now;
      const why = !fromCluster && h && !clusterRunning(h) ? ` (${h.error ?? "no Ready node with allocatable"})` : "";
      deps.log?.(`[bidengine] capacity from ${now}${why}`);
    }
    return fromCluster ?? [withDesktopReserve(inventoryFromHardware(capacity, report.gpus), capacity)];
  };
}
