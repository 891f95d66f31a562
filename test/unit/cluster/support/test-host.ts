import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ClusterProgress } from "../../../../common/cluster-schemas";
import { ClusterService, type NodeFacts } from "../../../../main/cluster/cluster-service";
import { directExecutor } from "../../../../main/cluster/host/direct-executor";
import { nodeHostProbe } from "../../../../main/cluster/host/host-probe";
import type { FakeKubeApi } from "./fake-kube-api";
import { STAND_IN_PLUGIN_REF, writeStandInBundle, writeStandInRoot } from "../../../../main/cluster/stand-in/stand-in-files";

// A temporary "machine": a host root with systemd, cgroup v2 and stand-in tools, a k3s bundle whose
// k3s binary is the stand-in, and a ClusterService wired to both and to the tests' controllable API.

export const DEVICE_PLUGIN_REF = STAND_IN_PLUGIN_REF;

export interface TestHostOptions {
  nvidiaGpus?: number;
  driver?: boolean;
  toolkit?: boolean;
  kube?: FakeKubeApi;
  platform?: NodeJS.Platform;
  activeLeases?: number;
  /** Called on every injected sleep: where tests move the fake node along. */
  onSleep?: () => void;
}

export interface TestHost {
  root: string;
  bundleDir: string;
  dataDir: string;
  service: ClusterService;
  progress: ClusterProgress[];
  write(path: string, content: string, mode?: number): void;
  read(path: string): string;
  calls(tool: string): string[];
  sha256(path: string): string;
  cleanup(): void;
}

const dirs: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function cleanupAll(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function put(path: string, content: string | Buffer, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, mode);
}

const sha = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

export function makeHost(options: TestHostOptions = {}): TestHost {
  const root = tempDir("apd-root-");
  const bundleDir = tempDir("apd-bundle-");
  const dataDir = tempDir("apd-data-");
  writeStandInBundle(bundleDir);
  const at = (p: string) => join(root, p);
  const gpus = options.nvidiaGpus ?? 0;
  writeStandInRoot(root, { kubeUrl: options.kube?.url ?? "http://127.0.0.1:9", driver: options.driver ?? gpus > 0, toolkit: options.toolkit ?? gpus > 0 });

  const progress: ClusterProgress[] = [];
  const facts: NodeFacts = {
    nvidiaGpus: options.nvidiaGpus ?? 0,
    nodeName: "gaming-rig",
    labels: (options.nvidiaGpus ?? 0) > 0 ? { "akash.network/capabilities.gpu.vendor.nvidia": "true", "akash.network/capabilities.gpu.vendor.nvidia.model.rtx4090": "true" } : {},
    desktopReserve: { cpuMillis: 4000, memoryBytes: 8 * 1024 ** 3, storageBytes: 50 * 1024 ** 3 },
  };
  const executor = directExecutor(root);
  const service = new ClusterService({
    dataDir,
    bundleDir,
    probe: nodeHostProbe({ root, platform: options.platform ?? "linux", arch: "x64", portFree: async () => true }),
    executor: () => executor,
    facts: async () => facts,
    activeLeases: async () => options.activeLeases ?? 0,
    lanAddress: () => "192.168.1.20",
    emit: (p) => progress.push(p),
    now: () => new Date("2026-11-21T21:00:00.000Z"),
    sleep: async () => options.onSleep?.(),
    waitAttempts: 5,
    waitIntervalMs: 1,
  });
  return {
    root,
    bundleDir,
    dataDir,
    service,
    progress,
    write: (p, content, mode) => put(at(p), content, mode),
    read: (p) => readFileSync(at(p), "utf8"),
    calls: (tool) => {
      try {
        return readFileSync(at(`calls/${tool}.log`), "utf8").trim().split("\n").filter(Boolean);
      } catch {
        return [];
      }
    },
    sha256: (p) => sha(readFileSync(at(p))),
    cleanup: cleanupAll,
  };
}
