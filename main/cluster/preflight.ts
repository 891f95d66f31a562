import type { PreflightItem, PreflightReport } from "../../common/cluster-schemas";
import { bundleArch, type BundleManifest } from "./bundle/bundle-manifest";
import { describeCheck, verifyArtifacts } from "./bundle/verify-bundle";
import type { HostProbe } from "./host/host-probe";
import { K3S_BIN, K3S_DATA_DIR, KUBELET_DIR, OWNER_MARKER, unitPath } from "./host/host-paths";

// Can this machine take the node? Every item reads the host through the probe and says what to do
// when it is not ready. Nothing here changes the host or needs root.

export interface PreflightInput {
  probe: HostProbe;
  /** NVIDIA GPUs the hardware service detected. */
  nvidiaGpus: number;
  bundleDir: string;
  manifest: BundleManifest | null;
  /** Why bundle.json could not be read, when it could not. */
  manifestError?: string;
  now: () => Date;
  role?: "server" | "agent";
}

/** 20 GiB: k3s, the air-gap images, and room for a few tenant images. */
export const MIN_FREE_BYTES = 20 * 1024 ** 3;

export const NVIDIA_DRIVER_COMMANDS = ["sudo apt-get update", "sudo ubuntu-drivers install   # Ubuntu; on Debian: sudo apt-get install -y nvidia-driver firmware-misc-nonfree", "sudo reboot"];
export const NVIDIA_TOOLKIT_COMMANDS = [
  "curl -fsSL https://nvidia.github.io/libnvidia-container/gpgkey | sudo gpg --dearmor -o /usr/share/keyrings/nvidia-container-toolkit-keyring.gpg",
  "curl -s -L https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list | sed 's#deb https://#deb [signed-by=/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg] https://#g' | sudo tee /etc/apt/sources.list.d/nvidia-container-toolkit.list",
  "sudo apt-get update",
  "sudo apt-get install -y nvidia-container-toolkit",
];

type Item = Omit<PreflightItem, "commands"> & { commands?: string[] };
const item = (i: Item): PreflightItem => ({ ...i, commands: i.commands ?? [] });

export async function runPreflight(input: PreflightInput): Promise<PreflightReport & { existing: "none" | "ours" | "foreign" }> {
  const { probe } = input;
  const role = input.role ?? "server";
  const items: PreflightItem[] = [];
  const base = { checkedAt: input.now().toISOString(), platform: probe.platform, arch: probe.arch };

  if (probe.platform !== "linux") {
    const name = probe.platform === "win32" ? "Windows" : probe.platform === "darwin" ? "macOS" : probe.platform;
    items.push(
      item({
        id: "os",
        title: "Operating system",
        verdict: "fail",
        message: `The Kubernetes node needs Linux; this is ${name}. Support for running it inside WSL2 on Windows is planned.`,
        fix: "Run the node on a Linux machine (Ubuntu 22.04/24.04 or Debian 12), and join it from there with “join an existing provider”.",
      }),
    );
    return { ...base, canInstall: false, adopting: false, items, existing: "none" };
  }
  items.push(item({ id: "os", title: "Operating system", verdict: "pass", message: "Linux", fix: null }));

  const systemd = await probe.exists("/run/systemd/system");
  items.push(
    item({
      id: "systemd",
      title: "systemd",
      verdict: systemd ? "pass" : "fail",
      message: systemd ? "systemd is the init system" : "systemd is not running as the init system",
      fix: systemd ? null : "k3s is installed as a systemd service; use a distribution booted with systemd.",
    }),
  );

  const cgroupV2 = await probe.exists("/sys/fs/cgroup/cgroup.controllers");
  items.push(
    item({
      id: "cgroup",
      title: "cgroup v2",
      verdict: cgroupV2 ? "pass" : "fail",
      message: cgroupV2 ? "unified cgroup hierarchy (v2)" : "no unified cgroup v2 hierarchy at /sys/fs/cgroup (cgroup v1, or a container without cgroups)",
      fix: cgroupV2 ? null : "Boot with the unified hierarchy: add systemd.unified_cgroup_hierarchy=1 to GRUB_CMDLINE_LINUX, then update-grub and reboot.",
      commands: cgroupV2 ? [] : ["sudo sed -i 's/^GRUB_CMDLINE_LINUX=\"/&systemd.unified_cgroup_hierarchy=1 /' /etc/default/grub", "sudo update-grub", "sudo reboot"],
    }),
  );

  const arch = bundleArch(probe.arch);
  items.push(
    item({
      id: "arch",
      title: "CPU architecture",
      verdict: arch ? "pass" : "fail",
      message: arch ? `${arch}` : `${probe.arch} is not an architecture k3s is bundled for`,
      fix: arch ? null : "Use an x86-64 (amd64) or 64-bit ARM (arm64) machine.",
    }),
  );

  const free = await probe.freeBytes(K3S_DATA_DIR);
  const gib = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GiB`;
  items.push(
    item({
      id: "disk",
      title: "Free disk space",
      verdict: free === null ? "warn" : free >= MIN_FREE_BYTES ? "pass" : "fail",
      message: free === null ? "could not read the free space under /var/lib" : `${gib(free)} free under /var/lib (needs ${gib(MIN_FREE_BYTES)})`,
      fix: free !== null && free < MIN_FREE_BYTES ? "Free up space on the filesystem that holds /var/lib/rancher." : null,
    }),
  );

  // An existing k3s: ours (our marker in the unit) is adopted; anything else is left alone.
  const unitText = (await probe.readText(unitPath(role))) ?? (await probe.readText(unitPath(role === "server" ? "agent" : "server")));
  const hasBinary = await probe.exists(K3S_BIN);
  const hasKubelet = await probe.exists(KUBELET_DIR);
  const existing: "none" | "ours" | "foreign" = unitText?.includes(OWNER_MARKER) ? "ours" : unitText !== null || hasBinary || hasKubelet ? "foreign" : "none";
  items.push(
    item({
      id: "existing",
      title: "Existing Kubernetes",
      verdict: existing === "foreign" ? "fail" : "pass",
      message:
        existing === "ours"
          ? "a k3s this app installed is present: the install will check and finish it"
          : existing === "foreign"
            ? `another Kubernetes install is present (${[unitText !== null && "k3s unit", hasBinary && K3S_BIN, hasKubelet && KUBELET_DIR].filter(Boolean).join(", ")}) and was not installed by this app`
            : "no other Kubernetes found",
      fix: existing === "foreign" ? "This app will not take over a cluster it did not install. Remove it (for k3s: /usr/local/bin/k3s-uninstall.sh) or use a different machine." : null,
    }),
  );

  // Ports are expected to be busy when our own k3s is already running.
  for (const port of role === "server" ? [6443, 10250] : [10250]) {
    const isFree = await probe.portFree(port);
    const ok = isFree || existing === "ours";
    items.push(
      item({
        id: `port-${port}`,
        title: `Port ${port}`,
        verdict: ok ? "pass" : "fail",
        message: isFree ? "free" : existing === "ours" ? "in use by this app's k3s" : "in use by another program",
        fix: ok ? null : `Stop the program listening on ${port} (find it with: sudo ss -ltnp 'sport = :${port}').`,
      }),
    );
  }

  if (input.nvidiaGpus > 0) {
    const driver = (await probe.exists("/proc/driver/nvidia/version")) || (await probe.findExecutable("nvidia-smi")) !== null;
    items.push(
      item({
        id: "nvidia-driver",
        title: "NVIDIA driver",
        verdict: driver ? "pass" : "fail",
        message: driver ? `loaded for ${input.nvidiaGpus} GPU(s)` : `${input.nvidiaGpus} NVIDIA GPU(s) found but no driver is loaded`,
        fix: driver ? null : "Install the proprietary NVIDIA driver, then reboot.",
        commands: driver ? [] : NVIDIA_DRIVER_COMMANDS,
      }),
    );
    const toolkit = await probe.findExecutable("nvidia-container-runtime");
    items.push(
      item({
        id: "nvidia-toolkit",
        title: "NVIDIA Container Toolkit",
        verdict: toolkit ? "pass" : "fail",
        message: toolkit ? `nvidia-container-runtime at ${toolkit}` : "nvidia-container-toolkit is not installed, so containers cannot use the GPUs",
        fix: toolkit ? null : "Install NVIDIA's container toolkit from NVIDIA's apt repository.",
        commands: toolkit ? [] : NVIDIA_TOOLKIT_COMMANDS,
      }),
    );
  }

  if (!input.manifest) {
    items.push(item({ id: "bundle", title: "k3s bundle", verdict: "fail", message: input.manifestError ?? "bundle.json is missing", fix: "Reinstall the app: its k3s bundle is damaged." }));
  } else if (arch) {
    const checks = await verifyArtifacts(input.bundleDir, input.manifest, arch);
    const bad = checks.filter((c) => c.artifact.kind !== "image-archive" && c.state !== "ok");
    items.push(
      item({
        id: "bundle",
        title: `k3s ${input.manifest.k3s.version} bundle`,
        verdict: bad.length === 0 ? "pass" : "fail",
        message: bad.length === 0 ? "the k3s binary and air-gap images are present and match their checksums" : bad.map(describeCheck).join("; "),
        fix: bad.length === 0 ? null : "This build does not ship the k3s files (developer build?): run `npm run bundle:fetch`, or reinstall the app.",
      }),
    );
  }

  const canInstall = items.every((i) => i.verdict !== "fail");
  return { ...base, canInstall, adopting: existing === "ours", items, existing };
}
