// Exact decimal arithmetic for fees: gas prices like "0.025" and multipliers like "1.3" are parsed
// into integer fractions, never floats.

export interface Fraction {
  num: bigint;
  den: bigint;
}

export function parseDecimal(text: string): Fraction {
  const match = /^(\d{1,30})(?:\.(\d{1,18}))?$/u.exec(text.trim());
  if (!match) throw new Error(`not a non-negative decimal: ${JSON.stringify(text)}`);
  const frac = match[2] ?? "";
  return { num: BigInt(match[1]! + frac), den: 10n ** BigInt(frac.length) };
}

/** ceil(value × fraction) for a non-negative integer value. */
export function mulCeil(value: bigint, f: Fraction): bigint {
  const product = value * f.num;
  return (product + f.den - 1n) / f.den;
}
