import type { EngineStatusView } from "../../../../common/bidengine-live-schemas";
import type { GatewayStatus } from "../../../../common/serving-schemas";

// A won lease pays only while the tenant's workload runs here: the tenant sends its manifest to the
// gateway, and the cluster runs it. When either is down, say so plainly next to the leases.

/**
 * The warning to show, or null when leases can be served (or nothing is known yet). The engine's
 * own notice comes first: it means a lease is already won and waiting.
 */
export function servingWarning(engine: EngineStatusView | null, gateway: GatewayStatus | null): string | null {
  const problems: string[] = [];
  if (gateway && gateway.state !== "listening") problems.push(`the tenant gateway is not listening (${gateway.message})`);
  if (gateway && !gateway.cluster.ready) problems.push(`the cluster cannot run workloads (${gateway.cluster.message})`);
  const notice = engine?.servingNotice ?? null;
  if (problems.length === 0) return notice;
  const why = `Leases this provider wins must be served, but ${problems.join(" and ")}. Until then tenants cannot deploy, and a lease whose manifest never arrives is closed.`;
  return notice ? `${notice} ${why}` : why;
}
