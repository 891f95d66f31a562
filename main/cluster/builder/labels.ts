import type { LeaseId } from "../../../common/gateway-schemas";

// Labels shared with provider-services' conventions, so the lease objects can be found by
// selector (reconcile, teardown, status) and recognised by anyone used to an Akash cluster.
export const AKASH_MANAGED = "akash.network";
export const LEASE_OWNER = "akash.network/lease.id.owner";
export const LEASE_DSEQ = "akash.network/lease.id.dseq";
export const LEASE_GSEQ = "akash.network/lease.id.gseq";
export const LEASE_OSEQ = "akash.network/lease.id.oseq";
export const LEASE_PROVIDER = "akash.network/lease.id.provider";
export const MANIFEST_SERVICE = "akash.network/manifest-service";
export const NAMESPACE_LABEL = "akash.network/namespace";

export function leaseLabels(lease: LeaseId): Record<string, string> {
  return {
    [AKASH_MANAGED]: "true",
    [LEASE_OWNER]: lease.owner,
    [LEASE_DSEQ]: lease.dseq,
    [LEASE_GSEQ]: String(lease.gseq),
    [LEASE_OSEQ]: String(lease.oseq),
    [LEASE_PROVIDER]: lease.provider,
  };
}

/** Reads a lease id back from a namespace's labels; null when they are missing or malformed. */
export function leaseFromLabels(labels: Record<string, string> | undefined): LeaseId | null {
  if (!labels || labels[AKASH_MANAGED] !== "true") return null;
  const owner = labels[LEASE_OWNER];
  const dseq = labels[LEASE_DSEQ];
  const gseq = labels[LEASE_GSEQ];
  const oseq = labels[LEASE_OSEQ];
  const provider = labels[LEASE_PROVIDER];
  if (!owner || !provider || !dseq || !/^\d+$/.test(dseq)) return null;
  if (!gseq || !/^\d+$/.test(gseq) || !oseq || !/^\d+$/.test(oseq)) return null;
  return { owner, dseq, gseq: Number(gseq), oseq: Number(oseq), provider };
}
