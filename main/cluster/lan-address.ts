import { networkInterfaces } from "node:os";

/** The first non-internal, non-link-local IPv4 address: what a second rig on the LAN dials. */
export function lanAddress(interfaces = networkInterfaces()): string | null {
  for (const [name, addresses] of Object.entries(interfaces)) {
    // k3s's own interfaces are not the LAN.
    if (/^(cni|flannel|veth|docker|br-|kube)/.test(name)) continue;
    for (const a of addresses ?? []) {
      if (a.family === "IPv4" && !a.internal && !a.address.startsWith("169.254.")) return a.address;
    }
  }
  return null;
}
