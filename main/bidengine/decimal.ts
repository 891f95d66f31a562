// Fixed-point decimals as bigint "atto" units (× 10^18): the precision of the chain's LegacyDec,
// which DecCoin amounts (order and bid prices) use. No floats anywhere in money arithmetic.

export const ATTO = 10n ** 18n;
const DECIMAL = /^(\d{1,40})(?:\.(\d{1,18}))?$/;

/** "1000.000000000000000000" → 1000n × 10^18. Throws a RangeError naming `what` on anything else. */
export function parseDec18(text: string, what = "decimal"): bigint {
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`${what}: ${JSON.stringify(text.slice(0, 60))} is not a non-negative decimal with at most 18 decimals`);
  const whole = match[1]!;
  const frac = (match[2] ?? "").padEnd(18, "0");
  return BigInt(whole) * ATTO + BigInt(frac);
}

/** 1000n × 10^18 → "1000.000000000000000000" (the chain's DecCoin text form). */
export function formatDec18(atto: bigint): string {
  if (atto < 0n) return `-${formatDec18(-atto)}`;
  const whole = atto / ATTO;
  const frac = (atto % ATTO).toString().padStart(18, "0");
  return `${whole}.${frac}`;
}

/** A short human form: at most `digits` decimals, trailing zeros trimmed ("420.5", "0.0021"). */
export function formatShort(atto: bigint, digits = 4): string {
  const negative = atto < 0n;
  const abs = negative ? -atto : atto;
  const unit = 10n ** BigInt(18 - digits);
  const rounded = (abs + unit / 2n) / unit;
  const scale = 10n ** BigInt(digits);
  const whole = rounded / scale;
  const frac = (rounded % scale).toString().padStart(digits, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/** Ceiling division for non-negative bigints: a floor is never rounded down. */
export function divCeil(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
