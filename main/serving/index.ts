export { ServingService, leaseKey, type ServingDeps } from "./serving-service";
export { ChainGatewayPort, type ChainLease } from "./chain-port";
export { SwitchableCluster, type ClusterState, type ReconcileFn } from "./cluster-port";
export { k3sClusterState, kubeClusterReady, type K3sClusterSource } from "./k3s-cluster";
export { txBidPort } from "./bid-port";
export { gpuReclaimImpact, gpusInGroup } from "./gpu-reclaim";
export { leaseEventsFor, LEASE_CREATED, LEASE_CLOSED, type LeaseEvent } from "./lease-events";
export { bidGroupSpecFromChain } from "./group-spec";
