import { hostname } from "node:os";
import { join } from "node:path";
import type { ClusterProgress } from "../../common/cluster-schemas";
import type { HardwareService } from "../hardware";
import { ClusterService, type NodeFacts } from "./cluster-service";
import { startStandInHost } from "./stand-in/stand-in-host";
import { directExecutor } from "./host/direct-executor";
import { elevatedExecutor } from "./host/elevated-executor";
import type { HostExecutor } from "./host/host-executor";
import { nodeHostProbe, type HostProbe } from "./host/host-probe";
import { lanAddress } from "./lan-address";
import { nodeFactsFrom } from "./node-facts";

export interface ClusterOptions {
  /** Where k3s-bundle/ is: the app's resources in a package, the checkout in development. */
  bundleDir?: string;
  probe?: HostProbe;
  executor?: () => HostExecutor;
  activeLeases?: () => Promise<number>;
  sleep?: (ms: number) => Promise<void>;
  waitAttempts?: number;
  waitIntervalMs?: number;
  hostname?: string;
  lanAddress?: () => string | null;
  /** Run against a stand-in machine under this folder instead of the real host (e2e tests, demos). */
  standInDir?: string;
}

function defaultBundleDir(): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return resources ? join(resources, "k3s-bundle") : join(process.cwd(), "k3s-bundle");
}

/** Root already (headless on a rig): change the host directly. Otherwise ask with a graphical prompt. */
function defaultExecutor(mode: "electron" | "headless"): HostExecutor {
  if (process.getuid?.() === 0) return directExecutor("/");
  return elevatedExecutor(mode === "electron" ? "pkexec" : "sudo");
}

export function createCluster(
  options: ClusterOptions,
  ctx: { dataDir: string; mode: "electron" | "headless"; hardware: HardwareService; now: () => Date; emit: (p: ClusterProgress) => void },
): ClusterService {
  let lastFacts: NodeFacts | null = null;
  const standIn = options.standInDir
    ? startStandInHost(options.standInDir, { nvidiaGpus: () => lastFacts?.nvidiaGpus ?? 0, nodeName: () => lastFacts?.nodeName ?? "" })
    : null;
  return new ClusterService({
    dataDir: ctx.dataDir,
    bundleDir: standIn?.bundleDir ?? options.bundleDir ?? defaultBundleDir(),
    probe: standIn?.probe ?? options.probe ?? nodeHostProbe(),
    executor: standIn ? () => standIn.executor : (options.executor ?? (() => defaultExecutor(ctx.mode))),
    async facts() {
      await standIn?.ready;
      const [report, capacity] = await Promise.all([ctx.hardware.report(), ctx.hardware.capacity()]);
      lastFacts = nodeFactsFrom(report, capacity.reserve, options.hostname ?? hostname());
      return lastFacts;
    },
    close: standIn ? () => standIn.close() : undefined,
    // Won leases hold capacity in the hardware inventory until they end.
    activeLeases: options.activeLeases ?? (async () => (await ctx.hardware.capacity()).reservations.filter((r) => r.kind === "lease").length),
    lanAddress: options.lanAddress ?? (() => lanAddress()),
    emit: ctx.emit,
    now: ctx.now,
    sleep: options.sleep,
    waitAttempts: options.waitAttempts,
    waitIntervalMs: options.waitIntervalMs,
  });
}
