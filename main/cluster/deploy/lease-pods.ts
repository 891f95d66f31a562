import type { KubernetesObject, KubernetesObjectApi } from "@kubernetes/client-node";
import type { LeaseId } from "../../../common/gateway-schemas";
import { leaseNamespace, MANIFEST_SERVICE } from "../builder";

export interface LeasePod {
  name: string;
  service: string;
  container: string;
}

interface PodLike extends KubernetesObject {
  spec?: { containers?: { name: string }[] };
}

/** The lease's pods, optionally only those of some services, in a stable order (name). */
export async function leasePods(api: KubernetesObjectApi, lease: LeaseId, services: readonly string[] = []): Promise<LeasePod[]> {
  const list = await api.list<PodLike>("v1", "Pod", leaseNamespace(lease), undefined, undefined, undefined, undefined, "akash.network=true");
  return list.items
    .map((pod) => ({
      name: pod.metadata?.name ?? "",
      service: pod.metadata?.labels?.[MANIFEST_SERVICE] ?? "",
      container: pod.spec?.containers?.[0]?.name ?? "",
    }))
    .filter((p) => p.name && p.service && (services.length === 0 || services.includes(p.service)))
    .sort((a, b) => a.name.localeCompare(b.name));
}
