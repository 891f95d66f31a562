import type { NotificationKind, NotificationSettings, StatusOverview } from "../../common/status-schemas";

// Which status change becomes which desktop notification: a pure function of the previous policy
// state, the new overview, the owner's switches and the time. It dedupes (one notice per lease, one
// per low-collateral episode, re-sent daily while it lasts) and keeps a flapping connection quiet
// (offline must last OFFLINE_GRACE_MS, and notices are at least OFFLINE_REPEAT_MS apart).

export const OFFLINE_GRACE_MS = 2 * 60_000;
export const OFFLINE_REPEAT_MS = 30 * 60_000;
export const LOW_COLLATERAL_REPEAT_MS = 24 * 3_600_000;
/** More new or closed leases than this in one reading are summed up in one notice. */
const MAX_LEASE_NOTICES = 3;

export interface Notice {
  kind: NotificationKind;
  title: string;
  body: string;
}

export interface PolicyState {
  /** Active leases at the last reading that knew them; null before the first (the baseline). */
  leases: readonly string[] | null;
  /** Whether the provider was bidding, paused or gaming at some point in this session. */
  wasOnline: boolean;
  offlineSince: number | null;
  offlineNotified: boolean;
  lastOfflineNoticeAt: number | null;
  lowSince: number | null;
  lastLowNoticeAt: number | null;
}

export const INITIAL_POLICY_STATE: PolicyState = {
  leases: null,
  wasOnline: false,
  offlineSince: null,
  offlineNotified: false,
  lastOfflineNoticeAt: null,
  lowSince: null,
  lastLowNoticeAt: null,
};

export function evaluateNotifications(
  state: PolicyState,
  overview: StatusOverview,
  settings: NotificationSettings,
  nowMs: number,
): { state: PolicyState; notices: Notice[] } {
  const notices: Notice[] = [];
  const next: PolicyState = { ...state };

  // Leases. An unknown count (source down) keeps the baseline: a failed read must not look like closures.
  if (overview.activeLeases !== null) {
    const current = overview.activeLeaseIds;
    if (state.leases !== null) {
      const before = new Set(state.leases);
      const now = new Set(current);
      const won = current.filter((id) => !before.has(id));
      const closed = state.leases.filter((id) => !now.has(id));
      if (settings.leaseWon) notices.push(...leaseNotices("leaseWon", won));
      if (settings.leaseClosed) notices.push(...leaseNotices("leaseClosed", closed));
    }
    next.leases = [...current];
  }

  // Low collateral: once when it starts, again each day it lasts.
  const low = overview.alerts.find((a) => a.id === "collateral_low");
  if (low) {
    next.lowSince = state.lowSince ?? nowMs;
    const due = state.lastLowNoticeAt === null || nowMs - state.lastLowNoticeAt >= LOW_COLLATERAL_REPEAT_MS;
    if (due) {
      next.lastLowNoticeAt = nowMs;
      if (settings.lowCollateral) notices.push({ kind: "lowCollateral", title: "Low collateral", body: low.action });
    }
  } else {
    next.lowSince = null;
    next.lastLowNoticeAt = null;
  }

  // Going offline: only after having been online, only once it has lasted, never in a burst.
  if (overview.state === "offline") {
    next.offlineSince = state.offlineSince ?? nowMs;
    const lasted = nowMs - next.offlineSince >= OFFLINE_GRACE_MS;
    const spaced = state.lastOfflineNoticeAt === null || nowMs - state.lastOfflineNoticeAt >= OFFLINE_REPEAT_MS;
    if (state.wasOnline && lasted && !state.offlineNotified && spaced) {
      next.offlineNotified = true;
      next.lastOfflineNoticeAt = nowMs;
      if (settings.offline) notices.push({ kind: "offline", title: "Provider offline", body: overview.reason ?? "The provider stopped bidding." });
    }
  } else {
    next.wasOnline = true;
    next.offlineSince = null;
    next.offlineNotified = false;
  }

  return { state: next, notices };
}

function leaseNotices(kind: "leaseWon" | "leaseClosed", ids: string[]): Notice[] {
  if (ids.length === 0) return [];
  const verb = kind === "leaseWon" ? "won" : "closed";
  if (ids.length > MAX_LEASE_NOTICES) {
    return [{ kind, title: `${ids.length} leases ${verb}`, body: `${ids.slice(0, MAX_LEASE_NOTICES).map(shortLease).join(", ")} and ${ids.length - MAX_LEASE_NOTICES} more.` }];
  }
  return ids.map((id) => ({
    kind,
    title: kind === "leaseWon" ? "Lease won" : "Lease closed",
    body: kind === "leaseWon" ? `${shortLease(id)} is now running on this machine.` : `${shortLease(id)} has ended; its capacity is free again.`,
  }));
}

/** "akash1abc…/123/1/1/akash1prov…" → "Lease 123 (akash1ab…wxyz)". */
export function shortLease(id: string): string {
  const [owner = id, dseq] = id.split("/");
  const tenant = owner.length > 14 ? `${owner.slice(0, 8)}…${owner.slice(-4)}` : owner;
  return dseq ? `Lease ${dseq} (${tenant})` : `Lease ${tenant}`;
}
