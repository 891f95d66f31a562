import type { LeaseId, ManifestGroup } from "../../common/gateway-schemas";
import type { ManifestStorePort } from "./ports";

function leaseKey(lease: LeaseId): string {
  return `${lease.owner}/${lease.dseq}/${lease.gseq}/${lease.oseq}`;
}

/** Accepted manifest groups kept in memory, per lease; the cluster's objects are the durable record. */
export class MemoryManifestStore implements ManifestStorePort {
  private readonly groups = new Map<string, ManifestGroup>();

  save(accepted: readonly { lease: LeaseId; group: ManifestGroup }[]): void {
    for (const { lease, group } of accepted) this.groups.set(leaseKey(lease), group);
  }

  group(lease: LeaseId): ManifestGroup | null {
    return this.groups.get(leaseKey(lease)) ?? null;
  }

  forget(lease: LeaseId): void {
    this.groups.delete(leaseKey(lease));
  }
}
