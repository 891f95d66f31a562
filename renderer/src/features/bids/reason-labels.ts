import type { ReasonCode } from "../../../../common/bidengine-schemas";

// Short names for the engine's stable reason codes (the filter and the badge), and where the setting
// a decline names lives in the app, so the UI can send the owner there.

export const REASON_LABELS: Record<ReasonCode, string> = {
  denom_unsupported: "Stale denom",
  order_not_open: "Order not open",
  too_many_bids: "Too many bids already",
  already_bid: "Already bid",
  reclamation_unsupported: "Reclamation not supported",
  attributes_mismatch: "Attributes don't match",
  auditor_missing: "Auditor signature missing",
  gpu_capability_mismatch: "GPU model doesn't match",
  storage_capability_mismatch: "Storage class doesn't match",
  too_many_volumes: "Too many volumes",
  insufficient_gpu: "Not enough free GPUs",
  insufficient_cpu: "Not enough free CPU",
  insufficient_memory: "Not enough free memory",
  insufficient_storage: "Not enough free storage",
  paused: "Bidding paused",
  gaming: "Gaming mode",
  outside_schedule: "Quiet hours",
  tenant_denied: "Tenant denied",
  tenant_not_allowed: "Tenant not on allow list",
  max_concurrent_bids: "Too many open bids",
  collateral_insufficient: "Not enough collateral",
  max_price_below_floor: "Pays below your floor",
  below_minimum_price: "Below your minimum",
  reservation_refused: "Capacity taken meanwhile",
};

/** Every reason code, in the engine's order (the Record above is checked complete against the contract's type). */
export const REASON_CODES = Object.keys(REASON_LABELS) as ReasonCode[];

export function reasonLabel(code: string | null): string {
  return code !== null && Object.hasOwn(REASON_LABELS, code) ? REASON_LABELS[code as ReasonCode] : (code ?? "");
}

/** Settings under these prefixes are edited on the Pricing page (the desktop reserve has its card there). */
const PRICING_PREFIXES = ["pricing.", "cost.", "policies.", "paused", "hardware.reserve"];

export function settingOnPricingPage(setting: string): boolean {
  return PRICING_PREFIXES.some((p) => setting === p || setting.startsWith(p));
}

export const TIME_RANGES = [
  { id: "1h", label: "Last hour", ms: 3_600_000 },
  { id: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { id: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { id: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
] as const;
export type TimeRangeId = (typeof TIME_RANGES)[number]["id"];

/** The `bidengine.decisions` query for the filters, `now` from the caller (testable). */
export function decisionQuery(filters: { outcome: "" | "bid" | "declined"; reason: "" | ReasonCode; range: TimeRangeId }, now: number) {
  const range = TIME_RANGES.find((r) => r.id === filters.range) ?? TIME_RANGES[1];
  return {
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(filters.reason ? { reason: filters.reason } : {}),
    // Rounded to the minute so that re-renders do not make a new query every millisecond.
    since: new Date(Math.floor((now - range.ms) / 60_000) * 60_000).toISOString(),
    limit: 200,
  };
}
