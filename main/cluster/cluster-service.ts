import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { ClusterHealth, ClusterProgress, ClusterStatus, InstallInput, InstallPlan, JoinInfo, PlanInput, PreflightReport, RunReport, UninstallInput } from "../../common/cluster-schemas";
import { encodeJoinCode } from "../../common/cluster-join-code";
import { ContractFailure } from "../../common/envelope";
import { bundleArch, loadBundleManifest, type BundleManifest } from "./bundle/bundle-manifest";
import type { HostExecutor } from "./host/host-executor";
import type { HostProbe } from "./host/host-probe";
import { K3S_NODE_TOKEN, OWNER_MARKER, unitPath } from "./host/host-paths";
import { cleanupSteps } from "./install/cleanup-steps";
import type { InstallContext } from "./install/install-context";
import { installSteps } from "./install/install-steps";
import { runSteps, undoSteps, type RunnerIO } from "./install/step-runner";
import { fileLog } from "./install-log";
import { kubeHealthSource } from "./kube/kube-health";
import { runPreflight } from "./preflight";
import type { ReserveAmounts } from "./templates/k3s-config";

// The k3s node as one service: preflight, plan, install (resumable), status and health, uninstall,
// and the join code for more rigs. Every host access goes through the probe (reads) and the executor
// (privileged changes), so the same code runs against a temporary root in the tests.

export interface NodeFacts {
  nvidiaGpus: number;
  nodeName: string;
  labels: Record<string, string>;
  desktopReserve: ReserveAmounts;
}

export interface ClusterServiceDeps {
  dataDir: string;
  bundleDir: string;
  probe: HostProbe;
  executor: () => HostExecutor;
  facts: () => Promise<NodeFacts>;
  /** Leases running on the node now; uninstall asks first when there are any. */
  activeLeases: () => Promise<number>;
  /** This machine's LAN address, for the join URL. */
  lanAddress: () => string | null;
  emit: (progress: ClusterProgress) => void;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  waitAttempts?: number;
  waitIntervalMs?: number;
  /** Releases what the service holds (the stand-in API in stand-in mode). */
  close?: () => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ClusterService {
  private busy: "install" | "uninstall" | null = null;

  constructor(private readonly deps: ClusterServiceDeps) {}

  async close(): Promise<void> {
    await this.deps.close?.();
  }

  get kubeconfigPath(): string {
    return join(this.deps.dataDir, "cluster", "kubeconfig.yaml");
  }

  get logPath(): string {
    return join(this.deps.dataDir, "cluster", "install.log");
  }

  private async manifest(): Promise<{ manifest: BundleManifest | null; error?: string }> {
    try {
      return { manifest: await loadBundleManifest(this.deps.bundleDir) };
    } catch (error) {
      return { manifest: null, error: (error as Error).message };
    }
  }

  async preflight(role: "server" | "agent" = "server"): Promise<PreflightReport> {
    const report = await this.preflightFull(role);
    const { existing: _existing, ...rest } = report;
    return rest;
  }

  private async preflightFull(role: "server" | "agent") {
    const { manifest, error } = await this.manifest();
    const facts = await this.deps.facts();
    return runPreflight({ probe: this.deps.probe, nvidiaGpus: facts.nvidiaGpus, bundleDir: this.deps.bundleDir, manifest, manifestError: error, now: this.deps.now, role });
  }

  private async context(input: { role: "server" | "agent"; join?: PlanInput["join"] }, manifest: BundleManifest): Promise<InstallContext> {
    const facts = await this.deps.facts();
    const arch = bundleArch(this.deps.probe.arch);
    if (!arch) throw new ContractFailure("UNAVAILABLE", `no k3s bundle for ${this.deps.probe.arch}`);
    return {
      role: input.role,
      join: input.join,
      bundleDir: this.deps.bundleDir,
      manifest,
      arch,
      executor: this.deps.executor(),
      probe: this.deps.probe,
      nodeName: facts.nodeName,
      labels: facts.labels,
      desktopReserve: facts.desktopReserve,
      nvidiaGpus: facts.nvidiaGpus,
      nvidiaRuntimePath: await this.deps.probe.findExecutable("nvidia-container-runtime"),
      userKubeconfigPath: this.kubeconfigPath,
      health: () => this.healthOrNull(facts.nvidiaGpus),
      sleep: this.deps.sleep ?? realSleep,
      waitAttempts: this.deps.waitAttempts ?? 300,
      waitIntervalMs: this.deps.waitIntervalMs ?? 2000,
    };
  }

  async plan(input: PlanInput): Promise<InstallPlan> {
    const preflight = await this.preflightFull(input.role);
    const { existing, ...report } = preflight;
    const { manifest } = await this.manifest();
    if (!manifest || !bundleArch(this.deps.probe.arch)) {
      return { role: input.role, k3sVersion: manifest?.k3s.version ?? "unknown", arch: this.deps.probe.arch, steps: [], preflight: report };
    }
    const steps = installSteps(await this.context(input, manifest));
    // Only unprivileged checks run here: reading root-only files would pop a password prompt just to draw the plan.
    const done = await Promise.all(steps.map(async (s) => (existing === "none" ? (s.privileged ? false : s.id === "verify-bundle" ? await s.check() : false) : null)));
    return {
      role: input.role,
      k3sVersion: manifest.k3s.version,
      arch: this.deps.probe.arch,
      steps: steps.map((s, i) => ({ id: s.id, title: s.title, changes: s.changes, privileged: s.privileged, undoable: s.undo !== undefined, done: done[i]! })),
      preflight: report,
    };
  }

  private io(run: ClusterProgress["run"]): RunnerIO {
    const log = fileLog(this.logPath, this.deps.now);
    return { run, emit: this.deps.emit, log, now: this.deps.now };
  }

  private claim(run: "install" | "uninstall"): void {
    if (this.busy) throw new ContractFailure("CONFLICT", `the node is busy: an ${this.busy} is running`);
    this.busy = run;
  }

  async install(input: InstallInput): Promise<RunReport> {
    this.claim("install");
    try {
      const preflight = await this.preflightFull(input.role);
      const { manifest } = await this.manifest();
      if (!preflight.canInstall || !manifest) {
        const failing = preflight.items.filter((i) => i.verdict === "fail").map((i) => `${i.title}: ${i.message}`);
        const message = `Nothing was changed. Fix these first — ${failing.join("; ")}`;
        this.deps.emit({ run: "install", kind: "step", stepId: null, stepIndex: 0, stepCount: 0, state: "failed", message, at: this.deps.now().toISOString() });
        return {
          outcome: "blocked",
          message,
          steps: [],
          logFile: null,
        };
      }
      const io = this.io("install");
      io.log(`install ${input.role} k3s ${manifest.k3s.version} (${preflight.adopting ? "resuming/adopting our earlier install" : "fresh"})`);
      const ctx = await this.context(input, manifest);
      const result = await runSteps(installSteps(ctx), io).finally(() => ctx.executor.close?.());
      return {
        outcome: result.ok ? "completed" : "failed",
        message: result.ok ? `k3s ${manifest.k3s.version} is installed and running` : `${result.failure}. Run the install again to resume from this step.`,
        steps: result.steps,
        logFile: this.logPath,
      };
    } finally {
      this.busy = null;
    }
  }

  private async installedRole(): Promise<{ role: "server" | "agent"; ours: boolean } | null> {
    for (const role of ["server", "agent"] as const) {
      const text = await this.deps.probe.readText(unitPath(role));
      if (text !== null) return { role, ours: text.includes(OWNER_MARKER) };
    }
    return null;
  }

  private async healthOrNull(expectGpus: number): Promise<ClusterHealth | null> {
    const text = await readFile(this.kubeconfigPath, "utf8").catch(() => null);
    if (text === null) return null;
    try {
      return await kubeHealthSource(text, this.deps.now, () => expectGpus).health();
    } catch (error) {
      return this.unreachable(`the kubeconfig at ${this.kubeconfigPath} is unusable: ${(error as Error).message}`);
    }
  }

  private unreachable(error: string): ClusterHealth {
    return { checkedAt: this.deps.now().toISOString(), reachable: false, error, nodes: [], allocatable: { cpuMillis: 0, memoryBytes: 0, gpus: 0, ephemeralStorageBytes: 0 }, devicePlugin: null, healthy: false };
  }

  async health(): Promise<ClusterHealth> {
    const installed = await this.installedRole();
    if (!installed) return this.unreachable("k3s is not installed");
    if (installed.role === "agent") return this.unreachable("this machine is an agent: health is shown on the machine it joined");
    const facts = await this.deps.facts();
    return (await this.healthOrNull(facts.nvidiaGpus)) ?? this.unreachable("k3s is installed but the app has no kubeconfig for it yet: run the install again");
  }

  async status(): Promise<ClusterStatus> {
    const installed = await this.installedRole();
    const { manifest } = await this.manifest();
    if (!installed) {
      return { installed: false, role: null, k3sVersion: null, ours: false, installing: this.busy === "install", message: "k3s is not installed", health: null };
    }
    const health = installed.ours && installed.role === "server" ? await this.health() : null;
    const message = !installed.ours
      ? "a k3s this app did not install is present; the app leaves it alone"
      : health === null
        ? `k3s ${installed.role} installed`
        : health.healthy
          ? "the node is healthy"
          : health.reachable
            ? "the node is up but not healthy yet"
            : (health.error ?? "the node is not reachable");
    return { installed: true, role: installed.role, k3sVersion: installed.ours ? (manifest?.k3s.version ?? null) : null, ours: installed.ours, installing: this.busy === "install", message, health };
  }

  async uninstall(input: UninstallInput): Promise<RunReport> {
    const installed = await this.installedRole();
    if (!installed) return { outcome: "not_installed", message: "k3s is not installed: nothing to remove", steps: [], logFile: null };
    if (!installed.ours) return { outcome: "refused", message: "this k3s was not installed by the app, so the app will not remove it", steps: [], logFile: null };
    const leases = await this.deps.activeLeases();
    if (leases > 0 && !input.evenWithActiveLeases) {
      return { outcome: "refused", message: `${leases} lease(s) still run on this node; uninstalling ends them. Confirm to go ahead.`, steps: [], logFile: null };
    }
    const { manifest } = await this.manifest();
    if (!manifest) throw new ContractFailure("UNAVAILABLE", "the k3s bundle description is missing, so the install cannot be undone step by step");
    this.claim("uninstall");
    try {
      const io = this.io("uninstall");
      io.log(`uninstall ${installed.role}`);
      // Undo needs only the paths each step wrote, not the join details an agent was installed with.
      const ctx = await this.context({ role: installed.role }, manifest);
      const executor = ctx.executor;
      const result = await undoSteps([...cleanupSteps(executor, this.deps.probe).reverse(), ...installSteps(ctx)], io).finally(() => executor.close?.());
      await rm(this.kubeconfigPath, { force: true });
      return {
        outcome: result.ok ? "completed" : "failed",
        message: result.ok ? "k3s and everything it added were removed" : `some parts could not be removed: ${result.failure}`,
        steps: result.steps,
        logFile: this.logPath,
      };
    } finally {
      this.busy = null;
    }
  }

  async joinInfo(advertiseAddress?: string): Promise<JoinInfo> {
    const none = (message: string): JoinInfo => ({ available: false, message, serverUrl: null, token: null, joinCode: null });
    const installed = await this.installedRole();
    if (!installed || !installed.ours) return none("install k3s on this machine first; other machines join it");
    if (installed.role !== "server") return none("this machine is an agent; show the join code on the machine it joined");
    const address = advertiseAddress ?? this.deps.lanAddress();
    if (!address) return none("this machine has no LAN address other machines could reach");
    const executor = this.deps.executor();
    const token = (await executor.readText(K3S_NODE_TOKEN).finally(() => executor.close?.()))?.trim();
    if (!token) return none("k3s has not written its node token yet: wait until the node is Ready");
    const host = address.includes(":") ? `[${address}]` : address;
    const serverUrl = `https://${host}:6443`;
    return { available: true, message: "paste this code into “join an existing provider” on the other machine", serverUrl, token, joinCode: encodeJoinCode({ serverUrl, token }) };
  }
}
