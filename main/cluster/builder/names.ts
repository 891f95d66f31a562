import { createHash } from "node:crypto";
import type { LeaseId } from "../../../common/gateway-schemas";

// Kubernetes names derived from a lease. They must be deterministic (reconcile finds a lease's
// namespace again after a restart) and DNS-1123 safe whatever the chain hands us.

/** The lease id in the chain's canonical path form: owner/dseq/gseq/oseq/provider. */
export function leasePath(lease: LeaseId): string {
  return `${lease.owner}/${lease.dseq}/${lease.gseq}/${lease.oseq}/${lease.provider}`;
}

const BASE32_HEX = "0123456789abcdefghijklmnopqrstuv";

/** Lower-case RFC 4648 base32hex without padding: only [0-9a-v], so always a DNS label. */
export function base32Hex(bytes: Uint8Array): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_HEX[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The namespace of a lease: base32hex(sha224(lease path)), 45 characters, the same derivation
 * provider-services uses, so an operator's kubectl habits carry over.
 */
export function leaseNamespace(lease: LeaseId): string {
  return base32Hex(createHash("sha224").update(leasePath(lease)).digest());
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** `base-suffix`, shortened with a stable hash when it would pass the 63-character label limit. */
export function objectName(base: string, suffix: string): string {
  const full = suffix ? `${base}-${suffix}` : base;
  if (full.length <= 63) return full;
  const hash = base32Hex(createHash("sha256").update(full).digest()).slice(0, 8);
  const room = 63 - hash.length - 1 - (suffix ? suffix.length + 1 : 0);
  const head = base.slice(0, room).replace(/-+$/, "");
  return suffix ? `${head}-${hash}-${suffix}` : `${head}-${hash}`;
}

/** A generated public hostname for one service of a lease under the provider's ingress domain. */
export function generatedHostname(lease: LeaseId, service: string, ingressDomain: string): string {
  const label = base32Hex(createHash("sha256").update(`${leasePath(lease)}/${service}`).digest()).slice(0, 26);
  return `${label}.${ingressDomain}`;
}
