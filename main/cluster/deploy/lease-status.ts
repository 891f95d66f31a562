import type { KubernetesObject, KubernetesObjectApi } from "@kubernetes/client-node";
import type { LeaseId } from "../../../common/gateway-schemas";
import type { ForwardedPort, LeaseStatus, ServiceStatus } from "../../gateway/ports";
import { leaseNamespace, MANIFEST_SERVICE } from "../builder";

// Lease status in provider-services' shape, read from the cluster: replicas per service, the
// HTTP URIs the ingress routes, and the node ports Kubernetes allocated for the other exposes.

interface WorkloadLike extends KubernetesObject {
  spec?: { replicas?: number };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number };
}

interface ServiceLike extends KubernetesObject {
  spec?: { type?: string; ports?: { name?: string; port: number; nodePort?: number; protocol?: string }[] };
}

interface IngressLike extends KubernetesObject {
  spec?: { rules?: { host?: string }[] };
}

function serviceOf(object: KubernetesObject): string | null {
  return object.metadata?.labels?.[MANIFEST_SERVICE] ?? null;
}

export async function readLeaseStatus(api: KubernetesObjectApi, lease: LeaseId, publicHost: string): Promise<LeaseStatus | null> {
  const namespace = leaseNamespace(lease);
  const selector = "akash.network=true";
  const [deployments, statefulSets, services, ingresses] = await Promise.all([
    api.list<WorkloadLike>("apps/v1", "Deployment", namespace, undefined, undefined, undefined, undefined, selector),
    api.list<WorkloadLike>("apps/v1", "StatefulSet", namespace, undefined, undefined, undefined, undefined, selector),
    api.list<ServiceLike>("v1", "Service", namespace, undefined, undefined, undefined, undefined, selector),
    api.list<IngressLike>("networking.k8s.io/v1", "Ingress", namespace, undefined, undefined, undefined, undefined, selector),
  ]);
  const workloads = [...deployments.items, ...statefulSets.items];
  if (workloads.length === 0) return null;
  const uris = new Map<string, string[]>();
  for (const ingress of ingresses.items) {
    const name = serviceOf(ingress);
    if (!name) continue;
    const hosts = (ingress.spec?.rules ?? []).map((r) => r.host).filter((h): h is string => !!h);
    uris.set(name, [...(uris.get(name) ?? []), ...hosts]);
  }
  const result: LeaseStatus = { services: {}, forwarded_ports: {}, ips: {} };
  for (const workload of workloads) {
    const name = serviceOf(workload) ?? workload.metadata?.name ?? "";
    const s = workload.status ?? {};
    const status: ServiceStatus = {
      name,
      available: s.availableReplicas ?? 0,
      total: workload.spec?.replicas ?? 0,
      uris: uris.get(name) ?? [],
      observed_generation: s.observedGeneration ?? 0,
      replicas: s.replicas ?? 0,
      updated_replicas: s.updatedReplicas ?? 0,
      ready_replicas: s.readyReplicas ?? 0,
      available_replicas: s.availableReplicas ?? 0,
    };
    result.services[name] = status;
  }
  for (const service of services.items) {
    if (service.spec?.type !== "NodePort") continue;
    const name = serviceOf(service);
    if (!name) continue;
    const ports: ForwardedPort[] = (service.spec.ports ?? [])
      .filter((p) => typeof p.nodePort === "number")
      .map((p) => ({ host: publicHost, port: p.port, externalPort: p.nodePort as number, proto: p.protocol === "UDP" ? "UDP" : "TCP", name }));
    if (ports.length > 0) result.forwarded_ports[name] = [...(result.forwarded_ports[name] ?? []), ...ports];
  }
  return result;
}

/** Every service has all its replicas available. */
export function isRolledOut(status: LeaseStatus): boolean {
  const services = Object.values(status.services);
  return services.length > 0 && services.every((s) => s.available >= s.total);
}
