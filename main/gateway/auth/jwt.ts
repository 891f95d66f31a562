import { serializeSignDoc, type StdSignDoc } from "@cosmjs/amino";
import { Secp256k1, Secp256k1Signature, sha256, ripemd160 } from "@cosmjs/crypto";
import { toBech32 } from "@cosmjs/encoding";
import type { JwtValidator } from "@akashnetwork/chain-sdk";
import { chainSdkRoot } from "../chain-sdk-root";
import { GatewayHttpError } from "../http-error";
import type { GatewayChainPort } from "../ports";
import type { DeploymentGrant, Grants, TenantIdentity } from "./identity";
import type { AccessScope } from "./scopes";

// AEP-64 bearer tokens: `header.payload.signature`, ES256K over the first two parts, signed with
// the tenant's account key. chain-sdk's JwtTokenManager signs through an amino wallet
// ("ES256KADR36": the ADR-36 MsgSignData sign doc); a raw signer uses plain "ES256K".
// chain-sdk's JwtValidator checks the claims' schema; the signature is checked here against the
// public key the chain holds for `iss`.

const MAX_TOKEN = 16 * 1024;
let validator: Promise<JwtValidator> | null = null;

function b64url(part: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new GatewayHttpError(401, "token is not base64url");
  return Buffer.from(part, "base64url");
}

function adr36Doc(signer: string, data: string): StdSignDoc {
  return {
    chain_id: "",
    account_number: "0",
    sequence: "0",
    fee: { gas: "0", amount: [] },
    msgs: [{ type: "sign/MsgSignData", value: { signer, data: Buffer.from(data, "utf8").toString("base64") } }],
    memo: "",
  };
}

export function addressOf(pubkey: Uint8Array, prefix = "akash"): string {
  return toBech32(prefix, ripemd160(sha256(pubkey)));
}

interface Claims {
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  leases: { access: "full" } | { access: "scoped"; scope: AccessScope[] } | { access: "granular"; permissions: Permission[] };
}

type Permission =
  | { provider: string; access: "full" }
  | { provider: string; access: "scoped"; scope: AccessScope[] }
  | { provider: string; access: "granular"; deployments: { dseq: number; gseq?: number; oseq?: number; services?: string[]; scope: AccessScope[] }[] };

const ALL: AccessScope[] = ["send-manifest", "get-manifest", "logs", "shell", "events", "status", "restart", "hostname-migrate", "ip-migrate"];

function grantsFor(claims: Claims, provider: string): Grants | null {
  const leases = claims.leases;
  if (leases.access === "full") return null;
  if (leases.access === "scoped") return { kind: "scoped", scope: leases.scope };
  const mine = leases.permissions.filter((p) => p.provider === provider);
  if (mine.length === 0) throw new GatewayHttpError(403, "token grants nothing on this provider");
  const deployments: DeploymentGrant[] = [];
  for (const p of mine) {
    if (p.access === "full") return null;
    if (p.access === "scoped") deployments.push({ dseq: "*", scope: p.scope });
    else for (const d of p.deployments) deployments.push({ dseq: String(d.dseq), gseq: d.gseq, oseq: d.oseq, services: d.services, scope: d.scope });
  }
  if (deployments.length === 1 && deployments[0]!.dseq === "*") return { kind: "scoped", scope: deployments[0]!.scope };
  return { kind: "granular", deployments: deployments.map((d) => (d.dseq === "*" ? { ...d, scope: d.scope.length ? d.scope : ALL } : d)) };
}

export async function verifyJwt(token: string, nowMs: number, chain: GatewayChainPort, provider: string): Promise<TenantIdentity> {
  if (token.length > MAX_TOKEN) throw new GatewayHttpError(401, "token too large");
  const parts = token.split(".");
  if (parts.length !== 3) throw new GatewayHttpError(401, "malformed token");
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: unknown; typ?: unknown };
  let claims: Claims;
  try {
    header = JSON.parse(b64url(h).toString("utf8"));
    claims = JSON.parse(b64url(p).toString("utf8"));
  } catch (error) {
    if (error instanceof GatewayHttpError) throw error;
    throw new GatewayHttpError(401, "malformed token");
  }
  if (header?.alg !== "ES256K" && header?.alg !== "ES256KADR36") throw new GatewayHttpError(401, "unsupported token algorithm");
  validator ??= chainSdkRoot().then((sdk) => new sdk.JwtValidator());
  const result = (await validator).validateToken(claims as never);
  if (!result.isValid) throw new GatewayHttpError(401, `invalid token: ${result.errors.slice(0, 3).join(", ")}`);
  const now = Math.floor(nowMs / 1000);
  if (claims.exp <= now) throw new GatewayHttpError(401, "token expired");
  if (claims.nbf > now) throw new GatewayHttpError(401, "token not yet valid");
  const signature = b64url(s);
  if (signature.byteLength !== 64) throw new GatewayHttpError(401, "bad token signature");
  const pubkey = await chain.accountPubkey(claims.iss);
  if (!pubkey) throw new GatewayHttpError(401, "issuer has no public key on chain");
  if (addressOf(pubkey) !== claims.iss) throw new GatewayHttpError(401, "issuer key does not match issuer address");
  const signed = `${h}.${p}`;
  const digest = header.alg === "ES256K" ? sha256(Buffer.from(signed, "utf8")) : sha256(serializeSignDoc(adr36Doc(claims.iss, signed)));
  let ok = false;
  try {
    ok = await Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(signature), digest, pubkey);
  } catch {
    ok = false;
  }
  if (!ok) throw new GatewayHttpError(401, "bad token signature");
  return { owner: claims.iss, via: "jwt", grants: grantsFor(claims, provider) };
}
