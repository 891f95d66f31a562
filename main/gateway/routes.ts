import { GatewayHttpError } from "./http-error";

// The provider-services REST surface. Path parameters are validated here so that handlers only
// ever see well-formed sequence numbers and service names.

export type Route =
  | { kind: "version" | "address" | "status" }
  | { kind: "manifest-put"; dseq: string }
  | { kind: "lease"; action: "status" | "manifest" | "kubeevents" | "logs" | "shell"; dseq: string; gseq: number; oseq: number }
  | { kind: "service-status"; dseq: string; gseq: number; oseq: number; service: string };

const SEQ = "(0|[1-9][0-9]{0,19})";
const MANIFEST = new RegExp(`^/deployment/${SEQ}/manifest$`);
const LEASE = new RegExp(`^/lease/${SEQ}/${SEQ}/${SEQ}/(status|manifest|kubeevents|logs|shell)$`);
const SERVICE = new RegExp(`^/lease/${SEQ}/${SEQ}/${SEQ}/service/([a-z][-a-z0-9]{0,62})/status$`);
const U32 = 0xffff_ffff;

function u32(value: string): number {
  const n = Number(value);
  if (n > U32) throw new GatewayHttpError(400, "sequence number out of range");
  return n;
}

function u64(value: string): string {
  if (BigInt(value) > 0xffff_ffff_ffff_ffffn) throw new GatewayHttpError(400, "dseq out of range");
  return value;
}

/** Returns the route, null for an unknown path, or throws 405 for a known path with the wrong method. */
export function matchRoute(method: string, path: string): Route | null {
  const expect = (allowed: string, route: Route): Route => {
    if (method !== allowed) throw new GatewayHttpError(405, "method not allowed");
    return route;
  };
  if (path === "/version" || path === "/address" || path === "/status") return expect("GET", { kind: path.slice(1) as "version" });
  let m = MANIFEST.exec(path);
  if (m) return expect("PUT", { kind: "manifest-put", dseq: u64(m[1]!) });
  m = LEASE.exec(path);
  if (m) return expect("GET", { kind: "lease", action: m[4] as "status", dseq: u64(m[1]!), gseq: u32(m[2]!), oseq: u32(m[3]!) });
  m = SERVICE.exec(path);
  if (m) return expect("GET", { kind: "service-status", dseq: u64(m[1]!), gseq: u32(m[2]!), oseq: u32(m[3]!), service: m[4]! });
  return null;
}
