// Where k3s and this app's pieces of it live on the host. Absolute host paths; the executor and the
// probe map them under their root (a temp dir in tests).

export const K3S_BIN = "/usr/local/bin/k3s";
export const K3S_CONFIG_DIR = "/etc/rancher/k3s";
export const K3S_CONFIG = "/etc/rancher/k3s/config.yaml";
export const K3S_KUBECONFIG = "/etc/rancher/k3s/k3s.yaml";
export const K3S_DATA_DIR = "/var/lib/rancher/k3s";
export const K3S_IMAGES_DIR = "/var/lib/rancher/k3s/agent/images";
export const K3S_CONTAINERD_TEMPLATE = "/var/lib/rancher/k3s/agent/etc/containerd/config-v3.toml.tmpl";
export const K3S_MANIFESTS_DIR = "/var/lib/rancher/k3s/server/manifests";
export const K3S_NODE_TOKEN = "/var/lib/rancher/k3s/server/node-token";
export const KUBELET_DIR = "/var/lib/kubelet";
export const SYSTEMD_UNIT_DIR = "/etc/systemd/system";

export function unitName(role: "server" | "agent"): string {
  return role === "server" ? "k3s" : "k3s-agent";
}

export function unitPath(role: "server" | "agent"): string {
  return `${SYSTEMD_UNIT_DIR}/${unitName(role)}.service`;
}

/** The line every unit this app writes carries: how "is it ours?" is answered. */
export const OWNER_MARKER = "# Managed by Akash Provider Desktop; uninstall it from the app.";

/** Manifest file names this app owns in k3s's auto-deploy folder (so uninstall removes only these). */
export const MANIFEST_PREFIX = "akash-provider-desktop-";
