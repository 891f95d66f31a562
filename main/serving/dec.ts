// Cosmos LegacyDec strings ("12.500000000000000000") as bigint atto units (10^-18), and back to
// whole base units. Amounts never become floats.

export const ATTO = 10n ** 18n;
const DEC = /^(\d{1,60})(?:\.(\d{1,18}))?$/u;

export function parseAtto(text: string): bigint {
  const match = DEC.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal amount: "${text.slice(0, 40)}"`);
  return BigInt(match[1]!) * ATTO + BigInt((match[2] ?? "").padEnd(18, "0"));
}

/** Whole base units, rounded down (what a withdrawal pays out). */
export function floorUnits(atto: bigint): bigint {
  return atto / ATTO;
}
