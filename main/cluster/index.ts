// The k3s node: install/uninstall from k3s-bundle/, health and allocatable capacity, joining more rigs.
export { ClusterService, type ClusterServiceDeps, type NodeFacts } from "./cluster-service";
export { clusterHandlers } from "./cluster-handlers";
export { createCluster, type ClusterOptions } from "./create-cluster";
export { tenantNetworkPolicy, SERVICES_NAMESPACE, PRIVATE_RANGES_V4, PRIVATE_RANGES_V6 } from "./templates/manifests";
export { GPU_RESOURCE } from "./kube/kube-health";
