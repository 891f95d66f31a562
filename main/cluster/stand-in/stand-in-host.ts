import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { directExecutor } from "../host/direct-executor";
import type { HostExecutor } from "../host/host-executor";
import { nodeHostProbe, type HostProbe } from "../host/host-probe";
import { K3S_MANIFESTS_DIR, MANIFEST_PREFIX } from "../host/host-paths";
import { daemonSetObject, nodeObject, notFoundStatus } from "./kube-objects";
import { writeStandInBundle, writeStandInRoot } from "./stand-in-files";

// The stand-in mode (`--cluster-stand-in` in headless mode): the whole k3s step runs for real — the
// preflight, plan, steps, checks, progress, health, uninstall — but against a machine made of files
// under the data dir, stand-in k3s/systemctl scripts, and a Kubernetes API on 127.0.0.1 whose node
// turns Ready when the stand-in service runs and reports its GPUs once the device plugin manifest is
// in place. It is how the e2e tests drive the wizard, and how the UI can be shown without root.

export interface StandInHost {
  root: string;
  bundleDir: string;
  probe: HostProbe;
  executor: HostExecutor;
  close(): Promise<void>;
}

/** Synchronous so the app's composition root stays synchronous; the API is listening once `ready` resolves. */
export function startStandInHost(dir: string, options: { nvidiaGpus: () => number; nodeName: () => string }): StandInHost & { ready: Promise<void> } {
  const root = join(dir, "root");
  const bundleDir = join(dir, "bundle");
  mkdirSync(root, { recursive: true });
  const active = () => existsSync(join(root, "run/stand-in-systemd/k3s.active"));
  const pluginApplied = () => existsSync(join(root, `${K3S_MANIFESTS_DIR}/${MANIFEST_PREFIX}nvidia-device-plugin.yaml`));
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.headers.authorization !== "Bearer stand-in-admin-token") return send(401, { kind: "Status", apiVersion: "v1", status: "Failure", reason: "Unauthorized", code: 401 });
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (path === "/api/v1/nodes") {
      const nodes = active() ? [{ name: options.nodeName(), ready: true, gpus: pluginApplied() ? options.nvidiaGpus() : 0, pressure: [] }] : [];
      return send(200, { kind: "NodeList", apiVersion: "v1", metadata: { resourceVersion: "1" }, items: nodes.map(nodeObject) });
    }
    if (path.endsWith("/daemonsets/nvidia-device-plugin-daemonset")) {
      return active() && pluginApplied() ? send(200, daemonSetObject({ desired: 1, ready: 1 })) : send(404, notFoundStatus("daemonsets.apps", "nvidia-device-plugin-daemonset"));
    }
    send(404, notFoundStatus("path", path));
  });
  // Driver and toolkit are always "installed": preflight asks for them only when GPUs were detected.
  writeStandInRoot(root, { kubeUrl: "http://127.0.0.1:9", driver: true, toolkit: true });
  writeStandInBundle(bundleDir);
  const ready = new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const kubeUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      // The port changes with every start: point the stand-in k3s, and a kubeconfig it already wrote, at it.
      // (The app's own copy follows on the next install run, whose check sees the difference.)
      writeFileSync(join(root, "fake-kube-url"), kubeUrl);
      const kubeconfig = join(root, "etc/rancher/k3s/k3s.yaml");
      if (existsSync(kubeconfig)) writeFileSync(kubeconfig, readFileSync(kubeconfig, "utf8").replace(/server: http:\/\/127\.0\.0\.1:\d+/, `server: ${kubeUrl}`));
      resolve();
    });
  });
  return {
    ready,
    root,
    bundleDir,
    probe: nodeHostProbe({ root, platform: "linux", arch: "x64", portFree: async () => true }),
    executor: directExecutor(root),
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}
