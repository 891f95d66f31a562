import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ClusterHealth, ClusterProgress, ClusterStatus, InstallPlan, JoinInfo, RunReport } from "../../../common/cluster-schemas";
import { createApp } from "../../../main/app";
import { cleanupAll, tempDir } from "./support/test-host";

// The whole app in stand-in mode (what `--cluster-stand-in` gives the e2e tests): every cluster method
// through the contract, the real installer, a stand-in machine and its local Kubernetes API.

afterAll(cleanupAll);

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe("stand-in mode", () => {
  it("plans, installs, reports health, shows a join code and uninstalls through the contract", async () => {
    const dataDir = tempDir("apd-standin-");
    const standInDir = join(dataDir, "cluster-stand-in");
    const app = createApp({ dataDir, mode: "headless", version: "0.0.0-test" }, { log: () => undefined, cluster: { standInDir, sleep: async () => undefined, waitIntervalMs: 1, hostname: "e2e-rig" } });
    const progress: ClusterProgress[] = [];
    const stop = app.events.listen((event, payload) => {
      if (event === "cluster.progress") progress.push(payload as ClusterProgress);
    });
    try {
      expect(await value<ClusterStatus>(app.call("cluster.status", undefined))).toMatchObject({ installed: false });
      const plan = await value<InstallPlan>(app.call("cluster.plan", { role: "server" }));
      expect(plan.preflight.canInstall).toBe(true);
      const report = await value<RunReport>(app.call("cluster.install", { consent: true }));
      expect(report.outcome, report.message).toBe("completed");
      expect(progress.some((p) => p.state === "applied" && p.stepId === "start-service")).toBe(true);
      const health = await value<ClusterHealth>(app.call("cluster.health", undefined));
      expect(health).toMatchObject({ reachable: true, healthy: true });
      expect(health.nodes.map((n) => n.name)).toEqual(["e2e-rig"]);
      expect((await value<ClusterStatus>(app.call("cluster.status", undefined))).message).toBe("the node is healthy");
      const joinInfo = await value<JoinInfo>(app.call("cluster.joinToken", { advertiseAddress: "10.1.2.3" }));
      expect(joinInfo).toMatchObject({ available: true, serverUrl: "https://10.1.2.3:6443" });
      const removed = await value<RunReport>(app.call("cluster.uninstall", {}));
      expect(removed.outcome, removed.message).toBe("completed");
      expect(existsSync(join(standInDir, "root/usr/local/bin/k3s"))).toBe(false);
      expect(await value<ClusterStatus>(app.call("cluster.status", undefined))).toMatchObject({ installed: false });
    } finally {
      stop();
      await app.close();
    }
  });
});
