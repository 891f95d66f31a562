// Kubernetes resource quantities ("7800m", "32795936Ki", "1.5Gi", "2e3") → integers, exactly (bigint
// arithmetic, no floats). Anything malformed is an error, not a NaN.

const SUFFIX: Record<string, [bigint, bigint]> = {
  // suffix → numerator, denominator
  "": [1n, 1n],
  n: [1n, 1_000_000_000n],
  u: [1n, 1_000_000n],
  m: [1n, 1000n],
  k: [1000n, 1n],
  M: [1000n ** 2n, 1n],
  G: [1000n ** 3n, 1n],
  T: [1000n ** 4n, 1n],
  P: [1000n ** 5n, 1n],
  E: [1000n ** 6n, 1n],
  Ki: [1024n, 1n],
  Mi: [1024n ** 2n, 1n],
  Gi: [1024n ** 3n, 1n],
  Ti: [1024n ** 4n, 1n],
  Pi: [1024n ** 5n, 1n],
  Ei: [1024n ** 6n, 1n],
};

const QUANTITY = /^([+-]?)(\d+)(?:\.(\d+))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d{1,3}))?$/;

/** The quantity multiplied by `scale` (1000 for millicores), rounded down. */
export function parseQuantity(text: string, scale = 1n): bigint {
  const match = QUANTITY.exec(text.trim());
  if (!match) throw new Error(`not a Kubernetes quantity: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = "", suffix = "", exponent] = match;
  let numerator = BigInt(whole! + fraction) * scale;
  let denominator = 10n ** BigInt(fraction.length);
  if (exponent !== undefined) {
    const e = BigInt(exponent);
    if (e >= 0n) numerator *= 10n ** e;
    else denominator *= 10n ** -e;
  } else {
    const [num, den] = SUFFIX[suffix]!;
    numerator *= num;
    denominator *= den;
  }
  const value = numerator / denominator;
  return sign === "-" ? -value : value;
}

/** A quantity as a non-negative safe integer (what the schemas carry); 0 when absent. */
export function quantityNumber(text: string | undefined, scale = 1n): number {
  if (text === undefined) return 0;
  const value = parseQuantity(text, scale);
  if (value < 0n) return 0;
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}
