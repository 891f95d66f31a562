import type * as K8s from "@kubernetes/client-node";

// @kubernetes/client-node costs ~60 MB of resident memory once loaded (its generated API classes load
// all at once). Until k3s is installed and a lease is served the app never talks to Kubernetes — a rig
// that only bids, or one still in the wizard — so the package is loaded on first use, not at start.

let loading: Promise<typeof K8s> | null = null;

export function k8s(): Promise<typeof K8s> {
  loading ??= import("@kubernetes/client-node");
  return loading;
}
