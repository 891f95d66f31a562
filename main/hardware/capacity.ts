import { defaultReserve } from "../../common/desktop-reserve";
import { ContractFailure } from "../../common/envelope";
import type { CapacityAmounts, CapacityInventory, DesktopReserve, DiskReport, GpuReport } from "../../common/hardware-schemas";
import type { Db } from "../store/database";

// What can be sold: detected resources − the owner's desktop reserve − what active leases and pending
// bids hold. Reservations live in SQLite so a restart never double-sells; reserving is one transaction
// that checks and writes, so two bids racing for the last GPU cannot both get it.

export interface DetectedResources {
  cpuThreads: number;
  memoryBytes: number;
  /** Free bytes on the filesystem that holds storagePath. */
  storageBytes: number;
  storagePath: string;
  /** Bus ids of the GPUs that can be sold, with their Akash model. */
  gpus: { busId: string; model: string }[];
}

export interface ReserveRequest {
  id: string;
  kind: "bid" | "lease";
  cpuMillis: number;
  memoryBytes: number;
  storageBytes: number;
  gpus: number;
  /** Only GPUs of this Akash model (e.g. "rtx4090"); any model when absent. */
  gpuModel?: string;
}

export interface Reservation {
  id: string;
  kind: "bid" | "lease";
  amounts: CapacityAmounts;
  gpuBusIds: string[];
  createdAt: string;
}

/** The owner's amounts, or where one is null the defaults that keep a gaming desktop usable (common/desktop-reserve.ts). */
export function effectiveReserve(reserve: DesktopReserve, detected: DetectedResources): CapacityAmounts {
  const defaults = defaultReserve(detected);
  return {
    cpuMillis: (reserve.cpuThreads ?? defaults.cpuThreads) * 1000,
    memoryBytes: reserve.memoryBytes ?? defaults.memoryBytes,
    storageBytes: reserve.diskBytes ?? defaults.diskBytes,
    gpus: 0,
  };
}

/**
 * `freeBytesFallback` answers when no reported disk holds `storagePath`: some machines (VMs,
 * containers) list no disks at all, and their free space must not read as zero.
 */
export function detectedFromReport(
  report: { cpu: { threads: number }; memory: { totalBytes: number }; disks: DiskReport[]; gpus: GpuReport[] },
  storagePath: string,
  freeBytesFallback: () => number = () => 0,
): DetectedResources {
  const disk = diskFor(report.disks, storagePath);
  return {
    cpuThreads: report.cpu.threads,
    memoryBytes: report.memory.totalBytes,
    storageBytes: disk?.freeBytes ?? freeBytesFallback(),
    storagePath,
    gpus: report.gpus.filter((g) => g.vendor === "nvidia" && g.check.verdict === "ready" && g.busId && g.model).map((g) => ({ busId: g.busId!, model: g.model! })),
  };
}

/** The filesystem whose mount point is the longest prefix of path. */
export function diskFor(disks: readonly DiskReport[], path: string): DiskReport | undefined {
  const norm = (p: string) => p.replace(/\\/g, "/").replace(/\/+$/, "").toLowerCase() || "/";
  const target = norm(path);
  return disks
    .filter((d) => {
      const m = norm(d.mount);
      return m === "/" || target === m || target.startsWith(`${m}/`);
    })
    .sort((a, b) => norm(b.mount).length - norm(a.mount).length)[0];
}

export class CapacityLedger {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  list(): Reservation[] {
    const rows = this.db.prepare("SELECT * FROM hw_capacity_reservations ORDER BY created_at, id").all() as {
      id: string;
      kind: "bid" | "lease";
      cpu_millis: number;
      memory_bytes: number;
      storage_bytes: number;
      gpu_bus_ids: string;
      created_at: string;
    }[];
    return rows.map((r) => {
      const gpuBusIds = parseIds(r.gpu_bus_ids);
      return { id: r.id, kind: r.kind, amounts: { cpuMillis: r.cpu_millis, memoryBytes: r.memory_bytes, storageBytes: r.storage_bytes, gpus: gpuBusIds.length }, gpuBusIds, createdAt: r.created_at };
    });
  }

  inventory(detected: DetectedResources, reserve: DesktopReserve): CapacityInventory {
    const reservations = this.list();
    const det: CapacityAmounts = { cpuMillis: detected.cpuThreads * 1000, memoryBytes: detected.memoryBytes, storageBytes: detected.storageBytes, gpus: detected.gpus.length };
    const res = effectiveReserve(reserve, detected);
    const held: CapacityAmounts = { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, gpus: 0 };
    const sellable = new Set(detected.gpus.map((g) => g.busId));
    for (const r of reservations) {
      held.cpuMillis += r.amounts.cpuMillis;
      held.memoryBytes += r.amounts.memoryBytes;
      held.storageBytes += r.amounts.storageBytes;
      held.gpus += r.gpuBusIds.filter((id) => sellable.has(id)).length;
    }
    const free = {
      cpuMillis: Math.max(0, det.cpuMillis - res.cpuMillis - held.cpuMillis),
      memoryBytes: Math.max(0, det.memoryBytes - res.memoryBytes - held.memoryBytes),
      storageBytes: Math.max(0, det.storageBytes - res.storageBytes - held.storageBytes),
      gpus: Math.max(0, det.gpus - held.gpus),
    };
    return { detected: det, reserve: res, held, free, reservations, storagePath: detected.storagePath };
  }

  /** Holds capacity for a bid or lease, or fails with CONFLICT naming what is short. Idempotent per id. */
  reserve(request: ReserveRequest, detected: DetectedResources, reserve: DesktopReserve): Reservation {
    validate(request);
    return this.db.transaction(() => {
      const existing = this.list().find((r) => r.id === request.id);
      if (existing) return existing;
      const inv = this.inventory(detected, reserve);
      const short: string[] = [];
      if (request.cpuMillis > inv.free.cpuMillis) short.push(`CPU (${request.cpuMillis}m asked, ${inv.free.cpuMillis}m free)`);
      if (request.memoryBytes > inv.free.memoryBytes) short.push(`memory (${request.memoryBytes} bytes asked, ${inv.free.memoryBytes} free)`);
      if (request.storageBytes > inv.free.storageBytes) short.push(`storage (${request.storageBytes} bytes asked, ${inv.free.storageBytes} free)`);
      const heldGpus = new Set(inv.reservations.flatMap((r) => r.gpuBusIds));
      const freeGpus = detected.gpus.filter((g) => !heldGpus.has(g.busId) && (!request.gpuModel || g.model === request.gpuModel));
      if (request.gpus > freeGpus.length) short.push(`GPU (${request.gpus}${request.gpuModel ? ` ${request.gpuModel}` : ""} asked, ${freeGpus.length} free)`);
      if (short.length) throw new ContractFailure("CONFLICT", `Not enough free capacity for ${request.id}: ${short.join(", ")}.`);
      const gpuBusIds = freeGpus.slice(0, request.gpus).map((g) => g.busId);
      const createdAt = this.now().toISOString();
      this.db
        .prepare("INSERT INTO hw_capacity_reservations (id, kind, cpu_millis, memory_bytes, storage_bytes, gpu_bus_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .run(request.id, request.kind, request.cpuMillis, request.memoryBytes, request.storageBytes, JSON.stringify(gpuBusIds), createdAt);
      return { id: request.id, kind: request.kind, amounts: { cpuMillis: request.cpuMillis, memoryBytes: request.memoryBytes, storageBytes: request.storageBytes, gpus: gpuBusIds.length }, gpuBusIds, createdAt };
    })();
  }

  /** A won bid becomes a lease: same resources, same GPUs. */
  promote(id: string): boolean {
    return this.db.prepare("UPDATE hw_capacity_reservations SET kind = 'lease' WHERE id = ?").run(id).changes > 0;
  }

  release(id: string): boolean {
    return this.db.prepare("DELETE FROM hw_capacity_reservations WHERE id = ?").run(id).changes > 0;
  }
}

function validate(r: ReserveRequest): void {
  if (typeof r.id !== "string" || !r.id.trim() || r.id.length > 200) throw new ContractFailure("INVALID_INPUT", "A reservation needs an id of 1–200 characters.");
  if (r.kind !== "bid" && r.kind !== "lease") throw new ContractFailure("INVALID_INPUT", `Reservation kind must be "bid" or "lease".`);
  for (const key of ["cpuMillis", "memoryBytes", "storageBytes", "gpus"] as const) {
    if (!Number.isSafeInteger(r[key]) || r[key] < 0) throw new ContractFailure("INVALID_INPUT", `Reservation ${key} must be a non-negative integer.`);
  }
}

function parseIds(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
