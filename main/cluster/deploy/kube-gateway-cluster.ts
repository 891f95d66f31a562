import type { LeaseId, ManifestGroup } from "../../../common/gateway-schemas";
import type { ExecIo, GatewayClusterPort, KubeEvent, LogLine } from "../../gateway/ports";
import type { LeaseDeployer } from "./lease-deployer";
import type { KubeConnection } from "./kube";
import { execInLease, streamLeaseEvents, streamLeaseLogs } from "./lease-streams";

/** The gateway's cluster port, served by k3s. */
export function kubeGatewayCluster(connection: KubeConnection, deployer: LeaseDeployer): GatewayClusterPort {
  return {
    deploy: async (lease: LeaseId, group: ManifestGroup) => void (await deployer.deploy(lease, group)),
    leaseStatus: (lease) => deployer.status(lease),
    logs: (lease, options, sink: (l: LogLine) => void, end) => streamLeaseLogs(connection.config, connection.objects, lease, options, sink, end),
    events: (lease, options, sink: (e: KubeEvent) => void, end) => streamLeaseEvents(connection.config, connection.objects, lease, options, sink, end),
    exec: (lease, options, io: ExecIo) => execInLease(connection.config, connection.objects, lease, options, io),
  };
}
