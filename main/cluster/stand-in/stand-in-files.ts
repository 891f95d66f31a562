import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { recorder, STAND_IN_K3S, STAND_IN_SYSTEMCTL } from "./stand-in-scripts";

// The files of a stand-in machine: a host root (systemd, cgroup v2, stand-in systemctl and tools,
// optionally an NVIDIA driver and toolkit) and a k3s bundle whose "k3s" is the stand-in script, with
// its real sha256 pinned, so the installer's checks run unchanged.

export const STAND_IN_PLUGIN_REF = "nvcr.io/nvidia/k8s-device-plugin:v0.17.1";

function put(path: string, content: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, mode);
}

const sha = (content: string) => createHash("sha256").update(content).digest("hex");

export function writeStandInBundle(dir: string): void {
  const files = {
    "amd64/k3s": STAND_IN_K3S,
    "amd64/k3s-airgap-images-amd64.tar.zst": "stand-in air-gap images archive\n",
    "amd64/nvidia-device-plugin.tar": `${STAND_IN_PLUGIN_REF}\n`,
  };
  for (const [file, content] of Object.entries(files)) put(join(dir, "downloads", file), content, file.endsWith("/k3s") ? 0o755 : 0o644);
  const artifact = (id: string, kind: string, arch: string, file: string, content: string | null, images: string[] = []) => ({
    id,
    kind,
    arch,
    file,
    url: content === null ? null : `https://stand-in.invalid/${file}`,
    sha256: content === null ? null : sha(content),
    images,
  });
  const manifest = {
    schema: 1,
    k3s: { version: "v1.34.2+k3s1" },
    notes: ["stand-in bundle: the k3s binary is a shell script that imitates k3s; for tests and the stand-in mode only"],
    images: { nvidiaDevicePlugin: `${STAND_IN_PLUGIN_REF}@sha256:${"0".repeat(64)}` },
    artifacts: [
      artifact("k3s-binary", "k3s-binary", "amd64", "amd64/k3s", files["amd64/k3s"]),
      artifact("k3s-airgap-images", "airgap-images", "amd64", "amd64/k3s-airgap-images-amd64.tar.zst", files["amd64/k3s-airgap-images-amd64.tar.zst"]),
      artifact("nvidia-device-plugin-image", "image-archive", "amd64", "amd64/nvidia-device-plugin.tar", files["amd64/nvidia-device-plugin.tar"], [STAND_IN_PLUGIN_REF]),
      artifact("k3s-binary", "k3s-binary", "arm64", "arm64/k3s", null),
    ],
  };
  put(join(dir, "bundle.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

export interface StandInRootOptions {
  kubeUrl: string;
  driver: boolean;
  toolkit: boolean;
}

export function writeStandInRoot(root: string, options: StandInRootOptions): void {
  const at = (p: string) => join(root, p);
  mkdirSync(at("run/systemd/system"), { recursive: true });
  mkdirSync(at("calls"), { recursive: true });
  put(at("sys/fs/cgroup/cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
  put(at("proc/self/mounts"), "/dev/nvme0n1p2 / ext4 rw,relatime 0 0\n");
  put(at("fake-kube-url"), options.kubeUrl);
  put(at("usr/bin/systemctl"), STAND_IN_SYSTEMCTL, 0o755);
  for (const tool of ["ip", "umount", "kill", "iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore"]) {
    put(at(`usr/bin/${tool}`), recorder(tool, tool.endsWith("-save") ? "-A FORWARD -j KUBE-FORWARD" : ""), 0o755);
  }
  if (options.driver) put(at("proc/driver/nvidia/version"), "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.127.05\n");
  if (options.toolkit) put(at("usr/bin/nvidia-container-runtime"), "#!/bin/sh\nexit 0\n", 0o755);
}
