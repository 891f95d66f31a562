import type { AccessScope } from "./scopes";

/** Who is calling and what their credential lets them do. */
export interface TenantIdentity {
  owner: string;
  via: "mtls" | "jwt";
  /** null = full access to the owner's leases (mTLS, or a JWT with access "full"). */
  grants: Grants | null;
}

export interface DeploymentGrant {
  dseq: string;
  gseq?: number;
  oseq?: number;
  services?: string[];
  scope: AccessScope[];
}

export type Grants = { kind: "scoped"; scope: AccessScope[] } | { kind: "granular"; deployments: DeploymentGrant[] };
