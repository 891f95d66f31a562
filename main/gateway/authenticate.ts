import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { TenantIdentity } from "./auth/identity";
import { verifyJwt } from "./auth/jwt";
import { verifyClientCertificate } from "./auth/mtls";
import { GatewayHttpError } from "./http-error";
import type { GatewayChainPort, GatewayClock } from "./ports";

/** A bearer token wins over a client certificate (tenants' tools send one or the other). */
export async function authenticate(req: IncomingMessage, clock: GatewayClock, chain: GatewayChainPort, provider: string): Promise<TenantIdentity> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new GatewayHttpError(401, "authorization header must be a Bearer token");
    return verifyJwt(match[1]!, clock.now(), chain, provider);
  }
  const socket = req.socket as TLSSocket;
  const cert = typeof socket.getPeerX509Certificate === "function" ? socket.getPeerX509Certificate() : undefined;
  if (!cert) throw new GatewayHttpError(401, "authentication required: a client certificate or a bearer token");
  return verifyClientCertificate(cert, clock.now(), chain);
}
