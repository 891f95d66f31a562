// Cosmos LegacyDec arithmetic on bigint: a value is an integer scaled by 10^18. Amounts never become
// floats: escrow balances, rates and oracle prices are all decimal strings on the chain.
export const DEC_PLACES = 18n;
export const DEC_ONE = 10n ** DEC_PLACES;

const DEC_PATTERN = /^(\d{1,60})(?:\.(\d{1,18}))?$/;
const INT_PATTERN = /^\d{1,60}$/;

/** Parses a non-negative decimal string ("12", "12.5", "12.500000000000000000") into scaled units. */
export function parseDec(text: string): bigint {
  const match = DEC_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`invalid decimal "${text}"`);
  const whole = BigInt(match[1] ?? "0");
  const frac = (match[2] ?? "").padEnd(Number(DEC_PLACES), "0");
  return whole * DEC_ONE + BigInt(frac);
}

/** Formats scaled units as the chain prints a LegacyDec: always 18 fractional digits. */
export function formatDec(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / DEC_ONE;
  const frac = (abs % DEC_ONE).toString().padStart(Number(DEC_PLACES), "0");
  return `${negative ? "-" : ""}${whole}.${frac}`;
}

export function decFromInt(value: bigint): bigint {
  return value * DEC_ONE;
}

/** Integer part (floor for non-negative values), as the escrow module truncates payouts. */
export function decFloor(value: bigint): bigint {
  return value / DEC_ONE;
}

export function decMul(a: bigint, b: bigint): bigint {
  return (a * b) / DEC_ONE;
}

export function decDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError("division by zero");
  return (a * DEC_ONE) / b;
}

/** Parses an sdk.Int amount ("12345"): digits only, no sign, no fraction. */
export function parseInt256(text: string): bigint {
  if (!INT_PATTERN.test(text)) throw new RangeError(`invalid integer amount "${text}"`);
  return BigInt(text);
}

export function isDec(text: string): boolean {
  return DEC_PATTERN.test(text.trim());
}
