import type { KubernetesObject, KubernetesObjectApi } from "@kubernetes/client-node";
import type { LeaseId } from "../../../common/gateway-schemas";
import { leaseFromLabels, leaseNamespace, leasePath } from "../builder";
import { teardownNamespace } from "./teardown";

export interface ReconcileResult {
  /** Leases active on chain whose namespace was missing and that were deployed again. */
  recreated: LeaseId[];
  /** Active leases with no namespace and no manifest to rebuild from (they await the tenant). */
  waiting: LeaseId[];
  /** Namespaces no active lease of this provider owns: removed. */
  removed: string[];
}

/**
 * At start-up (and after a k3s reinstall): leases on chain ↔ namespaces on k3s. What a lease needs
 * and lacks is deployed again from its stored manifest; what no lease owns is deleted, so a
 * provider never runs (or is blamed for) a workload nobody pays for.
 */
export async function reconcileLeases(
  api: KubernetesObjectApi,
  provider: string,
  activeLeases: readonly LeaseId[],
  redeploy: (lease: LeaseId) => Promise<boolean>,
): Promise<ReconcileResult> {
  const namespaces = await api.list<KubernetesObject>("v1", "Namespace", undefined, undefined, undefined, undefined, undefined, "akash.network=true");
  const present = new Map<string, LeaseId | null>();
  for (const ns of namespaces.items) {
    const name = ns.metadata?.name;
    if (name) present.set(name, leaseFromLabels(ns.metadata?.labels));
  }
  const wanted = new Map(activeLeases.filter((l) => l.provider === provider).map((l) => [leaseNamespace(l), l]));
  const result: ReconcileResult = { recreated: [], waiting: [], removed: [] };
  for (const [namespace, lease] of wanted) {
    if (present.has(namespace)) continue;
    if (await redeploy(lease)) result.recreated.push(lease);
    else result.waiting.push(lease);
  }
  for (const [namespace, lease] of present) {
    // Only namespaces we recognise as leases of this provider are ours to delete.
    if (wanted.has(namespace) || !lease || lease.provider !== provider) continue;
    if (leaseNamespace(lease) !== namespace) continue;
    await teardownNamespace(api, namespace);
    result.removed.push(namespace);
  }
  result.recreated.sort((a, b) => leasePath(a).localeCompare(leasePath(b)));
  return result;
}
