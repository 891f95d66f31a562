// Exact decimals for chain amounts: chain-sdk decodes DecCoin/LegacyDec as strings with up to 18
// fractional digits. They are held as bigint × 10^18 and never pass through a float.

export const DEC_SCALE = 10n ** 18n;

/** "12.5" → 12500000000000000000n; throws a clear error on anything that is not a decimal. */
export function parseDec(text: string): bigint {
  const match = /^(-?)(\d{1,40})(?:\.(\d{0,40}))?$/u.exec(text.trim());
  if (!match) throw new Error(`not a decimal number: ${JSON.stringify(text.slice(0, 60))}`);
  const frac = (match[3] ?? "").slice(0, 18).padEnd(18, "0");
  const value = BigInt(match[2]!) * DEC_SCALE + BigInt(frac);
  return match[1] === "-" ? -value : value;
}

/** A scaled decimal back to text, trailing zeros trimmed ("2.5", "3"). */
export function formatDec(value: bigint, maxFraction = 18): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / DEC_SCALE;
  const frac = (abs % DEC_SCALE).toString().padStart(18, "0").slice(0, maxFraction).replace(/0+$/u, "");
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/** Floor of a non-negative scaled decimal, as an integer. */
export function floorDec(value: bigint): bigint {
  return value >= 0n ? value / DEC_SCALE : -((-value + DEC_SCALE - 1n) / DEC_SCALE);
}

/** "0.123" USD → 123000 µUSD (floored); a tariff cost string from the hardware service. */
export function usdToMicro(text: string): bigint {
  return parseDec(text) / 10n ** 12n;
}

/** µUSD → "1.234567" for CSV and messages. */
export function microToUsd(micro: bigint): string {
  return formatDec(micro * 10n ** 12n, 6);
}

/** Base units of a 6-exponent token (uakt) × USD price (scaled decimal) → µUSD, floored. */
export function uaktToMicroUsd(uakt: bigint, priceUsd: bigint): bigint {
  return (uakt * priceUsd) / DEC_SCALE;
}

/** µUSD → uakt at a USD price per AKT (scaled decimal); 0 when there is no price. */
export function microUsdToUakt(micro: bigint, priceUsd: bigint): bigint {
  return priceUsd > 0n ? (micro * DEC_SCALE) / priceUsd : 0n;
}
