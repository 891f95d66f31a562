import type { RpcPoolSnapshot } from "../../common/chain-schemas";
import type { ClusterStatus } from "../../common/cluster-schemas";
import { down, unknown, up, type ProbeOutcome } from "./probe-outcome";

// The chain and k3s probes read what those services already measure; these turn their answers into
// a probe outcome with a reason an owner can act on.

/** The RPC pool after a health check: up when some endpoint is usable. */
export function chainOutcome(snapshot: RpcPoolSnapshot): ProbeOutcome {
  const active = snapshot.endpoints.find((e) => e.url === snapshot.active);
  if (snapshot.active !== null && active) {
    return up(`${active.url} answers${active.height !== null ? ` at height ${active.height}` : ""} (${snapshot.chainId})`);
  }
  const tried = snapshot.endpoints.map((e) => `${e.url}: ${e.lastError ?? e.status}`).join("; ");
  return down(`no ${snapshot.chainId} RPC endpoint answers${tried ? ` (${tried})` : ""}`);
}

/** k3s: unknown until it is installed here; up when every node is Ready and healthy. */
export function kubeOutcome(status: ClusterStatus): ProbeOutcome {
  if (!status.installed) return unknown("k3s is not installed yet");
  if (!status.ours) return unknown("a k3s this app did not install is present; it is not watched");
  if (status.role === "agent") return unknown("this machine is an agent: node health is checked on the server it joined");
  const health = status.health;
  if (health === null) return unknown(status.message);
  if (!health.reachable) return down(`the Kubernetes API does not answer${health.error ? `: ${health.error}` : ""}`);
  const notReady = health.nodes.filter((n) => !n.ready).map((n) => n.name);
  if (health.nodes.length === 0) return down("the Kubernetes API answers but lists no node");
  if (notReady.length > 0) return down(`node${notReady.length > 1 ? "s" : ""} ${notReady.join(", ")} not Ready`);
  const pressure = health.nodes.flatMap((n) => n.pressure.map((p) => `${n.name}: ${p}`));
  if (pressure.length > 0) return down(`node under pressure (${pressure.join(", ")})`);
  return health.healthy ? up(`${health.nodes.map((n) => n.name).join(", ")} Ready`) : down(status.message);
}
