import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decodeJoinCode } from "../../../common/cluster-join-code";
import { startFakeKubeApi, type FakeKubeApi } from "./support/fake-kube-api";
import { cleanupAll, DEVICE_PLUGIN_REF, makeHost } from "./support/test-host";

// The installer end to end over a temporary root: stand-in systemctl and k3s, the Kubernetes API
// answered by a local server, the real steps, files and checksums.

let kube: FakeKubeApi;
beforeAll(async () => {
  kube = await startFakeKubeApi();
});
afterAll(async () => {
  await kube.close();
  cleanupAll();
});
afterEach(() => {
  kube.nodes = [];
  kube.devicePlugin = null;
  kube.failWith = null;
});

/** The node comes up NotReady, turns Ready, then the device plugin reports the GPUs — one change per sleep. */
function nodeComesUp(gpus: number): () => void {
  let tick = 0;
  kube.nodes = [{ name: "gaming-rig", ready: false, gpus: 0, pressure: [] }];
  return () => {
    tick++;
    if (tick >= 1) kube.nodes[0]!.ready = true;
    if (tick >= 2) {
      kube.nodes[0]!.gpus = gpus;
      kube.devicePlugin = { desired: 1, ready: 1 };
    }
  };
}

describe("k3s install", () => {
  it("installs a fresh GPU node: binary, config, unit, images, manifests, GPUs allocatable", async () => {
    const host = makeHost({ nvidiaGpus: 2, kube, onSleep: nodeComesUp(2) });
    const plan = await host.service.plan({ role: "server" });
    expect(plan.preflight.canInstall).toBe(true);
    expect(plan.steps.map((s) => s.id)).toEqual(["verify-bundle", "place-binary", "stage-images", "write-config", "start-service", "share-kubeconfig", "wait-ready", "import-images", "apply-manifests", "wait-gpus"]);
    expect(plan.steps.every((s) => s.changes.length > 0)).toBe(true);
    expect(plan.steps.find((s) => s.id === "place-binary")).toMatchObject({ privileged: true, undoable: true, done: false });

    const report = await host.service.install({ role: "server", consent: true });
    expect(report.outcome, report.message).toBe("completed");
    // The bundle check has nothing to apply: it passes, so it is "skipped"; every other step ran.
    expect(report.steps.map((s) => s.outcome)).toEqual(["skipped", ...Array(9).fill("applied")]);

    // The binary on the host is the bundled one, executable.
    expect(host.sha256("usr/local/bin/k3s")).toBe(host.sha256("../" + host.bundleDir.split("/").pop() + "/downloads/amd64/k3s"));
    expect(statSync(join(host.root, "usr/local/bin/k3s")).mode & 0o777).toBe(0o755);
    // config.yaml: kubeconfig 0600, node name, Akash labels, the desktop reserve as system-reserved.
    const config = JSON.parse(host.read("etc/rancher/k3s/config.yaml"));
    expect(config).toMatchObject({ "write-kubeconfig-mode": "0600", "node-name": "gaming-rig" });
    expect(config["node-label"]).toContain("akash.network/capabilities.gpu.vendor.nvidia.model.rtx4090=true");
    expect(config["kubelet-arg"]).toEqual(["system-reserved=cpu=4000m,memory=8192Mi,ephemeral-storage=51200Mi", "kube-reserved=cpu=500m,memory=1024Mi"]);
    expect(statSync(join(host.root, "etc/rancher/k3s/config.yaml")).mode & 0o777).toBe(0o600);
    // The toolkit is in /usr/bin where k3s finds it itself: no containerd template that would clash.
    expect(existsSync(join(host.root, "var/lib/rancher/k3s/agent/etc/containerd/config-v3.toml.tmpl"))).toBe(false);
    expect(host.read("etc/systemd/system/k3s.service")).toContain("Managed by Akash Provider Desktop");
    // Place-binary and write-config ask whether a running node needs a restart: it does not run yet.
    expect(host.calls("systemctl")).toEqual(["is-active --quiet k3s", "is-active --quiet k3s", "daemon-reload", "enable --now k3s", "is-active --quiet k3s", "is-active --quiet k3s"]);
    expect(host.read("var/lib/rancher/k3s/agent/images/k3s-airgap-images-amd64.tar.zst")).toBe("stand-in air-gap images archive\n");
    expect(host.calls("k3s")).toContain(`ctr --namespace k8s.io images import ${join(host.bundleDir, "downloads/amd64/nvidia-device-plugin.tar")}`);
    expect(host.read("var/lib/rancher/k3s/agent/containerd-images").trim()).toBe(DEVICE_PLUGIN_REF);
    const plugin = host.read("var/lib/rancher/k3s/server/manifests/akash-provider-desktop-nvidia-device-plugin.yaml");
    expect(plugin).toContain('"runtimeClassName": "nvidia"');
    expect(host.read("var/lib/rancher/k3s/server/manifests/akash-provider-desktop-runtime-class.yaml")).toContain('"handler": "nvidia"');
    // The app's own copy of the kubeconfig is private to the user.
    expect(statSync(join(host.dataDir, "cluster/kubeconfig.yaml")).mode & 0o777).toBe(0o600);
    // Progress reached the UI and the log file.
    expect(host.progress.filter((p) => p.kind === "step" && p.state === "applied")).toHaveLength(9);
    expect(host.progress.some((p) => p.kind === "log" && p.message.includes("waiting for node gaming-rig to be Ready"))).toBe(true);
    expect(report.logFile).not.toBeNull();
    expect(host.read(`../${report.logFile!.split("/").slice(-3).join("/")}`)).toContain("[place-binary] done");

    const status = await host.service.status();
    expect(status).toMatchObject({ installed: true, role: "server", ours: true, k3sVersion: "v1.34.2+k3s1", message: "the node is healthy" });
    expect(status.health?.allocatable).toEqual({ cpuMillis: 13500, memoryBytes: 60525452 * 1024, gpus: 2, ephemeralStorageBytes: 933693862717 });
  });

  it("re-running a finished install changes nothing", async () => {
    const host = makeHost({ nvidiaGpus: 1, kube, onSleep: nodeComesUp(1) });
    expect((await host.service.install({ role: "server", consent: true })).outcome).toBe("completed");
    const systemctlCalls = host.calls("systemctl").length;
    const k3sCalls = host.calls("k3s").length;
    const again = await host.service.install({ role: "server", consent: true });
    expect(again.outcome).toBe("completed");
    expect(again.steps.every((s) => s.outcome === "skipped")).toBe(true);
    expect(host.calls("systemctl").slice(systemctlCalls).every((c) => c.startsWith("is-active"))).toBe(true);
    expect(host.calls("k3s").slice(k3sCalls).every((c) => c.includes("images list"))).toBe(true);
  });

  it("resumes an interrupted install at the step that failed", async () => {
    const host = makeHost({ kube, onSleep: nodeComesUp(0) });
    host.write("fail-start", "");
    const first = await host.service.install({ role: "server", consent: true });
    expect(first.outcome).toBe("failed");
    expect(first.message).toContain("Run the install again to resume");
    expect(first.steps.map((s) => s.outcome)).toEqual(["skipped", "applied", "applied", "applied", "failed", "not_run", "not_run", "not_run", "not_run"]);
    expect(first.steps[4]!.message).toContain("control process exited with error code");

    rmSync(join(host.root, "fail-start"));
    const second = await host.service.install({ role: "server", consent: true });
    expect(second.outcome, second.message).toBe("completed");
    expect(second.steps.map((s) => s.outcome)).toEqual(["skipped", "skipped", "skipped", "skipped", "applied", "applied", "applied", "applied", "applied"]);
  });

  it("rewrites a changed config and restarts the running node so it takes effect", async () => {
    const host = makeHost({ kube, onSleep: nodeComesUp(0) });
    expect((await host.service.install({ role: "server", consent: true })).outcome).toBe("completed");
    host.write("etc/rancher/k3s/config.yaml", "{}\n", 0o600);
    const again = await host.service.install({ role: "server", consent: true });
    expect(again.steps.find((s) => s.id === "write-config")?.outcome).toBe("applied");
    expect(JSON.parse(host.read("etc/rancher/k3s/config.yaml"))["node-name"]).toBe("gaming-rig");
    expect(host.calls("systemctl")).toContain("restart k3s");
  });

  it("puts back a k3s binary that was replaced on the host after the install", async () => {
    const host = makeHost({ kube, onSleep: nodeComesUp(0) });
    expect((await host.service.install({ role: "server", consent: true })).outcome).toBe("completed");
    host.write("usr/local/bin/k3s", "#!/bin/sh\necho evil\n", 0o755);
    const again = await host.service.install({ role: "server", consent: true });
    expect(again.steps.find((s) => s.id === "place-binary")?.outcome).toBe("applied");
    expect(host.read("usr/local/bin/k3s")).toContain("stand-in k3s");
    expect(host.calls("systemctl").filter((c) => c === "restart k3s")).toHaveLength(1);
  });

  it("refuses a tampered bundled binary and changes nothing", async () => {
    const host = makeHost({ kube });
    writeFileSync(join(host.bundleDir, "downloads/amd64/k3s"), "#!/bin/sh\necho tampered\n");
    const preflight = await host.service.preflight("server");
    const bundle = preflight.items.find((i) => i.id === "bundle")!;
    expect(bundle.verdict).toBe("fail");
    expect(bundle.message).toContain("does not match the pinned");
    const report = await host.service.install({ role: "server", consent: true });
    expect(report).toMatchObject({ outcome: "blocked", steps: [] });
    expect(report.message).toContain("Nothing was changed");
    expect(existsSync(join(host.root, "usr/local/bin/k3s"))).toBe(false);
    expect(host.calls("systemctl")).toEqual([]);
    expect(host.progress.at(-1)).toMatchObject({ run: "install", state: "failed" });
  });

  it("reports a missing NVIDIA container toolkit with the commands that install it", async () => {
    const host = makeHost({ nvidiaGpus: 2, driver: true, toolkit: false, kube });
    const preflight = await host.service.preflight("server");
    expect(preflight.canInstall).toBe(false);
    const toolkit = preflight.items.find((i) => i.id === "nvidia-toolkit")!;
    expect(toolkit).toMatchObject({ verdict: "fail" });
    expect(toolkit.commands).toContain("sudo apt-get install -y nvidia-container-toolkit");
    expect(preflight.items.find((i) => i.id === "nvidia-driver")?.verdict).toBe("pass");
    expect((await host.service.install({ role: "server", consent: true })).outcome).toBe("blocked");
  });
});

describe("k3s uninstall", () => {
  it("removes everything the install added and what k3s left behind", async () => {
    const host = makeHost({ nvidiaGpus: 1, kube, onSleep: nodeComesUp(1) });
    expect((await host.service.install({ role: "server", consent: true })).outcome).toBe("completed");
    // What a running k3s leaves: a containerd shim and a pod volume mount.
    host.write("proc/4242/cmdline", "/var/lib/rancher/k3s/data/1c2d/bin/containerd-shim-runc-v2\0-namespace\0k8s.io\0");
    host.write("proc/self/mounts", "/dev/nvme0n1p2 / ext4 rw 0 0\ntmpfs /var/lib/kubelet/pods/abc/volumes/kubernetes.io~projected/kube-api-access tmpfs rw 0 0\nshm /run/k3s/containerd/io.containerd.grpc.v1.cri/sandboxes/x/shm tmpfs rw 0 0\n");

    const report = await host.service.uninstall({ evenWithActiveLeases: false });
    expect(report.outcome, report.message).toBe("completed");
    expect(host.calls("systemctl")).toContain("disable --now k3s");
    expect(host.calls("kill")).toEqual(["-9 4242"]);
    // Deepest mount first.
    expect(host.calls("umount")).toEqual(["-l -- /var/lib/kubelet/pods/abc/volumes/kubernetes.io~projected/kube-api-access", "-l -- /run/k3s/containerd/io.containerd.grpc.v1.cri/sandboxes/x/shm"]);
    expect(host.calls("ip")).toContain("link delete cni0");
    for (const path of ["usr/local/bin/k3s", "etc/rancher/k3s", "var/lib/rancher/k3s", "etc/systemd/system/k3s.service", "var/lib/kubelet"]) {
      expect(existsSync(join(host.root, path)), path).toBe(false);
    }
    expect(existsSync(join(host.dataDir, "cluster/kubeconfig.yaml"))).toBe(false);
    expect(await host.service.status()).toMatchObject({ installed: false, message: "k3s is not installed" });
    expect((await host.service.uninstall({ evenWithActiveLeases: false })).outcome).toBe("not_installed");
    // A fresh install works again on the cleaned machine.
    kube.nodes = [];
    expect((await host.service.preflight("server")).canInstall).toBe(true);
  });

  it("asks first when leases are running, and leaves a k3s it did not install alone", async () => {
    const host = makeHost({ kube, activeLeases: 2, onSleep: nodeComesUp(0) });
    expect((await host.service.install({ role: "server", consent: true })).outcome).toBe("completed");
    const refused = await host.service.uninstall({ evenWithActiveLeases: false });
    expect(refused).toMatchObject({ outcome: "refused" });
    expect(refused.message).toContain("2 lease(s)");
    expect(existsSync(join(host.root, "usr/local/bin/k3s"))).toBe(true);
    expect((await host.service.uninstall({ evenWithActiveLeases: true })).outcome).toBe("completed");

    const foreign = makeHost({ kube });
    foreign.write("etc/systemd/system/k3s.service", "[Service]\nExecStart=/usr/local/bin/k3s server\n");
    const preflight = await foreign.service.preflight("server");
    expect(preflight.items.find((i) => i.id === "existing")).toMatchObject({ verdict: "fail" });
    expect((await foreign.service.uninstall({ evenWithActiveLeases: true })).outcome).toBe("refused");
    expect(foreign.read("etc/systemd/system/k3s.service")).toContain("ExecStart");
  });
});

describe("more rigs", () => {
  it("shows a join code on the server and installs an agent with it on the second machine", async () => {
    const server = makeHost({ kube, onSleep: nodeComesUp(0) });
    expect((await server.service.joinInfo()).available).toBe(false);
    expect((await server.service.install({ role: "server", consent: true })).outcome).toBe("completed");
    const info = await server.service.joinInfo();
    expect(info).toMatchObject({ available: true, serverUrl: "https://192.168.1.20:6443" });
    expect(info.token).toMatch(/^K10stand1n/);
    const target = decodeJoinCode(info.joinCode!);
    if (target instanceof Error) throw target;

    const agent = makeHost({ kube });
    const plan = await agent.service.plan({ role: "agent", join: target });
    expect(plan.steps.map((s) => s.id)).toEqual(["verify-bundle", "place-binary", "stage-images", "write-config", "start-service", "import-images"]);
    expect(plan.preflight.items.some((i) => i.id === "port-6443")).toBe(false);
    const report = await agent.service.install({ role: "agent", join: target, consent: true });
    expect(report.outcome, report.message).toBe("completed");
    expect(agent.calls("systemctl")).toContain("enable --now k3s-agent");
    expect(agent.calls("k3s")).toContain("agent");
    const joined = JSON.parse(agent.read("var/lib/rancher/k3s/agent/joined-with.json"));
    expect(joined).toMatchObject({ server: "https://192.168.1.20:6443", token: info.token, "node-name": "gaming-rig" });
    expect(joined["write-kubeconfig-mode"]).toBeUndefined();
    expect(await agent.service.status()).toMatchObject({ installed: true, role: "agent", ours: true });
    expect((await agent.service.joinInfo()).available).toBe(false);
  });
});

describe("preflight on other systems", () => {
  it("explains that the node needs Linux on Windows and macOS instead of failing", async () => {
    for (const platform of ["win32", "darwin"] as const) {
      const host = makeHost({ platform, kube });
      const report = await host.service.preflight("server");
      expect(report.canInstall).toBe(false);
      expect(report.items).toHaveLength(1);
      expect(report.items[0]!.message).toMatch(/needs Linux.*WSL2/);
      expect((await host.service.install({ role: "server", consent: true })).outcome).toBe("blocked");
      expect((await host.service.status()).installed).toBe(false);
    }
  });

  it("flags cgroup v1, missing systemd, busy ports and little disk with their fixes", async () => {
    const host = makeHost({ kube });
    rmSync(join(host.root, "sys/fs/cgroup/cgroup.controllers"));
    rmSync(join(host.root, "run/systemd"), { recursive: true });
    const report = await host.service.preflight("server");
    const byId = Object.fromEntries(report.items.map((i) => [i.id, i]));
    expect(byId.cgroup).toMatchObject({ verdict: "fail" });
    expect(byId.cgroup!.commands.join("\n")).toContain("systemd.unified_cgroup_hierarchy=1");
    expect(byId.systemd).toMatchObject({ verdict: "fail" });
    expect(report.canInstall).toBe(false);
  });
});
