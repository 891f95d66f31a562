import type { CollateralRunway, ProviderState } from "../../../../common/status-schemas";

// Pure formatters for the status card. Amounts are integer strings in base units; no floats.

export const STATE_LABELS: Record<ProviderState, string> = {
  bidding: "Bidding",
  paused: "Paused",
  gaming: "Gaming mode",
  offline: "Offline",
};

const DENOMS: Record<string, string> = { uakt: "AKT", uact: "ACT" };

/** "11500000" uakt → "11.5 AKT"; an unknown denom stays in base units. At most 6 decimals, trimmed. */
export function formatBaseAmount(amount: string, denom: string): string {
  if (!/^\d{1,40}$/.test(amount)) return `${amount} ${denom}`;
  const unit = DENOMS[denom];
  if (!unit) return `${amount} ${denom}`;
  const digits = amount.padStart(7, "0");
  const whole = digits.slice(0, -6).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = digits.slice(-6).replace(/0+$/, "");
  return `${whole}${frac ? `.${frac}` : ""} ${unit}`;
}

/** µUSD (signed) → "+$1.25" / "−$0.40", rounded to the cent half away from zero. */
export function formatMicroUsd(micro: string): string {
  const match = /^(-?)(\d{1,40})$/.exec(micro);
  if (!match) return "unknown";
  const value = BigInt(match[2]!);
  const cents = (value + 5_000n) / 10_000n;
  const sign = match[1] === "-" && cents > 0n ? "\u2212" : "+";
  return `${sign}$${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

/** The runway in one sentence a person can act on. */
export function runwaySentence(runway: CollateralRunway): string {
  const bids = `${runway.bidsCovered} more bid${runway.bidsCovered === 1 ? "" : "s"}`;
  if (runway.bidsCovered === 0) return "Not enough for another bid (deposit, fee and your kept reserve).";
  if (runway.days === null) return `Covers ${bids}; no bid fees were spent in the last 24 hours.`;
  const days = runway.days === 1 ? "1 day" : `${runway.days} days`;
  return `Covers ${bids}, about ${days} of fees at the last day's pace (${formatBaseAmount(runway.spentLastDay, runway.denom)}/day).`;
}
