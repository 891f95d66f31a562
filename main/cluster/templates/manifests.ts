// The Kubernetes objects the app puts on its node after k3s starts. Plain objects (validated against
// the Kubernetes schemas in the tests), written as JSON (= YAML) files into k3s's auto-deploy folder,
// which k3s applies on every start and re-applies on change.

export type KubeObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } } & Record<string, unknown>;

export const APP_LABEL = { "app.kubernetes.io/managed-by": "akash-provider-desktop" } as const;
/** Where the app's own workloads (not tenants') live. */
export const SERVICES_NAMESPACE = "akash-services";
/** The label every tenant (lease) namespace carries. */
export const TENANT_LABEL_KEY = "akash.network";
export const DEVICE_PLUGIN_NAME = "nvidia-device-plugin-daemonset";
export const DEVICE_PLUGIN_NAMESPACE = "kube-system";

/**
 * Ranges a tenant must never reach: the owner's LAN, CGNAT, link-local (cloud metadata), loopback and
 * "this network". The one list both this node-level policy and every lease's policies use.
 */
export const PRIVATE_RANGES_V4 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8", "0.0.0.0/8"];
export const PRIVATE_RANGES_V6 = ["fc00::/7", "fe80::/10", "::1/128"];

export function nvidiaRuntimeClass(): KubeObject {
  return { apiVersion: "node.k8s.io/v1", kind: "RuntimeClass", metadata: { name: "nvidia", labels: { ...APP_LABEL } }, handler: "nvidia" };
}

export function appNamespaces(): KubeObject[] {
  return [{ apiVersion: "v1", kind: "Namespace", metadata: { name: SERVICES_NAMESPACE, labels: { ...APP_LABEL } } }];
}

/** NVIDIA's device plugin, pinned by digest, run with the nvidia runtime so it sees the driver. */
export function devicePluginDaemonSet(image: string): KubeObject {
  const labels = { name: DEVICE_PLUGIN_NAME };
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: DEVICE_PLUGIN_NAME, namespace: DEVICE_PLUGIN_NAMESPACE, labels: { ...APP_LABEL } },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: "RollingUpdate" },
      template: {
        metadata: { labels },
        spec: {
          runtimeClassName: "nvidia",
          priorityClassName: "system-node-critical",
          // Only nodes whose installer found an NVIDIA GPU get the label; CPU-only rigs run no plugin.
          nodeSelector: { "akash.network/capabilities.gpu.vendor.nvidia": "true" },
          tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
          containers: [
            {
              name: "nvidia-device-plugin-ctr",
              image,
              env: [
                { name: "FAIL_ON_INIT_ERROR", value: "false" },
                { name: "DEVICE_DISCOVERY_STRATEGY", value: "nvml" },
              ],
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
              volumeMounts: [{ name: "device-plugin", mountPath: "/var/lib/kubelet/device-plugins" }],
            },
          ],
          volumes: [{ name: "device-plugin", hostPath: { path: "/var/lib/kubelet/device-plugins" } }],
        },
      },
    },
  };
}

/**
 * The egress policy every tenant namespace gets: DNS to CoreDNS, traffic inside the namespace, and the
 * internet — but nothing in private ranges (the owner's LAN, the router, other pods and services) and
 * nothing in `extraDenied` (e.g. a public IPv6 prefix of the owner's LAN).
 */
export function tenantNetworkPolicy(namespace: string, extraDenied: readonly string[] = []): KubeObject {
  const extraV4 = extraDenied.filter((c) => !c.includes(":"));
  const extraV6 = extraDenied.filter((c) => c.includes(":"));
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: "akash-deny-lan", namespace, labels: { ...APP_LABEL } },
    spec: {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
        { to: [{ podSelector: {} }] },
        {
          to: [
            { ipBlock: { cidr: "0.0.0.0/0", except: [...PRIVATE_RANGES_V4, ...extraV4] } },
            { ipBlock: { cidr: "::/0", except: [...PRIVATE_RANGES_V6, ...extraV6] } },
          ],
        },
      ],
    },
  };
}

/** Files for k3s's auto-deploy folder: file name → content. */
export function nodeManifestFiles(devicePluginImage: string, withGpu: boolean): Record<string, string> {
  const files: Record<string, KubeObject[]> = {
    "namespaces.yaml": appNamespaces(),
    "runtime-class.yaml": [nvidiaRuntimeClass()],
  };
  if (withGpu) files["nvidia-device-plugin.yaml"] = [devicePluginDaemonSet(devicePluginImage)];
  return Object.fromEntries(Object.entries(files).map(([name, objects]) => [name, toYamlList(objects)]));
}

/** Multi-document YAML whose documents are JSON (JSON is YAML): no YAML library, no escaping traps. */
export function toYamlList(objects: readonly KubeObject[]): string {
  return objects.map((o) => `---\n${JSON.stringify(o, null, 2)}\n`).join("");
}
