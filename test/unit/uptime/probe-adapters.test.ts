import { describe, expect, it } from "vitest";
import type { RpcPoolSnapshot } from "../../../common/chain-schemas";
import type { ClusterStatus, NodeHealth } from "../../../common/cluster-schemas";
import { chainOutcome, kubeOutcome } from "../../../main/uptime/probe-adapters";

const endpoint = (url: string, over: Partial<RpcPoolSnapshot["endpoints"][number]> = {}): RpcPoolSnapshot["endpoints"][number] => ({
  url,
  status: "healthy",
  latencyMs: 40,
  height: 123,
  consecutiveFailures: 0,
  lastError: null,
  lastCheckedAt: "2026-11-20T10:00:00.000Z",
  retryAt: null,
  ...over,
});

const node = (name: string, ready: boolean, pressure: string[] = []): NodeHealth => {
  const r = { cpuMillis: 1000, memoryBytes: 1, gpus: 0, ephemeralStorageBytes: 1 };
  return { name, ready, roles: ["control-plane"], kubeletVersion: "v1.31", allocatable: r, capacity: r, pressure };
};

const cluster = (over: Partial<ClusterStatus>, health: Partial<NonNullable<ClusterStatus["health"]>> | null = {}): ClusterStatus => ({
  installed: true,
  role: "server",
  k3sVersion: "v1.31",
  ours: true,
  installing: false,
  message: "the node is healthy",
  health:
    health === null
      ? null
      : { checkedAt: "2026-11-20T10:00:00.000Z", reachable: true, error: null, nodes: [node("rig", true)], allocatable: { cpuMillis: 1, memoryBytes: 1, gpus: 0, ephemeralStorageBytes: 1 }, devicePlugin: null, healthy: true, ...health },
  ...over,
});

describe("chain probe", () => {
  it("is up on the pool's active endpoint, with its height", () => {
    const out = chainOutcome({ network: "akashnet-2", chainId: "akashnet-2", active: "https://rpc.a", endpoints: [endpoint("https://rpc.a")] });
    expect(out).toEqual({ state: "up", reason: "https://rpc.a answers at height 123 (akashnet-2)" });
  });

  it("is down with each endpoint's error when none is usable", () => {
    const out = chainOutcome({
      network: "akashnet-2",
      chainId: "akashnet-2",
      active: null,
      endpoints: [endpoint("https://rpc.a", { status: "down", lastError: "fetch failed" }), endpoint("https://rpc.b", { status: "down", lastError: "serves chain sandbox-2" })],
    });
    expect(out.state).toBe("down");
    expect(out.reason).toBe("no akashnet-2 RPC endpoint answers (https://rpc.a: fetch failed; https://rpc.b: serves chain sandbox-2)");
  });
});

describe("k3s probe", () => {
  it("is unknown until k3s is installed here, or when it is not ours or an agent", () => {
    expect(kubeOutcome(cluster({ installed: false, role: null, health: null }))).toEqual({ state: "unknown", reason: "k3s is not installed yet" });
    expect(kubeOutcome(cluster({ ours: false })).state).toBe("unknown");
    expect(kubeOutcome(cluster({ role: "agent" })).state).toBe("unknown");
  });

  it("is up when every node is Ready, down naming the node that is not, or the pressure", () => {
    expect(kubeOutcome(cluster({}))).toEqual({ state: "up", reason: "rig Ready" });
    expect(kubeOutcome(cluster({}, { nodes: [node("rig", false)], healthy: false }))).toEqual({ state: "down", reason: "node rig not Ready" });
    expect(kubeOutcome(cluster({}, { nodes: [node("rig", true, ["DiskPressure"])], healthy: false })).reason).toBe("node under pressure (rig: DiskPressure)");
    expect(kubeOutcome(cluster({}, { reachable: false, error: "connect ECONNREFUSED 127.0.0.1:6443", nodes: [] }))).toEqual({
      state: "down",
      reason: "the Kubernetes API does not answer: connect ECONNREFUSED 127.0.0.1:6443",
    });
    expect(kubeOutcome(cluster({}, { nodes: [] })).reason).toBe("the Kubernetes API answers but lists no node");
  });
});
