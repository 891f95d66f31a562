import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubeHealthSource } from "../../../main/cluster/kube/kube-health";
import { parseQuantity, quantityNumber } from "../../../main/cluster/kube/quantity";
import { startFakeKubeApi, type FakeKubeApi } from "./support/fake-kube-api";

// Health through @kubernetes/client-node against a local API server with realistic Node/DaemonSet objects.

let kube: FakeKubeApi;
beforeAll(async () => {
  kube = await startFakeKubeApi();
});
afterAll(() => kube.close());

const kubeconfig = (server: string, token = "stand-in-admin-token") =>
  `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: ${server}\n    insecure-skip-tls-verify: true\n  name: default\ncontexts:\n- context:\n    cluster: default\n    user: default\n  name: default\ncurrent-context: default\nusers:\n- name: default\n  user:\n    token: ${token}\n`;
const now = () => new Date("2026-11-21T21:00:00.000Z");

describe("node health", () => {
  it("sums allocatable over Ready nodes and reports the device plugin", async () => {
    kube.nodes = [
      { name: "rig-1", ready: true, gpus: 2, pressure: [] },
      { name: "rig-2", ready: true, gpus: 1, pressure: [] },
      { name: "rig-3", ready: false, gpus: 4, pressure: [] },
    ];
    kube.devicePlugin = { desired: 2, ready: 2 };
    const health = await kubeHealthSource(kubeconfig(kube.url), now, () => 3).health();
    expect(health.reachable).toBe(true);
    expect(health.nodes.map((n) => [n.name, n.ready, n.roles])).toEqual([
      ["rig-1", true, ["control-plane"]],
      ["rig-2", true, ["control-plane"]],
      ["rig-3", false, ["control-plane"]],
    ]);
    expect(health.allocatable).toEqual({ cpuMillis: 27000, memoryBytes: 2 * 60525452 * 1024, gpus: 3, ephemeralStorageBytes: 2 * 933693862717 });
    expect(health.nodes[0]!.capacity).toMatchObject({ cpuMillis: 16000, memoryBytes: 65768332 * 1024, ephemeralStorageBytes: 959786032 * 1024 });
    expect(health.nodes[0]!.kubeletVersion).toBe("v1.34.2+k3s1");
    expect(health.devicePlugin).toEqual({ desired: 2, ready: 2 });
    // rig-3 is not Ready: the cluster is not healthy as a whole.
    expect(health.healthy).toBe(false);
    expect(kube.requests).toContain("GET /apis/apps/v1/namespaces/kube-system/daemonsets/nvidia-device-plugin-daemonset");
  });

  it("reports pressure conditions and a device plugin that is not ready", async () => {
    kube.nodes = [{ name: "rig-1", ready: true, gpus: 1, pressure: ["DiskPressure", "MemoryPressure"] }];
    kube.devicePlugin = { desired: 1, ready: 0 };
    const health = await kubeHealthSource(kubeconfig(kube.url), now, () => 1).health();
    expect(health.nodes[0]!.pressure).toEqual(["MemoryPressure", "DiskPressure"]);
    expect(health.healthy).toBe(false);
    kube.nodes[0]!.pressure = [];
    kube.devicePlugin = { desired: 1, ready: 1 };
    expect((await kubeHealthSource(kubeconfig(kube.url), now, () => 1).health()).healthy).toBe(true);
  });

  it("a CPU-only node without the device plugin is healthy", async () => {
    kube.nodes = [{ name: "rig-1", ready: true, gpus: 0, pressure: [] }];
    kube.devicePlugin = null;
    const health = await kubeHealthSource(kubeconfig(kube.url), now, () => 0).health();
    expect(health).toMatchObject({ healthy: true, devicePlugin: null });
  });

  it("an unreachable API or a rejected token is a result with a reason", async () => {
    const down = await kubeHealthSource(kubeconfig("https://127.0.0.1:1"), now, () => 0).health();
    expect(down).toMatchObject({ reachable: false, healthy: false, nodes: [] });
    expect(down.error).toMatch(/cannot reach the Kubernetes API/);
    const denied = await kubeHealthSource(kubeconfig(kube.url, "wrong"), now, () => 0).health();
    expect(denied).toMatchObject({ reachable: false, error: "the Kubernetes API answered HTTP 401" });
  });
});

describe("quantities", () => {
  it("parses what nodes report, exactly", () => {
    expect(parseQuantity("7800m", 1000n)).toBe(7800n);
    expect(parseQuantity("16", 1000n)).toBe(16000n);
    expect(parseQuantity("65768332Ki")).toBe(65768332n * 1024n);
    expect(parseQuantity("1.5Gi")).toBe(1610612736n);
    expect(parseQuantity("933693862717")).toBe(933693862717n);
    expect(parseQuantity("2e3")).toBe(2000n);
    expect(parseQuantity("500u", 1000n)).toBe(0n);
    expect(parseQuantity("100M")).toBe(100_000_000n);
    expect(quantityNumber(undefined)).toBe(0);
    expect(quantityNumber("-5")).toBe(0);
    expect(quantityNumber("9Ei")).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("garbage is an error, never NaN", () => {
    for (const bad of ["", "abc", "1.2.3", "5 Gi", "Gi", "1e", "0x10", "1,5", "NaN", "Infinity"]) expect(() => parseQuantity(bad), bad).toThrow(/not a Kubernetes quantity/);
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: Math.floor(Math.random() * 12) }, () => "0123456789.eEmkMGKiu+- "[Math.floor(Math.random() * 24)]).join("");
      try {
        expect(typeof parseQuantity(s)).toBe("bigint");
      } catch (error) {
        expect((error as Error).message, s).toMatch(/not a Kubernetes quantity/);
      }
    }
  });
});
