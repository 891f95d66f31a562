import type { ClusterStatus } from "../../common/cluster-schemas";
import type { ProviderInfoPort } from "../gateway/ports";

// GET /status and /version in provider-services' JSON shape (gateway/rest: the legacy status
// body), built from what this app knows: leases served, manifests, the k3s node's allocatable.

export interface InfoSources {
  provider: () => string | null;
  appVersion: string;
  clusterPublicHostname: () => string;
  leasesServed: () => number;
  cluster: () => Promise<ClusterStatus>;
  /** Orders the bid engine is working on; the field is left out until the engine reports it. */
  bidOrders?: () => number;
}

export function providerInfoPort(s: InfoSources): ProviderInfoPort {
  return {
    async status() {
      const cluster = await s.cluster().catch(() => null);
      const a = cluster?.health?.allocatable;
      const nodes = (cluster?.health?.nodes ?? []).map((n) => ({ name: n.name }));
      return {
        cluster: {
          leases: s.leasesServed(),
          inventory: {
            available: { nodes: a ? [{ name: nodes[0]?.name ?? "node", allocatable: { cpu: a.cpuMillis, gpu: a.gpus, memory: a.memoryBytes, storage_ephemeral: a.ephemeralStorageBytes } }] : [] },
          },
        },
        ...(s.bidOrders ? { bidengine: { orders: s.bidOrders() } } : {}),
        manifest: { deployments: s.leasesServed() },
        cluster_public_hostname: s.clusterPublicHostname(),
        address: s.provider() ?? "",
      };
    },
    async version() {
      return { akash: { version: `akash-provider-desktop/${s.appVersion}`, commit: "", buildTags: "", go: "", cosmosSdkVersion: "" }, kube: null };
    },
  };
}
