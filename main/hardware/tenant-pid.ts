import { readFileSync } from "node:fs";

// On Linux a k3s pod's processes sit in a "kubepods" cgroup: that is how a GPU process is told to be
// a tenant's and not the owner's. Elsewhere (or when /proc cannot be read) nothing is a tenant's.
export function linuxTenantPidCheck(pid: number): boolean {
  if (process.platform !== "linux" || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    return /kubepods/.test(readFileSync(`/proc/${pid}/cgroup`, "utf8"));
  } catch {
    return false;
  }
}
