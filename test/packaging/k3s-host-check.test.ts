import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// k3s-bundle/bin/host-check.sh, the executable the package ships, run against made-up /proc and /sys.
const script = fileURLToPath(new URL("../../k3s-bundle/bin/host-check.sh", import.meta.url));
const roots: string[] = [];
afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fakeRoot(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "apd-host-"));
  roots.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function check(root: string): { status: number | null; report: Record<string, string> } {
  const run = spawnSync(script, [], { env: { PATH: process.env.PATH, HOST_ROOT: root }, encoding: "utf8" });
  const report = Object.fromEntries(run.stdout.trim().split("\n").map((line) => line.split("=", 2) as [string, string]));
  return { status: run.status, report };
}

describe.runIf(process.platform === "linux")("k3s-bundle host check", () => {
  it("passes a cgroup v2 host with cpu, memory and pids", () => {
    const root = fakeRoot({ "sys/fs/cgroup/cgroup.controllers": "cpuset cpu io memory hugetlb pids rdma\n", "proc/filesystems": "nodev\toverlay\n", "dev/kmsg": "" });
    expect(check(root)).toMatchObject({ status: 0, report: { kernel: "ok", cgroup: "v2", cgroup_cpu: "ok", cgroup_memory: "ok", cgroup_pids: "ok", overlayfs: "ok", kmsg: "ok" } });
  });

  it("reads enabled controllers from /proc/cgroups on cgroup v1 and fails when one is off", () => {
    const root = fakeRoot({ "proc/cgroups": "#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpu\t3\t1\t1\nmemory\t4\t1\t0\npids\t5\t1\t1\n", "proc/filesystems": "nodev\tproc\n" });
    const { status, report } = check(root);
    expect(status).toBe(1);
    expect(report).toMatchObject({ cgroup: "v1", cgroup_cpu: "ok", cgroup_memory: "missing", cgroup_pids: "ok", overlayfs: "not-loaded", kmsg: "missing" });
  });

  it("fails clearly when no cgroup information exists at all", () => {
    const { status, report } = check(fakeRoot({}));
    expect(status).toBe(1);
    expect(report).toMatchObject({ cgroup: "missing", cgroup_cpu: "missing" });
  });
});
