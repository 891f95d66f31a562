import type { NetworkId } from "../../../common/schemas";

// How each network is named on screen; the ids are the chain ids a provider operator knows.
const LABELS: Record<NetworkId, string> = {
  local: "Local devnet",
  "sandbox-2": "Sandbox (sandbox-2)",
  "akashnet-2": "Mainnet (akashnet-2)",
};

const DESCRIPTIONS: Record<NetworkId, string> = {
  local: "A private test chain on this machine, with synthetic tenants. Nothing real is earned or spent.",
  "sandbox-2": "Akash's public test network. Test tokens only, real tenants' tooling.",
  "akashnet-2": "The real Akash Network. Leases pay real tokens; bids and fees cost real tokens.",
};

export function networkLabel(network: NetworkId): string {
  return LABELS[network];
}

export function networkDescription(network: NetworkId): string {
  return DESCRIPTIONS[network];
}

export const NETWORK_OPTIONS = Object.keys(LABELS) as NetworkId[];
