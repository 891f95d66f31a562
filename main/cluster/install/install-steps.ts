import { mkdir, readFile, writeFile, chmod } from "node:fs/promises";
import { dirname } from "node:path";
import { artifactPath, artifactsFor, type BundleArtifact } from "../bundle/bundle-manifest";
import { sha256File } from "../bundle/sha256";
import { describeCheck, verifyArtifacts } from "../bundle/verify-bundle";
import { runOk } from "../host/host-executor";
import { K3S_BIN, K3S_CONFIG, K3S_CONTAINERD_TEMPLATE, K3S_IMAGES_DIR, K3S_KUBECONFIG, K3S_MANIFESTS_DIR, MANIFEST_PREFIX, unitName, unitPath } from "../host/host-paths";
import { containerdTemplate, needsContainerdTemplate } from "../templates/containerd-template";
import { k3sConfig } from "../templates/k3s-config";
import { nodeManifestFiles } from "../templates/manifests";
import { systemdUnit } from "../templates/systemd-unit";
import type { InstallContext } from "./install-context";
import { waitFor, type InstallStep } from "./step";

// The install, in order. Each step's check looks at the real state of the host (file contents,
// checksums, the service, the API), never at a "done" flag of our own, so a re-run is honest.

function the(ctx: InstallContext, kind: BundleArtifact["kind"]): BundleArtifact {
  const found = artifactsFor(ctx.manifest, ctx.arch).find((a) => a.kind === kind);
  if (!found) throw new Error(`bundle.json has no ${kind} for ${ctx.arch}`);
  return found;
}

async function hostSha(ctx: InstallContext, path: string): Promise<string | null> {
  return sha256File(`${ctx.probe.root.replace(/\/$/, "")}${path}`);
}

function airgapTarget(ctx: InstallContext): string {
  const file = the(ctx, "airgap-images").file;
  return `${K3S_IMAGES_DIR}/${file.slice(file.lastIndexOf("/") + 1)}`;
}

export function configFiles(ctx: InstallContext): Record<string, { content: string; mode: number }> {
  const files: Record<string, { content: string; mode: number }> = {
    // 0600: an agent's config holds the join token.
    [K3S_CONFIG]: { content: k3sConfig({ role: ctx.role, nodeName: ctx.nodeName, labels: ctx.labels, desktopReserve: ctx.desktopReserve, join: ctx.join }), mode: 0o600 },
  };
  if (needsContainerdTemplate(ctx.nvidiaRuntimePath)) files[K3S_CONTAINERD_TEMPLATE] = { content: containerdTemplate(ctx.nvidiaRuntimePath!), mode: 0o644 };
  return files;
}

function manifestFiles(ctx: InstallContext): Record<string, string> {
  const files = nodeManifestFiles(ctx.manifest.images.nvidiaDevicePlugin, ctx.nvidiaGpus > 0);
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${K3S_MANIFESTS_DIR}/${MANIFEST_PREFIX}${name}`, content]));
}

async function serviceActive(ctx: InstallContext): Promise<boolean> {
  const result = await ctx.executor.run("systemctl", ["is-active", "--quiet", unitName(ctx.role)]);
  return result.code === 0;
}

async function importedImages(ctx: InstallContext): Promise<Set<string>> {
  const result = await ctx.executor.run(K3S_BIN, ["ctr", "--namespace", "k8s.io", "images", "list", "--quiet"]);
  if (result.code !== 0) return new Set();
  return new Set(result.stdout.split("\n").map((l) => l.trim()).filter(Boolean));
}

/** A running node only picks up a new binary or config when restarted (a fresh install starts it later). */
async function restartIfRunning(ctx: InstallContext, log: (line: string) => void, why: string): Promise<void> {
  if (!(await serviceActive(ctx))) return;
  log(`restarting ${unitName(ctx.role)}: ${why}`);
  await runOk(ctx.executor, "systemctl", ["restart", unitName(ctx.role)]);
}

export function installSteps(ctx: InstallContext): InstallStep[] {
  const wait = (what: string, ready: () => Promise<boolean>, log: (l: string) => void) =>
    waitFor(what, ready, { attempts: ctx.waitAttempts, intervalMs: ctx.waitIntervalMs, sleep: ctx.sleep, log });
  const nodeReady = async () => (await ctx.health())?.nodes.some((n) => n.name === ctx.nodeName && n.ready) ?? false;
  const gpusAllocatable = async () => (await ctx.health())?.nodes.find((n) => n.name === ctx.nodeName)?.allocatable.gpus === ctx.nvidiaGpus;
  const unit = unitPath(ctx.role);
  const steps: InstallStep[] = [
    {
      id: "verify-bundle",
      title: "Verify the bundled files",
      changes: ["nothing: checks the sha256 of the bundled k3s binary and air-gap images"],
      privileged: false,
      async check() {
        const checks = await verifyArtifacts(ctx.bundleDir, ctx.manifest, ctx.arch);
        return checks.every((c) => c.artifact.kind === "image-archive" || c.state === "ok");
      },
      async apply() {
        const checks = await verifyArtifacts(ctx.bundleDir, ctx.manifest, ctx.arch);
        const bad = checks.filter((c) => c.artifact.kind !== "image-archive" && c.state !== "ok");
        throw new Error(`refusing to install: ${bad.map(describeCheck).join("; ")}`);
      },
    },
    {
      id: "place-binary",
      title: `Install the k3s ${ctx.manifest.k3s.version} binary`,
      changes: [`writes ${K3S_BIN} (mode 0755)`],
      privileged: true,
      check: async () => (await hostSha(ctx, K3S_BIN)) === the(ctx, "k3s-binary").sha256,
      async apply(log) {
        const source = artifactPath(ctx.bundleDir, the(ctx, "k3s-binary"));
        // Re-verify right before copying: the file could have changed since the first step.
        if ((await sha256File(source)) !== the(ctx, "k3s-binary").sha256) throw new Error(`refusing to install ${source}: its sha256 no longer matches bundle.json`);
        await ctx.executor.copyFile(source, K3S_BIN, 0o755);
        log(`installed ${K3S_BIN}`);
        await restartIfRunning(ctx, log, "the k3s binary changed (upgrade or repair)");
      },
      undo: async () => ctx.executor.remove(K3S_BIN),
    },
    {
      id: "stage-images",
      title: "Stage the air-gap images",
      changes: [`copies the k3s system images to ${K3S_IMAGES_DIR}/ (k3s imports them on start, nothing is pulled from the internet)`],
      privileged: true,
      check: async () => (await hostSha(ctx, airgapTarget(ctx))) === the(ctx, "airgap-images").sha256,
      async apply() {
        await ctx.executor.copyFile(artifactPath(ctx.bundleDir, the(ctx, "airgap-images")), airgapTarget(ctx), 0o644);
      },
      undo: async () => ctx.executor.remove(airgapTarget(ctx)),
    },
    {
      id: "write-config",
      title: "Write the k3s configuration",
      changes: [
        `writes ${K3S_CONFIG} (node name ${ctx.nodeName}, Akash labels, CPU/memory kept for the desktop${ctx.role === "agent" ? ", the join token" : ""})`,
        ...(needsContainerdTemplate(ctx.nvidiaRuntimePath) ? [`writes ${K3S_CONTAINERD_TEMPLATE} (adds the nvidia container runtime)`] : []),
      ],
      privileged: true,
      async check() {
        for (const [path, file] of Object.entries(configFiles(ctx))) if ((await ctx.executor.readText(path)) !== file.content) return false;
        return true;
      },
      async apply(log) {
        for (const [path, file] of Object.entries(configFiles(ctx))) await ctx.executor.writeFile(path, file.content, file.mode);
        await restartIfRunning(ctx, log, "its configuration changed");
      },
      async undo() {
        // Both possible files: whether the template was needed may have changed since the install.
        for (const path of [K3S_CONFIG, K3S_CONTAINERD_TEMPLATE]) await ctx.executor.remove(path);
      },
    },
    {
      id: "start-service",
      title: `Install and start the ${unitName(ctx.role)} service`,
      changes: [`writes ${unit}`, `enables and starts ${unitName(ctx.role)}.service (starts at boot)`],
      privileged: true,
      check: async () => (await ctx.executor.readText(unit)) === systemdUnit(ctx.role) && (await serviceActive(ctx)),
      async apply(log) {
        await ctx.executor.writeFile(unit, systemdUnit(ctx.role), 0o644);
        await runOk(ctx.executor, "systemctl", ["daemon-reload"]);
        await runOk(ctx.executor, "systemctl", ["enable", "--now", unitName(ctx.role)]);
        await wait(`${unitName(ctx.role)}.service to be active`, () => serviceActive(ctx), log);
      },
      async undo() {
        await ctx.executor.run("systemctl", ["disable", "--now", unitName(ctx.role)]);
        await ctx.executor.remove(unit);
        await ctx.executor.run("systemctl", ["daemon-reload"]);
      },
    },
  ];
  if (ctx.role === "server") {
    steps.push({
      id: "share-kubeconfig",
      title: "Give the app access to the node",
      changes: [`copies ${K3S_KUBECONFIG} to ${ctx.userKubeconfigPath} (readable by you only)`],
      privileged: true,
      async check() {
        const mine = await readFile(ctx.userKubeconfigPath, "utf8").catch(() => null);
        return mine !== null && mine === (await ctx.executor.readText(K3S_KUBECONFIG));
      },
      async apply(log) {
        let text: string | null = null;
        await wait(`k3s to write ${K3S_KUBECONFIG}`, async () => (text = await ctx.executor.readText(K3S_KUBECONFIG)) !== null, log);
        await mkdir(dirname(ctx.userKubeconfigPath), { recursive: true, mode: 0o700 });
        await writeFile(ctx.userKubeconfigPath, text!, { mode: 0o600 });
        await chmod(ctx.userKubeconfigPath, 0o600);
      },
    });
    steps.push({
      id: "wait-ready",
      title: "Wait for the node to be Ready",
      changes: ["nothing: asks the Kubernetes API until the node reports Ready"],
      privileged: false,
      check: nodeReady,
      apply: (log) => wait(`node ${ctx.nodeName} to be Ready`, nodeReady, log),
    });
  }
  steps.push({
    id: "import-images",
    title: "Import the bundled add-on images",
    changes: ["imports the NVIDIA device plugin image into k3s's containerd (when the bundle has it)"],
    privileged: true,
    async check() {
      const wanted = (await usableImageArchives(ctx)).flatMap((a) => a.images);
      if (wanted.length === 0) return true;
      const present = await importedImages(ctx);
      return wanted.every((ref) => present.has(ref));
    },
    async apply(log) {
      const skipped = artifactsFor(ctx.manifest, ctx.arch).filter((a) => a.kind === "image-archive" && a.sha256 === null);
      for (const a of skipped) log(`${a.id}: not bundled, k3s will pull ${a.images.join(", ")} from its registry`);
      for (const a of await usableImageArchives(ctx)) {
        await runOk(ctx.executor, K3S_BIN, ["ctr", "--namespace", "k8s.io", "images", "import", artifactPath(ctx.bundleDir, a)]);
        log(`imported ${a.images.join(", ")}`);
      }
    },
  });
  if (ctx.role === "server") {
    steps.push({
      id: "apply-manifests",
      title: "Apply the node's add-ons",
      changes: [`writes ${Object.keys(manifestFiles(ctx)).length} manifests into ${K3S_MANIFESTS_DIR}/ (nvidia RuntimeClass, the app's namespace${ctx.nvidiaGpus > 0 ? ", NVIDIA device plugin" : ""}); k3s applies them`],
      privileged: true,
      async check() {
        for (const [path, content] of Object.entries(manifestFiles(ctx))) if ((await ctx.executor.readText(path)) !== content) return false;
        return true;
      },
      async apply() {
        for (const [path, content] of Object.entries(manifestFiles(ctx))) await ctx.executor.writeFile(path, content, 0o600);
      },
      async undo() {
        for (const path of Object.keys(manifestFiles(ctx))) await ctx.executor.remove(path);
      },
    });
    if (ctx.nvidiaGpus > 0) {
      steps.push({
        id: "wait-gpus",
        title: `Wait for ${ctx.nvidiaGpus} GPU(s) to be schedulable`,
        changes: ["nothing: waits until the node's allocatable nvidia.com/gpu equals the GPUs detected"],
        privileged: false,
        check: gpusAllocatable,
        apply: (log) => wait(`nvidia.com/gpu allocatable to reach ${ctx.nvidiaGpus}`, gpusAllocatable, log),
      });
    }
  }
  return steps;
}

/** Image archives that are pinned and verified; unpinned or missing ones are left to the registry. */
async function usableImageArchives(ctx: InstallContext): Promise<BundleArtifact[]> {
  const checks = await verifyArtifacts(ctx.bundleDir, ctx.manifest, ctx.arch);
  return checks.filter((c) => c.artifact.kind === "image-archive" && c.state === "ok").map((c) => c.artifact);
}
