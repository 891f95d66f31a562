import type { KubernetesObject, KubernetesObjectApi } from "@kubernetes/client-node";
import { k8s } from "../kube/k8s-module";
import type { LeaseObject } from "../builder";
import { AKASH_MANAGED } from "../builder";
import { FIELD_MANAGER } from "./kube";

// Server-side apply of a lease's objects, in the builder's order (namespace and policies before
// workloads), then pruning what an earlier manifest created and this one no longer has (a tenant
// who removed a service from an updated manifest must not keep paying for... or running it).

/** Kinds a lease may own inside its namespace, for pruning. */
export const PRUNABLE = [
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress" },
  { apiVersion: "apps/v1", kind: "Deployment" },
  { apiVersion: "apps/v1", kind: "StatefulSet" },
  { apiVersion: "v1", kind: "Service" },
  { apiVersion: "v1", kind: "Secret" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy" },
] as const;

export async function applyObjects(api: KubernetesObjectApi, objects: readonly LeaseObject[]): Promise<void> {
  const { PatchStrategy } = await k8s();
  for (const object of objects) {
    // force: we are the only manager of tenant objects; take over fields after a crash/restart.
    await api.patch(object as KubernetesObject, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  }
}

export async function pruneObjects(api: KubernetesObjectApi, namespace: string, keep: readonly LeaseObject[]): Promise<number> {
  const wanted = new Set(keep.map((o) => `${o.kind}/${o.metadata?.name}`));
  let removed = 0;
  for (const { apiVersion, kind } of PRUNABLE) {
    const list = await api.list(apiVersion, kind, namespace, undefined, undefined, undefined, undefined, `${AKASH_MANAGED}=true`);
    for (const item of list.items) {
      const name = item.metadata?.name;
      if (!name || wanted.has(`${kind}/${name}`)) continue;
      await api.delete({ apiVersion, kind, metadata: { name, namespace } }, undefined, undefined, undefined, undefined, "Background");
      removed++;
    }
  }
  return removed;
}
