import type { CapacityNode, CompiledContext, ReserveShare } from "./engine-context";
import { gpuLabel } from "./chain-rules";
import { decline, type Decline } from "./decline";
import { compileGlob } from "./glob";
import type { NormalizedOrder, ResourceUnit } from "./order-model";

// Does the group (each resource unit × its count) fit the free inventory? A replica runs on one node,
// so each one must fit on a single node; its GPUs are one model. Returns the placement (which the
// engine reserves and prices GPUs by), or a decline naming the short resource with the numbers.

export interface Placement {
  node: string;
  unitIndex: number;
  replicas: number;
  /** GPU model the replicas use, null without GPUs. */
  gpuModel: string | null;
}

export type FitResult = { ok: true; placements: Placement[] } | { ok: false; decline: Decline };

const GiB = 2n ** 30n;

/** Where a volume's bytes come from: node memory (ram class), a persistent class, or ephemeral disk. */
function volumePool(volume: { storageClass: string | null; persistent: boolean }): string {
  if (volume.storageClass === "ram") return "ram";
  if (volume.persistent) return volume.storageClass ?? "default";
  return "ephemeral";
}

interface UnitNeed {
  cpuMillis: number;
  memoryBytes: bigint; // including ram-class volumes
  ephemeralBytes: bigint;
  classes: [string, bigint][];
  gpu: number;
  gpuOk: (keys: string[]) => boolean;
}

function unitNeed(unit: ResourceUnit): UnitNeed {
  let memoryBytes = unit.memoryBytes;
  let ephemeralBytes = 0n;
  const classes = new Map<string, bigint>();
  for (const v of unit.storage) {
    const pool = volumePool(v);
    if (pool === "ram") memoryBytes += v.bytes;
    else if (pool === "ephemeral") ephemeralBytes += v.bytes;
    else classes.set(pool, (classes.get(pool) ?? 0n) + v.bytes);
  }
  const matchers = unit.gpuAttributes.map((a) => compileGlob(a.key));
  return {
    cpuMillis: unit.cpuMillis,
    memoryBytes,
    ephemeralBytes,
    classes: [...classes],
    gpu: unit.gpuUnits,
    gpuOk: matchers.length === 0 ? () => true : (keys) => matchers.some((m) => keys.some(m)),
  };
}

/** How many replicas of `need` fit in the free amounts of one node, ignoring GPUs. */
function replicasFitting(node: CapacityNode, need: UnitNeed, limit: number): number {
  let n = limit;
  if (need.cpuMillis > 0) n = Math.min(n, Math.floor(node.cpuMillis / need.cpuMillis));
  if (need.memoryBytes > 0n) n = Math.min(n, Number(node.memoryBytes / need.memoryBytes));
  if (need.ephemeralBytes > 0n) n = Math.min(n, Number(node.ephemeralBytes / need.ephemeralBytes));
  for (const [cls, bytes] of need.classes) n = Math.min(n, Number((node.storageClasses.get(cls) ?? 0n) / bytes));
  return Math.max(0, n);
}

function take(node: CapacityNode, need: UnitNeed, n: number): void {
  node.cpuMillis -= need.cpuMillis * n;
  node.memoryBytes -= need.memoryBytes * BigInt(n);
  node.ephemeralBytes -= need.ephemeralBytes * BigInt(n);
  for (const [cls, bytes] of need.classes) node.storageClasses.set(cls, (node.storageClasses.get(cls) ?? 0n) - bytes * BigInt(n));
}

function cloneNodes(nodes: CapacityNode[]): CapacityNode[] {
  return nodes.map((n) => ({ ...n, gpus: n.gpus.map((g) => ({ ...g })), storageClasses: new Map(n.storageClasses) }));
}

export function fitOrder(order: NormalizedOrder, ctx: CompiledContext): FitResult {
  const needs = order.resources.map(unitNeed);
  const shortage = aggregateShortage(order, needs, ctx.nodes);
  if (shortage) return { ok: false, decline: shortage };

  const nodes = cloneNodes(ctx.nodes);
  const placements: Placement[] = [];
  for (let u = 0; u < needs.length; u++) {
    const need = needs[u]!;
    let remaining = order.resources[u]!.count;
    for (const node of nodes) {
      if (remaining === 0) break;
      if (need.gpu === 0) {
        const n = replicasFitting(node, need, remaining);
        if (n > 0) {
          take(node, need, n);
          placements.push({ node: node.name, unitIndex: u, replicas: n, gpuModel: null });
          remaining -= n;
        }
        continue;
      }
      for (const slot of node.gpus) {
        if (remaining === 0) break;
        if (slot.free < need.gpu || !need.gpuOk(slot.keys)) continue;
        const n = Math.min(replicasFitting(node, need, remaining), Math.floor(slot.free / need.gpu));
        if (n === 0) continue;
        take(node, need, n);
        slot.free -= need.gpu * n;
        placements.push({ node: node.name, unitIndex: u, replicas: n, gpuModel: slot.model });
        remaining -= n;
      }
    }
    if (remaining > 0) {
      const unit = order.resources[u]!;
      return {
        ok: false,
        decline: decline(
          limitingResource(ctx.nodes, need),
          `enough in total, but ${remaining} of ${unit.count} replicas find no single node with room for one`,
          { replicasUnplaced: remaining, replicas: unit.count, nodes: ctx.nodes.length },
        ),
      };
    }
  }
  return { ok: true, placements };
}

/** Why a replica fits on no node: no node with its GPUs, or what the roomiest such node lacks. */
function limitingResource(nodes: CapacityNode[], need: UnitNeed): "insufficient_gpu" | "insufficient_cpu" | "insufficient_memory" | "insufficient_storage" {
  const candidates = need.gpu > 0 ? nodes.filter((n) => n.gpus.some((g) => g.free >= need.gpu && need.gpuOk(g.keys))) : nodes;
  const best = [...candidates].sort((a, b) => b.cpuMillis - a.cpuMillis)[0];
  if (!best) return need.gpu > 0 ? "insufficient_gpu" : "insufficient_cpu";
  if (best.cpuMillis < need.cpuMillis) return "insufficient_cpu";
  if (best.memoryBytes < need.memoryBytes) return "insufficient_memory";
  return "insufficient_storage";
}

/** Totals first: names the resource that is short across all nodes, with the numbers. */
function aggregateShortage(order: NormalizedOrder, needs: UnitNeed[], nodes: CapacityNode[]): Decline | null {
  // GPUs: per unit, against the free GPUs its attributes accept (units sharing models compete; the
  // packing pass catches that).
  for (let u = 0; u < needs.length; u++) {
    const need = needs[u]!;
    if (need.gpu === 0) continue;
    const count = order.resources[u]!.count;
    const wanted = need.gpu * count;
    let free = 0;
    for (const node of nodes) for (const slot of node.gpus) if (need.gpuOk(slot.keys)) free += slot.free;
    if (free < wanted) {
      const attrs = order.resources[u]!.gpuAttributes;
      const label = attrs.length ? attrs.map((a) => gpuLabel(a.key)).join(" or ") : "GPU";
      return decline("insufficient_gpu", `needs ${wanted} × ${label}, you have ${free} free`, { gpusNeeded: wanted, gpusFree: free, model: label });
    }
  }
  let cpu = 0;
  let memory = 0n;
  let ephemeral = 0n;
  const classes = new Map<string, bigint>();
  for (let u = 0; u < needs.length; u++) {
    const need = needs[u]!;
    const count = order.resources[u]!.count;
    cpu += need.cpuMillis * count;
    memory += need.memoryBytes * BigInt(count);
    ephemeral += need.ephemeralBytes * BigInt(count);
    for (const [cls, bytes] of need.classes) classes.set(cls, (classes.get(cls) ?? 0n) + bytes * BigInt(count));
  }
  let freeCpu = 0;
  let freeMemory = 0n;
  let freeEphemeral = 0n;
  for (const node of nodes) {
    freeCpu += node.cpuMillis;
    freeMemory += node.memoryBytes;
    freeEphemeral += node.ephemeralBytes;
  }
  const kept = keptForOwner(nodes);
  if (cpu > freeCpu) {
    const why = reserveMakesShort(BigInt(cpu), BigInt(freeCpu), BigInt(kept.kept.cpuMillis), BigInt(kept.detected.cpuMillis), (m) => threads(Number(m)), "");
    const fix = why && { setting: "hardware.reserve.cpuThreads", hint: `keep at most ${threads(Math.floor(Number(why.keepAtMost) / 1000) * 1000)} CPU threads for yourself (“What this PC keeps for you” on the Pricing page) to fit this order` };
    return decline(
      "insufficient_cpu",
      `needs ${threads(cpu)} CPU threads, you have ${threads(freeCpu)} free${why?.note ?? ""}`,
      { cpuMillisNeeded: cpu, cpuMillisFree: freeCpu, ...(why ? { cpuMillisKept: kept.kept.cpuMillis, cpuMillisDetected: kept.detected.cpuMillis } : {}) },
      fix ?? null,
    );
  }
  if (memory > freeMemory) {
    const why = reserveMakesShort(memory, freeMemory, kept.kept.memoryBytes, kept.detected.memoryBytes, gib, " GiB");
    const fix = why && { setting: "hardware.reserve.memoryBytes", hint: `keep at most ${gib(why.keepAtMost)} GiB of memory for yourself (“What this PC keeps for you” on the Pricing page) to fit this order` };
    return decline(
      "insufficient_memory",
      `needs ${gib(memory)} GiB of memory, you have ${gib(freeMemory)} GiB free${why?.note ?? ""}`,
      { memoryBytesNeeded: memory.toString(), memoryBytesFree: freeMemory.toString(), ...(why ? { memoryBytesKept: kept.kept.memoryBytes.toString() } : {}) },
      fix ?? null,
    );
  }
  if (ephemeral > freeEphemeral) {
    const why = reserveMakesShort(ephemeral, freeEphemeral, kept.kept.ephemeralBytes, kept.detected.ephemeralBytes, gib, " GiB");
    const fix = why && { setting: "hardware.reserve.diskBytes", hint: `keep at most ${gib(why.keepAtMost)} GiB of disk for yourself (“What this PC keeps for you” on the Pricing page) to fit this order` };
    return decline(
      "insufficient_storage",
      `needs ${gib(ephemeral)} GiB of disk, you have ${gib(freeEphemeral)} GiB free${why?.note ?? ""}`,
      { storageClass: "ephemeral", bytesNeeded: ephemeral.toString(), bytesFree: freeEphemeral.toString(), ...(why ? { bytesKept: kept.kept.ephemeralBytes.toString() } : {}) },
      fix ?? null,
    );
  }
  for (const [cls, bytes] of classes) {
    let free = 0n;
    for (const node of nodes) free += node.storageClasses.get(cls) ?? 0n;
    if (bytes > free) {
      return decline("insufficient_storage", `needs ${gib(bytes)} GiB of ${cls} storage, you have ${gib(free)} GiB free`, { storageClass: cls, bytesNeeded: bytes.toString(), bytesFree: free.toString() }, {
        setting: "declaredInventory.storageClasses",
        hint: `offer ${cls} persistent storage`,
      });
    }
  }
  return null;
}

/** The desktop reserve summed over the nodes that carry it (the hardware estimate; k3s nodes do not). */
function keptForOwner(nodes: readonly CapacityNode[]): { kept: ReserveShare; detected: ReserveShare } {
  const zero = (): ReserveShare => ({ cpuMillis: 0, memoryBytes: 0n, ephemeralBytes: 0n });
  const sum = { kept: zero(), detected: zero() };
  for (const node of nodes) {
    if (!node.desktopReserve) continue;
    for (const side of ["kept", "detected"] as const) {
      sum[side].cpuMillis += node.desktopReserve[side].cpuMillis;
      sum[side].memoryBytes += node.desktopReserve[side].memoryBytes;
      sum[side].ephemeralBytes += node.desktopReserve[side].ephemeralBytes;
    }
  }
  return sum;
}

/**
 * When the order would fit with (part of) the desktop reserve sold, the reserve is what makes it
 * short: the words that say so, and the most the owner could keep for it to fit. Null otherwise (the
 * order needs more than this machine has beside its holdings, and the reserve is not the answer).
 */
function reserveMakesShort(needed: bigint, free: bigint, kept: bigint, detected: bigint, show: (n: bigint) => string, unit: string): { note: string; keepAtMost: bigint } | null {
  if (kept <= 0n || needed > free + kept) return null;
  return { note: ` (${show(kept)} of ${show(detected)}${unit} kept for you — the desktop reserve on the Pricing page)`, keepAtMost: kept - (needed - free) };
}

function threads(millis: number): string {
  return (millis / 1000).toString();
}

/** Bytes → GiB with one decimal, for messages only. */
function gib(bytes: bigint): string {
  const tenths = (bytes * 10n) / GiB;
  return `${tenths / 10n}${tenths % 10n ? `.${tenths % 10n}` : ""}`;
}
