export { connectKube, connectKubeconfig, FIELD_MANAGER, type KubeConnection } from "./kube";
export { applyObjects, pruneObjects } from "./apply";
export { readLeaseStatus, isRolledOut } from "./lease-status";
export { watchRollout, type RolloutResult } from "./rollout";
export { teardownLease, teardownNamespace } from "./teardown";
export { reconcileLeases, type ReconcileResult } from "./reconcile";
export { LeaseDeployer, MemoryHostRegistry, type HostRegistry } from "./lease-deployer";
export { kubeGatewayCluster } from "./kube-gateway-cluster";
export { leasePods, type LeasePod } from "./lease-pods";
