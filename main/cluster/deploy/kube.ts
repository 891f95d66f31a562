import type { KubeConfig, KubernetesObjectApi } from "@kubernetes/client-node";
import { k8s } from "../kube/k8s-module";

// The connection to the k3s API server. main/cluster (k3s install) knows where the kubeconfig is;
// deploy only needs a KubeConfig, built here from its text or from explicit options (tests).

export const FIELD_MANAGER = "akash-provider-desktop";

export interface KubeConnection {
  config: KubeConfig;
  objects: KubernetesObjectApi;
}

export async function connectKubeconfig(kubeconfigYaml: string): Promise<KubeConnection> {
  const { KubeConfig, KubernetesObjectApi } = await k8s();
  const config = new KubeConfig();
  config.loadFromString(kubeconfigYaml);
  return { config, objects: KubernetesObjectApi.makeApiClient(config) };
}

export async function connectKube(options: { server: string; token?: string; caPem?: string; skipTlsVerify?: boolean }): Promise<KubeConnection> {
  const { KubeConfig, KubernetesObjectApi } = await k8s();
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: "k3s", server: options.server, caData: options.caPem ? Buffer.from(options.caPem).toString("base64") : undefined, skipTLSVerify: options.skipTlsVerify ?? false }],
    users: [{ name: "provider", token: options.token }],
    contexts: [{ name: "k3s", cluster: "k3s", user: "provider" }],
    currentContext: "k3s",
  });
  return { config, objects: KubernetesObjectApi.makeApiClient(config) };
}
