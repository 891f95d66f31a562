import type { BidGroupSpec, LeaseId, Manifest, ManifestGroup } from "../../../common/gateway-schemas";
import { ManifestRejected } from "./errors";
import { manifestHash, sameBytes } from "./manifest-hash";
import { parseManifestBody } from "./parse-manifest";
import { checkResourcesFit } from "./resources-fit";

/** An active lease this provider holds for the deployment, with the group spec it bid on. */
export interface HeldLease {
  id: LeaseId;
  groupSpec: BidGroupSpec;
}

export interface CheckManifestInput {
  body: Uint8Array;
  /** The deployment's on-chain `hash` (sha256 of the sorted JSON manifest). */
  deploymentHash: Uint8Array;
  /** This provider's active leases for that deployment (any group). */
  leases: readonly HeldLease[];
}

export interface AcceptedGroup {
  lease: LeaseId;
  group: ManifestGroup;
}

export interface CheckedManifest {
  manifest: Manifest;
  /** One entry per lease we hold: the manifest group it runs. */
  groups: AcceptedGroup[];
}

/** Every check provider-services makes before deploying; throws ManifestRejected, deploys nothing. */
export async function checkManifest(input: CheckManifestInput): Promise<CheckedManifest> {
  if (input.leases.length === 0) throw new ManifestRejected("no_lease", "no lease for deployment");
  const { raw, manifest } = parseManifestBody(input.body);
  if (!sameBytes(await manifestHash(raw), input.deploymentHash)) {
    throw new ManifestRejected("hash_mismatch", "manifest version validation failed: hash does not match the deployment on chain");
  }
  const byName = new Map<string, ManifestGroup>();
  for (const group of manifest) {
    if (byName.has(group.name)) throw new ManifestRejected("invalid", `group ${group.name} appears twice`);
    byName.set(group.name, group);
  }
  const groups: AcceptedGroup[] = [];
  for (const lease of input.leases) {
    const group = byName.get(lease.groupSpec.name);
    if (!group) throw new ManifestRejected("group_mismatch", `manifest has no group ${lease.groupSpec.name} for lease gseq ${lease.id.gseq}`);
    checkResourcesFit(group, lease.groupSpec);
    groups.push({ lease: lease.id, group });
  }
  return { manifest, groups };
}
