import type { GpuReclaimImpact } from "../../../../common/serving-schemas";
import { formatBaseAmount } from "./format-status";

// Pure formatters for the gaming-mode confirmation: which GPU leases run now and what closing them
// would stop. Amounts are integer strings in base units; everything here is exact (bigint, no floats).

const DIGITS = /^\d{1,40}$/u;

/** "akash1qqqq…wxyz": enough of a bech32 address to tell tenants apart on one line. */
export function shortAddress(address: string): string {
  if (address.length <= 20) return address;
  return `${address.slice(0, 12)}\u2026${address.slice(-6)}`;
}

/**
 * uact is pegged at 1 ACT = $1, so 1 uact = 1 µUSD: "360000" → "$0.36", "3600" → "$0.0036".
 * Exact to the µUSD (at least the cents shown, further digits only when they are not zero).
 */
export function formatUactAsUsd(amount: string): string {
  if (!DIGITS.test(amount)) return "unknown";
  const micro = BigInt(amount);
  const whole = (micro / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = (micro % 1_000_000n).toString().padStart(6, "0").replace(/0+$/u, "").padEnd(2, "0");
  return `$${whole}.${frac}`;
}

/** "360000" uact → "0.36 ACT (≈ $0.36)"; other denoms in their own unit, without a dollar guess. */
export function formatAmountWithUsd(amount: string, denom: string): string {
  const tokens = formatBaseAmount(amount, denom);
  return denom === "uact" && DIGITS.test(amount) ? `${tokens} (\u2248 ${formatUactAsUsd(amount)})` : tokens;
}

export interface ImpactRow {
  /** Stable React key: the lease id. */
  key: string;
  /** "dseq 123 · group 1 · order 1" */
  lease: string;
  /** The tenant, shortened; `ownerFull` keeps the whole address for a tooltip. */
  owner: string;
  ownerFull: string;
  gpus: string;
  /** What stops coming in per hour once this lease is closed. */
  perHour: string;
  /** Earned and not yet withdrawn: closing pays it out. */
  accrued: string;
}

export interface ImpactView {
  rows: ImpactRow[];
  /** GPUs the listed leases use, together. */
  gpus: number;
  /** The per-hour totals, one per denom ("0.36 ACT (≈ $0.36) per hour"); empty when nothing is lost. */
  totals: string[];
}

export function describeReclaimImpact(impact: GpuReclaimImpact): ImpactView {
  const rows = impact.leases.map((l) => ({
    key: `${l.owner}/${l.dseq}/${l.gseq}/${l.oseq}`,
    lease: `dseq ${l.dseq} \u00b7 group ${l.gseq} \u00b7 order ${l.oseq}`,
    owner: shortAddress(l.owner),
    ownerFull: l.owner,
    gpus: l.gpus === 1 ? "1 GPU" : `${l.gpus} GPUs`,
    perHour: `${formatAmountWithUsd(l.lostPerHour, l.denom)} per hour`,
    accrued: formatAmountWithUsd(l.accrued, l.denom),
  }));
  const gpus = impact.leases.reduce((sum, l) => sum + l.gpus, 0);
  const totals = impact.lostPerHour.filter((t) => t.amount !== "0").map((t) => `${formatAmountWithUsd(t.amount, t.denom)} per hour`);
  return { rows, gpus, totals };
}

/**
 * What the switch really does, as the engine implements it: the manual switch counts as "the owner
 * is gaming", which declines new orders only while the "No new bids while I play" policy is on. It
 * never stops, closes or frees a running lease.
 */
export function gamingModeEffect(pauseWhileGaming: boolean): string {
  const bids = pauseWhileGaming
    ? "Gaming mode stops new bids: no new lease will be won while it is on."
    : "\u201cNo new bids while I play\u201d is off in your bidding rules, so gaming mode will not stop new bids either.";
  return `${bids} It does not close or pause running leases: they keep running on your GPU until you or the tenant close them.`;
}
