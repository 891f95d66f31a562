// The host URI rules the chain applies (absolute https URL, a host, an optional port, nothing else),
// checked as the user types so the mistake shows next to the field. The app checks again on send
// (provider.preview/plan); this copy only gives the message sooner.

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/u;

/** null when the URI is acceptable, else what is wrong and how to write it. */
export function hostUriProblem(input: string): string | null {
  const uri = input.trim();
  if (uri === "") return "Enter the address tenants will reach, like https://provider.example.com:8443.";
  if (uri.length > 256) return "That host URI is too long (256 characters at most).";
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/u.exec(uri);
  if (!match) return "Start with https:// — for example https://provider.example.com:8443.";
  const scheme = match[1] ?? "";
  const authority = match[2] ?? "";
  const rest = match[3] ?? "";
  if (scheme.toLowerCase() !== "https") return `Use https (tenants connect with TLS), not ${scheme}.`;
  if (rest.startsWith("/") && !/[?#]/u.test(rest)) return "Remove the path (even a trailing /): the form is https://host:port.";
  if (rest !== "") return "Remove the query or fragment: the form is https://host:port.";
  if (authority.includes("@")) return "Remove the user name or password from the address.";
  const hostPort = /^(\[[0-9a-fA-F:.]+\]|[^:]*)(?::(\d*))?$/u.exec(authority);
  if (!hostPort) return "The host:port part is malformed.";
  const host = hostPort[1] ?? "";
  const port = hostPort[2];
  if (host === "") return "Add the host name, like provider.example.com.";
  if (port === "") return "Add the port number after the ':' (the gateway listens on 8443 by default).";
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return `Port ${port} is not a valid TCP port (1–65535).`;
  if (host.startsWith("[")) return isIpv6Literal(host) ? null : `"${host}" is not a valid IPv6 address.`;
  const lower = host.toLowerCase().replace(/\.$/u, "");
  if (lower.length > 253 || lower.split(".").some((label) => !HOST_LABEL.test(label))) {
    return `"${host}" is not a valid host name (letters, digits and hyphens, separated by dots).`;
  }
  return null;
}

/** "[2001:db8::1]": the browser's URL parser knows IPv6 (the renderer has no node:net). */
function isIpv6Literal(bracketed: string): boolean {
  if (!/^\[[0-9a-fA-F:.]+\]$/u.test(bracketed)) return false;
  try {
    return new URL(`https://${bracketed}/`).hostname !== "";
  } catch {
    return false;
  }
}
