import type * as ChainSdk from "@akashnetwork/chain-sdk";

// The chain-sdk's root entry (its SDK clients, the SDL parser, JWT and manifest helpers) costs ~30 MB
// of resident memory once loaded; the gateway needs two helpers from it, and only when a tenant calls.
// The protobuf types the rest of the app uses come from the lighter `private-types/*` entries.

let loading: Promise<typeof ChainSdk> | null = null;

export function chainSdkRoot(): Promise<typeof ChainSdk> {
  loading ??= import("@akashnetwork/chain-sdk");
  return loading;
}
