import { isIP } from "node:net";
import { ContractFailure } from "../../common/envelope";

// The provider's host_uri, checked the way the chain's MsgCreateProvider.ValidateBasic does (absolute
// https URL, non-empty host, empty path) and a little stricter where the chain would accept something
// tenants could not use (user info, query, fragment, a bad port).

export interface HostUri {
  /** Exactly what goes on chain. */
  uri: string;
  /** Host name (or IP) for the certificate's SAN and the gateway's TLS. */
  host: string;
  port: number;
  isIp: boolean;
}

export const DEFAULT_GATEWAY_PORT = 8443;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/u;

export function parseHostUri(input: unknown): HostUri {
  if (typeof input !== "string" || input.trim() === "") throw bad("Enter the address tenants will reach, like https://provider.example.com:8443.");
  const uri = input.trim();
  if (uri.length > 256) throw bad("That host URI is too long (256 characters at most).");
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/u.exec(uri);
  if (!match) throw bad("The host URI must be an absolute URL such as https://provider.example.com:8443.");
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  if (scheme.toLowerCase() !== "https") throw bad(`The host URI must use https (tenants connect with TLS), not ${scheme}.`);
  if (rest !== "") {
    throw bad(rest.startsWith("/") && !/[?#]/u.test(rest) ? "The host URI must not have a path (not even a trailing /): use https://host:port." : "The host URI must not have a query or fragment.");
  }
  if (authority.includes("@")) throw bad("The host URI must not contain a user name or password.");
  const hostPort = /^(\[[0-9a-fA-F:.]+\]|[^:]*)(?::(\d*))?$/u.exec(authority);
  if (!hostPort) throw bad("The host URI's host:port part is malformed.");
  const rawHost = hostPort[1] ?? "";
  const portText = hostPort[2];
  if (rawHost === "") throw bad("The host URI has no host name.");
  if (portText === "") throw bad("The host URI ends in ':' without a port number.");
  const port = portText === undefined ? 443 : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad(`Port ${portText} is not a valid TCP port (1-65535).`);
  const host = rawHost.startsWith("[") ? rawHost.slice(1, -1) : rawHost.toLowerCase();
  const ip = isIP(host) !== 0;
  if (!ip) {
    const labels = host.replace(/\.$/u, "").split(".");
    if (labels.length < 1 || labels.some((l) => !HOST_LABEL.test(l)) || host.length > 253) {
      throw bad(`"${host}" is not a valid host name (letters, digits and hyphens, separated by dots).`);
    }
  }
  return { uri, host, port, isIp: ip };
}

function bad(message: string): ContractFailure {
  return new ContractFailure("INVALID_INPUT", message);
}
