import { GatewayHttpError } from "../http-error";
import type { TenantIdentity } from "./identity";
import type { AccessScope } from "./scopes";

export interface Target {
  dseq: string;
  gseq?: number;
  oseq?: number;
  service?: string;
}

/** Throws 403 unless the identity's grants allow `scope` on the target (ownership is checked apart). */
export function authorize(identity: TenantIdentity, scope: AccessScope, target: Target): void {
  const grants = identity.grants;
  if (grants === null) return;
  if (grants.kind === "scoped") {
    if (grants.scope.includes(scope)) return;
    throw new GatewayHttpError(403, `token lacks the ${scope} permission`);
  }
  const allowed = grants.deployments.some(
    (d) =>
      (d.dseq === "*" || d.dseq === target.dseq) &&
      (d.gseq === undefined || target.gseq === undefined || d.gseq === target.gseq) &&
      (d.oseq === undefined || target.oseq === undefined || d.oseq === target.oseq) &&
      (!d.services || target.service === undefined || d.services.includes(target.service)) &&
      d.scope.includes(scope),
  );
  if (!allowed) throw new GatewayHttpError(403, `token lacks the ${scope} permission for deployment ${target.dseq}`);
}
