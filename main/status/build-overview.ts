import type { StatusOverview } from "../../common/status-schemas";
import { computeAlerts } from "./alerts";
import { deriveState } from "./derive-state";
import { collateralRunway } from "./runway";
import type { StatusSources } from "./sources";

/** One reading of the services → the overview the Dashboard, the tray and notifications show. Pure. */
export function buildOverview(sources: StatusSources, now: Date): StatusOverview {
  const runway = sources.bidSettings && sources.balances ? collateralRunway(sources.bidSettings, sources.balances, sources.bidsLastDay) : null;
  const { state, reason } = deriveState(sources);
  // The engine knows its leases the moment they are won; the ledger only after reconciling.
  const ledgerIds = sources.leases ? sources.leases.filter((l) => l.state === "active").map((l) => l.leaseId) : null;
  const activeIds = [...(sources.engine?.leaseIds ?? ledgerIds ?? [])].sort();
  return {
    state,
    reason,
    engineRunning: sources.engine !== null,
    paused: sources.bidSettings?.paused ?? false,
    gamingMode: sources.engine?.gamingMode ?? false,
    pauseWhileGaming: sources.bidSettings?.policies.pauseWhileGaming ?? false,
    gamingDetected: sources.activity?.active ?? false,
    // No wallet on this network: no provider, so certainly no lease (not "unknown").
    activeLeases: sources.engine ? sources.engine.activeLeases : ledgerIds ? ledgerIds.length : sources.wallet?.state === "none" ? 0 : null,
    activeLeaseIds: activeIds,
    openBids: sources.engine ? sources.engine.openBids : null,
    bidsLastDay: sources.bidsLastDay,
    wallet: { state: sources.wallet?.state ?? "unknown", address: sources.wallet?.address ?? null },
    runway,
    todayNetUsdMicro: sources.todayNetUsdMicro,
    alerts: computeAlerts(sources, runway),
    checkedAt: now.toISOString(),
  };
}

/** What changed for a person: everything but the time of the check. */
export function overviewFingerprint(overview: StatusOverview): string {
  const { checkedAt: _ignored, ...rest } = overview;
  void _ignored;
  return JSON.stringify(rest);
}
