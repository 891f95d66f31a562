// The containerd config template (k3s renders config-v3.toml.tmpl for containerd 2.x) that adds the
// `nvidia` runtime. `{{ template "base" . }}` keeps everything k3s generates and only appends ours.
//
// k3s adds an `nvidia` runtime by itself when it finds nvidia-container-runtime in the places it
// searches; declaring the same table twice breaks containerd's TOML. So the installer writes this
// template only when the toolkit lives somewhere k3s does not look (see needsContainerdTemplate).

export const K3S_AUTODETECT_DIRS = ["/usr/bin", "/usr/local/bin", "/usr/local/nvidia/toolkit", "/usr/sbin", "/usr/local/sbin", "/bin", "/sbin"];

export function needsContainerdTemplate(nvidiaRuntimePath: string | null): boolean {
  if (nvidiaRuntimePath === null) return false;
  const dir = nvidiaRuntimePath.slice(0, nvidiaRuntimePath.lastIndexOf("/"));
  return !K3S_AUTODETECT_DIRS.includes(dir);
}

export function containerdTemplate(nvidiaRuntimePath: string): string {
  if (!/^\/[A-Za-z0-9._/-]+$/.test(nvidiaRuntimePath)) throw new Error(`unsafe runtime path ${JSON.stringify(nvidiaRuntimePath)}`);
  return [
    "# Written by Akash Provider Desktop: k3s's own config plus the nvidia runtime.",
    '{{ template "base" . }}',
    "",
    "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.'nvidia']",
    '  runtime_type = "io.containerd.runc.v2"',
    "",
    "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.'nvidia'.options]",
    `  BinaryName = "${nvidiaRuntimePath}"`,
    "  SystemdCgroup = true",
    "",
  ].join("\n");
}
