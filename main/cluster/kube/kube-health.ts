import type { AppsV1Api, CoreV1Api, V1Node } from "@kubernetes/client-node";
import type { ClusterHealth, NodeHealth, NodeResources } from "../../../common/cluster-schemas";
import { DEVICE_PLUGIN_NAME, DEVICE_PLUGIN_NAMESPACE } from "../templates/manifests";
import { k8s } from "./k8s-module";
import { quantityNumber } from "./quantity";

// Node health straight from the Kubernetes API, using the node's kubeconfig: Ready, allocatable,
// pressure conditions and the NVIDIA device plugin. An unreachable API is a result, not a throw.

export const GPU_RESOURCE = "nvidia.com/gpu";
const BAD_CONDITIONS = ["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"];

export interface KubeHealthSource {
  health(): Promise<ClusterHealth>;
}

function resources(map: Record<string, string> | undefined): NodeResources {
  return {
    cpuMillis: quantityNumber(map?.cpu, 1000n),
    memoryBytes: quantityNumber(map?.memory),
    gpus: quantityNumber(map?.[GPU_RESOURCE]),
    ephemeralStorageBytes: quantityNumber(map?.["ephemeral-storage"]),
  };
}

export function nodeHealth(node: V1Node): NodeHealth {
  const conditions = node.status?.conditions ?? [];
  const labels = node.metadata?.labels ?? {};
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith("node-role.kubernetes.io/"))
    .map((k) => k.slice("node-role.kubernetes.io/".length))
    .sort();
  return {
    name: node.metadata?.name ?? "(unnamed)",
    ready: conditions.some((c) => c.type === "Ready" && c.status === "True"),
    roles,
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? "",
    allocatable: resources(node.status?.allocatable),
    capacity: resources(node.status?.capacity),
    pressure: conditions.filter((c) => BAD_CONDITIONS.includes(c.type) && c.status === "True").map((c) => c.type),
    labels,
  };
}

function sum(nodes: readonly NodeHealth[]): NodeResources {
  const total: NodeResources = { cpuMillis: 0, memoryBytes: 0, gpus: 0, ephemeralStorageBytes: 0 };
  for (const n of nodes) {
    if (!n.ready) continue;
    total.cpuMillis += n.allocatable.cpuMillis;
    total.memoryBytes += n.allocatable.memoryBytes;
    total.gpus += n.allocatable.gpus;
    total.ephemeralStorageBytes += n.allocatable.ephemeralStorageBytes;
  }
  return total;
}

function describe(error: unknown): string {
  const e = error as { code?: number | string; message?: string; cause?: { code?: string } };
  if (typeof e.code === "number") return `the Kubernetes API answered HTTP ${e.code}`;
  return e.cause?.code ? `cannot reach the Kubernetes API (${e.cause.code})` : `cannot reach the Kubernetes API: ${e.message ?? String(error)}`;
}

export function kubeHealthSource(kubeconfigText: string, now: () => Date, expectGpus: () => number): KubeHealthSource {
  let clients: Promise<{ core: CoreV1Api; apps: AppsV1Api }> | null = null;
  const connect = async () => {
    const { KubeConfig, CoreV1Api, AppsV1Api } = await k8s();
    const config = new KubeConfig();
    config.loadFromString(kubeconfigText);
    return { core: config.makeApiClient(CoreV1Api), apps: config.makeApiClient(AppsV1Api) };
  };
  return {
    async health() {
      const checkedAt = now().toISOString();
      let nodes: NodeHealth[];
      let core: CoreV1Api, apps: AppsV1Api;
      try {
        ({ core, apps } = await (clients ??= connect()));
      } catch (error) {
        clients = null;
        return { checkedAt, reachable: false, error: `the kubeconfig is unusable: ${(error as Error).message}`, nodes: [], allocatable: sum([]), devicePlugin: null, healthy: false };
      }
      try {
        const list = await core.listNode();
        nodes = list.items.map(nodeHealth);
      } catch (error) {
        return { checkedAt, reachable: false, error: describe(error), nodes: [], allocatable: sum([]), devicePlugin: null, healthy: false };
      }
      let devicePlugin: ClusterHealth["devicePlugin"] = null;
      try {
        const ds = await apps.readNamespacedDaemonSet({ name: DEVICE_PLUGIN_NAME, namespace: DEVICE_PLUGIN_NAMESPACE });
        devicePlugin = { desired: ds.status?.desiredNumberScheduled ?? 0, ready: ds.status?.numberReady ?? 0 };
      } catch (error) {
        if ((error as { code?: number }).code !== 404) {
          return { checkedAt, reachable: false, error: describe(error), nodes, allocatable: sum(nodes), devicePlugin: null, healthy: false };
        }
      }
      const allocatable = sum(nodes);
      const pluginOk = expectGpus() === 0 || (devicePlugin !== null && devicePlugin.desired > 0 && devicePlugin.ready === devicePlugin.desired);
      const healthy = nodes.length > 0 && nodes.every((n) => n.ready && n.pressure.length === 0) && pluginOk && allocatable.gpus >= expectGpus();
      return { checkedAt, reachable: true, error: null, nodes, allocatable, devicePlugin, healthy };
    },
  };
}
