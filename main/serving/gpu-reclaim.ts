import type { GpuReclaimImpact } from "../../common/serving-schemas";
import type { BidGroupSpec } from "../../common/gateway-schemas";
import type { ChainLease } from "./chain-port";
import { floorUnits, parseAtto } from "./dec";

// Gaming mode: before the owner takes the GPU back, show which running leases use it and what
// closing them would cost, so no lease is broken silently.

export function gpusInGroup(spec: BidGroupSpec): number {
  let total = 0n;
  for (const unit of spec.resources) total += BigInt(unit.resource.gpu?.units.val ?? "0") * BigInt(unit.count);
  return Number(total);
}

export function gpuReclaimImpact(leases: readonly { lease: ChainLease; group: BidGroupSpec | null }[], blocksPerHour: number): GpuReclaimImpact {
  if (!Number.isInteger(blocksPerHour) || blocksPerHour <= 0) throw new RangeError("blocksPerHour must be a positive integer");
  const totals = new Map<string, bigint>();
  const affected: GpuReclaimImpact["leases"] = [];
  for (const { lease, group } of leases) {
    const gpus = group ? gpusInGroup(group) : 0;
    if (gpus === 0) continue;
    const lost = floorUnits(parseAtto(lease.price.amount) * BigInt(blocksPerHour));
    totals.set(lease.price.denom, (totals.get(lease.price.denom) ?? 0n) + lost);
    affected.push({
      owner: lease.id.owner,
      dseq: lease.id.dseq,
      gseq: lease.id.gseq,
      oseq: lease.id.oseq,
      gpus,
      denom: lease.price.denom,
      accrued: floorUnits(parseAtto(lease.accrued)).toString(),
      lostPerHour: lost.toString(),
    });
  }
  // Most expensive first: what the owner most wants to see before deciding.
  affected.sort((a, b) => (BigInt(b.lostPerHour) > BigInt(a.lostPerHour) ? 1 : BigInt(b.lostPerHour) < BigInt(a.lostPerHour) ? -1 : 0));
  return { blocksPerHour, leases: affected, lostPerHour: [...totals].map(([denom, amount]) => ({ denom, amount: amount.toString() })) };
}
