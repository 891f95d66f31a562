import { QueryCertificatesRequest, QueryCertificatesResponse, Cert_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryProviderRequest, QueryProviderResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import type { QueryClient } from "@cosmjs/stargate";
import { X509Certificate } from "node:crypto";
import { request } from "node:https";
import type { PeerCertificate } from "node:tls";

// A tenant's HTTPS client for a provider's gateway, as provider-services' tenant commands build it:
// the host comes from the provider's on-chain host_uri, and the server certificate is trusted only
// if it is the provider's own certificate published on chain (CN = provider address, the serial
// found valid on chain, byte-identical, within its validity). The devnet's synthetic tenants only
// ever talk to loopback addresses: any other host_uri is skipped, never dialled.

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const TIMEOUT_MS = 10_000;
const MAX_REPLY = 1024 * 1024;

export class ProviderUnreachable extends Error {}

export interface ProviderEndpoint {
  host: string;
  port: number;
  /** Certificates the provider has published and not revoked, by decimal serial. */
  certs: Map<string, string>;
}

export async function resolveProvider(query: QueryClient, provider: string): Promise<ProviderEndpoint> {
  const p = QueryProviderResponse.decode((await query.queryAbci("/akash.provider.v1beta4.Query/Provider", QueryProviderRequest.encode(QueryProviderRequest.fromPartial({ owner: provider })).finish())).value);
  let url: URL;
  try {
    url = new URL(p.provider?.hostUri ?? "");
  } catch {
    throw new ProviderUnreachable(`provider ${provider} has no usable host_uri`);
  }
  if (url.protocol !== "https:" || !LOOPBACK.has(url.hostname)) throw new ProviderUnreachable(`provider ${provider} is not on this machine (${url.host})`);
  const request = QueryCertificatesRequest.encode(QueryCertificatesRequest.fromPartial({ filter: { owner: provider, serial: "", state: "valid" } })).finish();
  const response = QueryCertificatesResponse.decode((await query.queryAbci("/akash.cert.v1.Query/Certificates", request)).value);
  const certs = new Map<string, string>();
  for (const c of response.certificates) if (c.certificate?.state === Cert_State.valid) certs.set(c.serial, new TextDecoder().decode(c.certificate.cert));
  if (certs.size === 0) throw new ProviderUnreachable(`provider ${provider} has no valid certificate on chain`);
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port || 443), certs };
}

/** The server certificate must be one the provider published on chain, valid now. */
export function checkServerCertificate(peer: X509Certificate | undefined, provider: string, endpoint: ProviderEndpoint, nowMs: number): void {
  if (!peer) throw new Error("the provider presented no certificate");
  const serial = BigInt(`0x${peer.serialNumber}`).toString(10);
  const published = endpoint.certs.get(serial);
  if (!published) throw new Error(`the provider's certificate ${serial} is not published (or is revoked) on chain`);
  if (!new X509Certificate(published).raw.equals(peer.raw)) throw new Error("the provider's certificate differs from the one on chain");
  if (!/(^|\n)CN=([^\n]*)/.exec(peer.subject)?.[2]?.startsWith(provider)) throw new Error("the provider's certificate is not issued to its address");
  if (nowMs < Date.parse(peer.validFrom) || nowMs > Date.parse(peer.validTo)) throw new Error("the provider's certificate is not valid now");
}

export function callProvider(provider: string, endpoint: ProviderEndpoint, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: endpoint.host,
        port: endpoint.port,
        method,
        path,
        headers: { ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        // Trust anchors are exactly the provider's published certificates (self-signed), and the
        // identity check is the chain's, not the host name's: nothing (not even the token) is sent
        // before the handshake has proven this is the provider's on-chain certificate.
        ca: [...endpoint.certs.values()],
        checkServerIdentity: (_host: string, cert: PeerCertificate) => {
          try {
            checkServerCertificate(new X509Certificate(cert.raw), provider, endpoint, Date.now());
            return undefined;
          } catch (error) {
            return error as Error;
          }
        },
        minVersion: "TLSv1.3",
        agent: false,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > MAX_REPLY) req.destroy(new Error("the provider's reply is too large"));
          else chunks.push(c);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("the provider did not answer in time")));
    req.on("error", reject);
    req.end(body);
  });
}
