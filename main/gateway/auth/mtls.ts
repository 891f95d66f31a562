import { X509Certificate } from "node:crypto";
import { GatewayHttpError } from "../http-error";
import type { GatewayChainPort } from "../ports";
import type { TenantIdentity } from "./identity";

// mTLS tenant authentication as provider-services does it: the client certificate must be
// self-signed, currently valid, carry the clientAuth EKU, name the tenant address as CN, and be
// the certificate that address published on chain under that serial (and not revoked).

const CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
const ADDRESS = /^akash1[02-9ac-hj-np-z]{38,58}$/;

function commonName(subject: string): string | null {
  for (const line of subject.split("\n")) if (line.startsWith("CN=")) return line.slice(3);
  return null;
}

export async function verifyClientCertificate(cert: X509Certificate, nowMs: number, chain: GatewayChainPort): Promise<TenantIdentity> {
  const owner = commonName(cert.subject);
  if (!owner || !ADDRESS.test(owner)) throw new GatewayHttpError(401, "client certificate CN is not an akash address");
  if (cert.subject !== cert.issuer || !cert.verify(cert.publicKey)) throw new GatewayHttpError(401, "client certificate is not self-signed");
  if (nowMs < Date.parse(cert.validFrom) || nowMs > Date.parse(cert.validTo)) throw new GatewayHttpError(401, "client certificate expired or not yet valid");
  const eku = cert.keyUsage ?? [];
  if (!eku.includes(CLIENT_AUTH)) throw new GatewayHttpError(401, "client certificate lacks the clientAuth extended key usage");
  const serial = BigInt(`0x${cert.serialNumber}`).toString(10);
  const published = await chain.certificate(owner, serial);
  if (!published) throw new GatewayHttpError(401, "client certificate is not published on chain");
  if (published.state !== "valid") throw new GatewayHttpError(401, "client certificate is revoked");
  let onChain: X509Certificate;
  try {
    onChain = new X509Certificate(published.certPem);
  } catch {
    throw new GatewayHttpError(401, "the certificate published on chain is unreadable");
  }
  if (!onChain.raw.equals(cert.raw)) throw new GatewayHttpError(401, "client certificate differs from the one on chain");
  return { owner, via: "mtls", grants: null };
}
