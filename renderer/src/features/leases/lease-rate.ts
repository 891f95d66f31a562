import { shortDecimal } from "../pricing/format-amount";
import { usd } from "../earnings/format-money";

// A lease's price per block as the owner reads it: the chain's uact/block and what that makes in
// an hour. Decimal strings become scaled bigints, never floats; ACT is taken at $1 (1 uact = 1 µUSD),
// which is what the Pricing page and the earnings ledger assume too.

const SCALE = 10n ** 18n;
const HOUR_MS = 3_600_000n;

/** The Akash default: 6 s blocks, about 600 blocks an hour. */
export const DEFAULT_BLOCK_TIME_MS = 6_000;

/** "604.166666666666666667" → 604166666666666666667n (18 decimals); null when it is not a plain decimal. */
export function parseDec18(text: string): bigint | null {
  const match = /^(\d{1,30})(?:\.(\d{1,18}))?$/u.exec(text);
  if (!match) return null;
  return BigInt(match[1]!) * SCALE + BigInt((match[2] ?? "").padEnd(18, "0"));
}

/** What a price per block in uact makes in an hour, in µUSD (rounded half up); null for another denom or a bad input. */
export function microUsdPerHour(amount: string, denom: string, blockTimeMs: number): bigint | null {
  if (denom !== "uact" || !Number.isInteger(blockTimeMs) || blockTimeMs <= 0) return null;
  const perBlock = parseDec18(amount);
  if (perBlock === null) return null;
  const divisor = BigInt(blockTimeMs) * SCALE;
  return (perBlock * HOUR_MS + divisor / 2n) / divisor;
}

/** "604.17 uact/block" (or the denom it is priced in). */
export function formatRate(amount: string, denom: string): string {
  return `${shortDecimal(amount, 2)} ${denom}/block`;
}

/** "$0.36/h"; below a dollar an hour there are four decimals so small leases do not read as $0.00. */
export function formatPerHour(micro: bigint): string {
  return `${usd(micro, micro < 1_000_000n ? 4 : 2)}/h`;
}

/** "600 blocks/h (6 s blocks)": says which block time the $/h figures use. */
export function blockTimeNote(blockTimeMs: number): string {
  const perHour = Math.round(3_600_000 / blockTimeMs);
  const seconds = Math.round(blockTimeMs / 100) / 10;
  return `${perHour.toLocaleString("en-US")} blocks/h (${seconds} s blocks)`;
}
