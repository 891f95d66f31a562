import type { HostExecutor } from "../host/host-executor";
import type { HostProbe } from "../host/host-probe";
import { K3S_CONFIG_DIR, K3S_DATA_DIR, KUBELET_DIR } from "../host/host-paths";
import type { InstallStep } from "./step";

// What k3s leaves behind after its service stops: container processes, mounts, network interfaces,
// iptables chains and data folders. Uninstall runs these after undoing the install steps, so the
// machine ends as it was before the app touched it.

const STATE_DIRS = [K3S_DATA_DIR, K3S_CONFIG_DIR, KUBELET_DIR, "/run/k3s", "/var/lib/cni", "/run/flannel", "/etc/cni/net.d"];
const INTERFACES = ["cni0", "flannel.1", "flannel-v6.1", "flannel-wg", "flannel-wg-v6", "kube-ipvs0"];

/** Mount points under the k3s folders, deepest first (from /proc/self/mounts, octal escapes decoded). */
export function k3sMounts(mountsText: string): string[] {
  return mountsText
    .split("\n")
    .map((line) => line.split(" ")[1])
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .map((p) => p.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8))))
    .filter((p) => ["/run/k3s", K3S_DATA_DIR, KUBELET_DIR, "/run/netns/cni-"].some((prefix) => p === prefix || p.startsWith(prefix.endsWith("-") ? prefix : `${prefix}/`)))
    .sort((a, b) => b.length - a.length);
}

/** Pids of processes running from k3s's data folder (containerd shims keep running after the service stops). */
export async function k3sProcesses(probe: HostProbe): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await probe.list("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await probe.readText(`/proc/${entry}/cmdline`);
    if (cmdline && cmdline.split("\0")[0]!.startsWith(`${K3S_DATA_DIR}/data/`)) pids.push(Number(entry));
  }
  return pids;
}

export function cleanupSteps(executor: HostExecutor, probe: HostProbe): InstallStep[] {
  return [
    {
      id: "stop-containers",
      title: "Stop the containers k3s left running",
      changes: ["kills processes started from /var/lib/rancher/k3s (containerd shims and their containers)"],
      privileged: true,
      check: async () => (await k3sProcesses(probe)).length === 0,
      apply: async () => undefined,
      async undo(log) {
        const pids = await k3sProcesses(probe);
        if (pids.length > 0) {
          log(`killing ${pids.length} process(es)`);
          await executor.run("kill", ["-9", ...pids.map(String)]);
        }
      },
    },
    {
      id: "unmount",
      title: "Unmount k3s's volumes",
      changes: ["unmounts everything under /run/k3s, /var/lib/rancher/k3s and /var/lib/kubelet"],
      privileged: true,
      check: async () => k3sMounts((await probe.readText("/proc/self/mounts")) ?? "").length === 0,
      apply: async () => undefined,
      async undo() {
        for (const mount of k3sMounts((await probe.readText("/proc/self/mounts")) ?? "")) await executor.run("umount", ["-l", "--", mount]);
      },
    },
    {
      id: "network",
      title: "Remove k3s's network interfaces and firewall rules",
      changes: [`deletes ${INTERFACES.join(", ")} and the KUBE-/CNI-/flannel iptables rules`],
      privileged: true,
      check: async () => true,
      apply: async () => undefined,
      async undo() {
        for (const name of INTERFACES) await executor.run("ip", ["link", "delete", name]);
        for (const tool of ["iptables", "ip6tables"]) {
          // Keeps every rule that is not k3s's own, like k3s's own uninstall script does.
          await executor.run("/bin/sh", ["-c", `command -v ${tool}-save >/dev/null || exit 0; ${tool}-save | grep -v KUBE- | grep -v CNI- | grep -iv flannel | ${tool}-restore`]);
        }
      },
    },
    {
      id: "remove-state",
      title: "Remove k3s's data and configuration",
      changes: STATE_DIRS.map((d) => `deletes ${d}`),
      privileged: true,
      check: async () => true,
      apply: async () => undefined,
      async undo() {
        for (const dir of STATE_DIRS) await executor.remove(dir);
      },
    },
  ];
}
