import { readFile } from "node:fs/promises";
import type { ClusterStatus } from "../../common/cluster-schemas";
import type { BuilderSettings } from "../cluster/builder";
import { connectKubeconfig, kubeGatewayCluster, LeaseDeployer, MemoryHostRegistry, reconcileLeases, type KubeConnection } from "../cluster/deploy";
import type { ClusterState } from "./cluster-port";

// k3s as serving sees it: ready (a healthy node and its kubeconfig → the k3s-backed gateway port,
// teardown and reconcile) or unavailable with the node's own message ("k3s is not installed", …).
// One connection per kubeconfig text, so a reinstall (new credentials) is picked up.

export interface K3sClusterSource {
  status(): Promise<ClusterStatus>;
  readonly kubeconfigPath: string;
}

export function k3sClusterState(node: K3sClusterSource, settings: () => BuilderSettings, provider: () => string | null): () => Promise<ClusterState> {
  let cached: { text: string; state: ClusterState } | null = null;
  const hosts = new MemoryHostRegistry();
  return async () => {
    const status = await node.status();
    if (!status.installed) return { kind: "unavailable", reason: "k3s is not installed: install it from the Cluster page to run workloads" };
    if (!status.health?.healthy) return { kind: "unavailable", reason: `k3s is not ready: ${status.message}` };
    const text = await readFile(node.kubeconfigPath, "utf8").catch(() => null);
    if (text === null) return { kind: "unavailable", reason: "k3s has no kubeconfig for the app: run the install again" };
    if (cached?.text === text) return cached.state;
    let connection: KubeConnection;
    try {
      connection = await connectKubeconfig(text);
    } catch (error) {
      return { kind: "unavailable", reason: `the kubeconfig is unusable: ${(error as Error).message}` };
    }
    cached = { text, state: kubeClusterReady(connection, settings(), provider, hosts) };
    return cached.state;
  };
}

export function kubeClusterReady(connection: KubeConnection, settings: BuilderSettings, provider: () => string | null, hosts = new MemoryHostRegistry()): ClusterState {
  const deployer = new LeaseDeployer(connection.objects, settings, hosts);
  return {
    kind: "ready",
    port: kubeGatewayCluster(connection, deployer),
    teardown: (lease) => deployer.teardown(lease),
    reconcile: (active, redeploy) => {
      const owner = provider();
      if (!owner) return Promise.resolve({ recreated: [], waiting: [], removed: [] });
      return reconcileLeases(connection.objects, owner, active, redeploy);
    },
  };
}
