/** What the builder needs to know about this provider's cluster; comes from cluster config. */
export interface BuilderSettings {
  /** Generated tenant hostnames live under this domain, e.g. `ingress.rig.example.com`. */
  ingressDomain: string;
  /** IngressClass of the bundled ingress controller (k3s ships Traefik). */
  ingressClass: string;
  /** Namespace the ingress controller's pods run in; allowed to reach tenant pods. */
  ingressNamespace: string;
  /** RuntimeClass for GPU pods (the NVIDIA container runtime). */
  gpuRuntimeClass: string;
  /** SDL storage class (beta1, beta2, beta3, default) → Kubernetes StorageClass name. */
  storageClasses: Readonly<Record<string, string>>;
  /** Extra CIDRs tenants must never reach (the owner's LAN when it is not RFC 1918). */
  blockedCidrs: readonly string[];
  /** Public host name of the provider, given to workloads as AKASH_CLUSTER_PUBLIC_HOSTNAME. */
  clusterPublicHostname: string;
}

export const DEFAULT_BUILDER_SETTINGS: BuilderSettings = {
  ingressDomain: "ingress.localhost",
  ingressClass: "traefik",
  ingressNamespace: "kube-system",
  gpuRuntimeClass: "nvidia",
  storageClasses: { default: "local-path", beta1: "local-path", beta2: "local-path", beta3: "local-path" },
  blockedCidrs: [],
  clusterPublicHostname: "localhost",
};
