import type { InventoryNode } from "../../common/bidengine-schemas";
import type { CapacityInventory, GpuReport, OwnerActivity } from "../../common/hardware-schemas";
import type { ReserveRequest } from "../hardware/capacity";
import type { ReservationPort } from "./bid-lifecycle";
import type { Placement } from "./capacity";
import { inventoryFromHardware, withDesktopReserve } from "./hardware-inventory";
import type { NormalizedOrder } from "./order-model";

// The hardware service's capacity ledger as the bid engine's reservation port and live context: a
// bid's placements become one ledger reservation (id = order key) that survives a restart in the
// hardware tables, is promoted to a lease when won and released when lost, closed or timed out.

/** What the engine needs from main/hardware (HardwareService satisfies it). */
export interface HardwarePort {
  capacity(): Promise<CapacityInventory>;
  report(): Promise<{ gpus: GpuReport[] }>;
  reserve(request: ReserveRequest): Promise<unknown>;
  promote(id: string): boolean;
  release(id: string): boolean;
  ownerActivity(): Promise<OwnerActivity>;
}

export class HardwareReservations implements ReservationPort {
  constructor(
    private readonly hardware: HardwarePort,
    private readonly log: (line: string) => void = () => {},
  ) {}

  async reserve(key: string, placements: readonly Placement[], order?: NormalizedOrder): Promise<boolean> {
    if (!order) return false;
    try {
      await this.hardware.reserve(reserveRequest(key, placements, order));
      return true;
    } catch (error) {
      this.log(`[bidengine] capacity for ${key} is gone: ${(error as Error).message}`);
      return false;
    }
  }

  release(key: string): void {
    this.hardware.release(key);
  }

  allocate(key: string): void {
    this.hardware.promote(key);
  }

  /** Free capacity as the engine's inventory node (what is not held by bids, leases or the desktop reserve). */
  async inventory(persistentClasses: Record<string, string> = {}): Promise<InventoryNode[]> {
    const [capacity, report] = await Promise.all([this.hardware.capacity(), this.hardware.report()]);
    return [withDesktopReserve(inventoryFromHardware(capacity, report.gpus, persistentClasses), capacity)];
  }

  async gaming(): Promise<boolean> {
    return (await this.hardware.ownerActivity()).active;
  }
}

/** Placements → one ledger request: everything the replicas need, summed (one node: this PC). */
export function reserveRequest(key: string, placements: readonly Placement[], order: NormalizedOrder): ReserveRequest {
  let cpuMillis = 0;
  let memoryBytes = 0n;
  let storageBytes = 0n;
  let gpus = 0;
  const models = new Set<string>();
  for (const p of placements) {
    const unit = order.resources[p.unitIndex];
    if (!unit) throw new Error(`placement for unit ${p.unitIndex} of ${key}, which the order does not have`);
    cpuMillis += unit.cpuMillis * p.replicas;
    memoryBytes += unit.memoryBytes * BigInt(p.replicas);
    for (const v of unit.storage) if (v.storageClass !== "ram") storageBytes += v.bytes * BigInt(p.replicas);
    gpus += unit.gpuUnits * p.replicas;
    if (p.gpuModel && unit.gpuUnits > 0) models.add(p.gpuModel);
  }
  const request: ReserveRequest = { id: key, kind: "bid", cpuMillis, memoryBytes: Number(memoryBytes), storageBytes: Number(storageBytes), gpus };
  // One model: hold exactly those cards. Mixed models in one bid: any free cards (the count still holds).
  if (models.size === 1) request.gpuModel = [...models][0]!;
  return request;
}
