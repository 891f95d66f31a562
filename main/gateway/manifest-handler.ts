import type { TenantIdentity } from "./auth/identity";
import type { GatewayDeps } from "./gateway-deps";
import { GatewayHttpError } from "./http-error";
import { checkManifest, ManifestRejected } from "./manifest";
import type { ManifestTimeouts } from "./manifest-timeout";

/** PUT /deployment/{dseq}/manifest: every check first, then deploy; nothing is applied on a refusal. */
export async function acceptManifest(deps: GatewayDeps, timeouts: ManifestTimeouts, identity: TenantIdentity, dseq: string, body: Buffer): Promise<void> {
  const deployment = await deps.chain.deployment(identity.owner, dseq);
  if (!deployment || deployment.state !== "active") throw new GatewayHttpError(404, "deployment not found");
  const leases = (await deps.chain.activeLeases(identity.owner, dseq)).filter((l) => l.id.provider === deps.providerAddress);
  let checked;
  try {
    checked = await checkManifest({ body, deploymentHash: deployment.hash, leases });
    for (const { lease, group } of checked.groups) deps.validateGroup(lease, group);
  } catch (error) {
    if (error instanceof ManifestRejected) throw new GatewayHttpError(error.status, error.message);
    if (error instanceof Error && error.name === "BuildError") throw new GatewayHttpError(422, `invalid manifest: ${error.message}`);
    throw error;
  }
  for (const { lease, group } of checked.groups) {
    await deps.cluster.deploy(lease, group);
    timeouts.settle(lease);
  }
  deps.manifests.save(checked.groups);
  deps.log?.("manifest.accepted", { owner: identity.owner, dseq, groups: checked.groups.length });
}
