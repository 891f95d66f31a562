import type { LeaseId, ManifestGroup } from "../../common/gateway-schemas";
import { GatewayHttpError } from "../gateway/http-error";
import type { GatewayClusterPort } from "../gateway/ports";

// The gateway's cluster port while k3s may come and go: it serves through the k3s-backed port
// when the node is healthy, and otherwise refuses with a clear 503 — a manifest is never accepted
// and then silently dropped because nothing could run it.

/** What serving holds of the k3s node right now. */
export type ClusterState =
  | { kind: "ready"; port: GatewayClusterPort; teardown: (lease: LeaseId) => Promise<boolean>; reconcile: ReconcileFn }
  | { kind: "unavailable"; reason: string };

export type ReconcileFn = (active: readonly LeaseId[], redeploy: (lease: LeaseId) => Promise<boolean>) => Promise<{ recreated: LeaseId[]; waiting: LeaseId[]; removed: string[] }>;

export class SwitchableCluster implements GatewayClusterPort {
  private state: ClusterState = { kind: "unavailable", reason: "k3s is not installed" };

  /** `refresh` re-reads the node before a deploy, so a manifest never goes to a node that just went away. */
  constructor(private readonly refresh: () => Promise<void> = async () => {}) {}

  set(state: ClusterState): void {
    this.state = state;
  }

  current(): ClusterState {
    return this.state;
  }

  private ready(): GatewayClusterPort {
    if (this.state.kind === "ready") return this.state.port;
    throw new GatewayHttpError(503, `this provider cannot run workloads right now: ${this.state.reason}`);
  }

  async deploy(lease: LeaseId, group: ManifestGroup) {
    await this.refresh();
    return this.ready().deploy(lease, group);
  }

  async leaseStatus(lease: LeaseId) {
    return this.ready().leaseStatus(lease);
  }

  logs(...args: Parameters<GatewayClusterPort["logs"]>) {
    return this.ready().logs(...args);
  }

  events(...args: Parameters<GatewayClusterPort["events"]>) {
    return this.ready().events(...args);
  }

  exec(...args: Parameters<GatewayClusterPort["exec"]>) {
    return this.ready().exec(...args);
  }
}
