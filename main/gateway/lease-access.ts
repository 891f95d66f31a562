import type { LeaseId } from "../../common/gateway-schemas";
import type { TenantIdentity } from "./auth/identity";
import { GatewayHttpError } from "./http-error";
import type { GatewayChainPort } from "./ports";

/**
 * The lease a tenant addresses: always built from the authenticated owner, so another tenant's
 * lease is simply not found (404), exactly as with provider-services.
 */
export async function ownLease(identity: TenantIdentity, chain: GatewayChainPort, provider: string, dseq: string, gseq: number, oseq: number): Promise<LeaseId> {
  const leases = await chain.activeLeases(identity.owner, dseq);
  const held = leases.find((l) => l.id.gseq === gseq && l.id.oseq === oseq && l.id.provider === provider && l.id.owner === identity.owner);
  if (!held) throw new GatewayHttpError(404, "lease not found");
  return held.id;
}
