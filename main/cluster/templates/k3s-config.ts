// k3s's /etc/rancher/k3s/config.yaml. Written as JSON, which is valid YAML, so no YAML library is
// needed and nothing the owner types can inject extra keys.

export interface ReserveAmounts {
  cpuMillis: number;
  memoryBytes: number;
  storageBytes: number;
}

export interface K3sConfigInput {
  role: "server" | "agent";
  nodeName: string;
  /** Akash attribute labels (key → value); invalid ones are refused, not dropped silently. */
  labels: Record<string, string>;
  /** What the owner keeps for the desktop: becomes kubelet system-reserved. */
  desktopReserve: ReserveAmounts;
  join?: { serverUrl: string; token: string };
}

/** What Kubernetes itself needs on a single node (kubelet, containerd, k3s's control plane). */
export const KUBE_RESERVED = { cpuMillis: 500, memoryBytes: 1024 * 1024 * 1024 } as const;

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const NODE_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

export function isValidLabelKey(key: string): boolean {
  const parts = key.split("/");
  if (parts.length > 2) return false;
  const name = parts.at(-1)!;
  const prefix = parts.length === 2 ? parts[0]! : null;
  return LABEL_NAME.test(name) && (prefix === null || (prefix.length <= 253 && LABEL_PREFIX.test(prefix)));
}

export function isValidLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** A hostname turned into a valid node name (lowercase DNS subdomain). */
export function nodeNameFrom(hostname: string): string {
  const cleaned = hostname
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")
    .slice(0, 63)
    .replace(/[^a-z0-9]+$/g, "");
  return cleaned || "akash-node";
}

function quantity(input: { cpuMillis: number; memoryBytes: number; storageBytes?: number }): string {
  const parts = [`cpu=${Math.max(0, Math.floor(input.cpuMillis))}m`, `memory=${Math.max(0, Math.floor(input.memoryBytes / (1024 * 1024)))}Mi`];
  if (input.storageBytes !== undefined && input.storageBytes > 0) parts.push(`ephemeral-storage=${Math.floor(input.storageBytes / (1024 * 1024))}Mi`);
  return parts.join(",");
}

export function k3sConfig(input: K3sConfigInput): string {
  if (!NODE_NAME.test(input.nodeName)) throw new Error(`invalid node name ${JSON.stringify(input.nodeName)}`);
  const labels = Object.entries(input.labels).map(([key, value]) => {
    if (!isValidLabelKey(key) || !isValidLabelValue(value)) throw new Error(`invalid node label ${key}=${value}`);
    return `${key}=${value}`;
  });
  const config: Record<string, unknown> = {
    "node-name": input.nodeName,
    "node-label": labels.sort(),
    "kubelet-arg": [`system-reserved=${quantity(input.desktopReserve)}`, `kube-reserved=${quantity(KUBE_RESERVED)}`],
  };
  if (input.role === "server") {
    // The kubeconfig holds cluster-admin credentials: readable by root only.
    config["write-kubeconfig-mode"] = "0600";
    // Traefik, bundled with k3s, stays on: it is the ingress controller that serves tenants' HTTP
    // exposes on :80/:443 (the lease builder's Ingress objects use its class).
  } else {
    if (!input.join) throw new Error("an agent config needs the server URL and token");
    config.server = input.join.serverUrl;
    config.token = input.join.token;
  }
  return `${JSON.stringify(config, null, 2)}\n`;
}
