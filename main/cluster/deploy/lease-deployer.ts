import type { KubernetesObjectApi } from "@kubernetes/client-node";
import type { LeaseId, ManifestGroup } from "../../../common/gateway-schemas";
import type { LeaseStatus } from "../../gateway/ports";
import { buildLeaseObjects, leaseNamespace, type BuilderSettings } from "../builder";
import { applyObjects, pruneObjects } from "./apply";
import { readLeaseStatus } from "./lease-status";
import { teardownLease } from "./teardown";

/** Tenant hostnames in use, so two leases cannot claim the same host. */
export interface HostRegistry {
  takenBy(host: string): string | null;
  claim(namespace: string, hosts: readonly string[]): void;
  release(namespace: string): void;
}

export class MemoryHostRegistry implements HostRegistry {
  private readonly hosts = new Map<string, string>();
  takenBy(host: string) {
    return this.hosts.get(host) ?? null;
  }
  claim(namespace: string, hosts: readonly string[]) {
    for (const h of hosts) this.hosts.set(h, namespace);
  }
  release(namespace: string) {
    for (const [h, ns] of this.hosts) if (ns === namespace) this.hosts.delete(h);
  }
}

/** Build → apply → prune for one lease; status and teardown. The gateway's cluster port uses it. */
export class LeaseDeployer {
  constructor(
    private readonly api: KubernetesObjectApi,
    private readonly settings: BuilderSettings,
    private readonly hosts: HostRegistry = new MemoryHostRegistry(),
  ) {}

  async deploy(lease: LeaseId, group: ManifestGroup): Promise<{ namespace: string; hosts: Record<string, string[]> }> {
    const tenantHosts = group.services.flatMap((s) => (s.expose ?? []).flatMap((e) => e.hosts ?? []));
    const probe = buildLeaseObjects({ lease, group, settings: this.settings });
    const rejected = new Set(tenantHosts.map((h) => h.toLowerCase()).filter((h) => {
      const owner = this.hosts.takenBy(h);
      return owner !== null && owner !== probe.namespace;
    }));
    const built = rejected.size > 0 ? buildLeaseObjects({ lease, group, settings: this.settings, rejectedHosts: rejected }) : probe;
    await applyObjects(this.api, built.objects);
    await pruneObjects(this.api, built.namespace, built.objects);
    this.hosts.release(built.namespace);
    this.hosts.claim(built.namespace, Object.values(built.hosts).flat());
    return { namespace: built.namespace, hosts: built.hosts };
  }

  status(lease: LeaseId): Promise<LeaseStatus | null> {
    return readLeaseStatus(this.api, lease, this.settings.clusterPublicHostname);
  }

  async teardown(lease: LeaseId): Promise<boolean> {
    const removed = await teardownLease(this.api, lease);
    this.hosts.release(leaseNamespace(lease));
    return removed;
  }
}

