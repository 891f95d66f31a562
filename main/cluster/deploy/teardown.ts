import type { KubernetesObjectApi } from "@kubernetes/client-node";
import type { LeaseId } from "../../../common/gateway-schemas";
import { leaseNamespace } from "../builder";

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: number; statusCode?: number })?.code ?? (error as { statusCode?: number })?.statusCode;
  return code === 404;
}

/** Deletes a lease's namespace (and with it everything in it). Idempotent: a missing one is fine. */
export async function teardownNamespace(api: KubernetesObjectApi, namespace: string): Promise<boolean> {
  try {
    await api.delete({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } }, undefined, undefined, undefined, undefined, "Background");
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

export function teardownLease(api: KubernetesObjectApi, lease: LeaseId): Promise<boolean> {
  return teardownNamespace(api, leaseNamespace(lease));
}
