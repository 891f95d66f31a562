// Decimal strings from the contract (uact per block, USD) shortened for the screen without floats:
// the digits are cut, rounding half up, at a fixed number of decimals.

/** "604.166666666666666666" → "604.17" (digits = 2); "0.000012" → "0.00001" with digits 5. */
export function shortDecimal(text: string, digits: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign, whole, frac = ""] = match;
  const padded = frac.padEnd(digits + 1, "0");
  let kept = BigInt(whole! + padded.slice(0, digits));
  if (Number(padded[digits]) >= 5) kept += 1n;
  const str = kept.toString().padStart(digits + 1, "0");
  const intPart = digits === 0 ? str : str.slice(0, -digits);
  const fracPart = digits === 0 ? "" : str.slice(-digits);
  const isZero = kept === 0n;
  return `${sign && !isZero ? "-" : ""}${intPart}${fracPart ? `.${fracPart}` : ""}`;
}

/** "$4.35" with cents (or up to `digits` decimals, trailing zeros past the cents dropped); below a cent, enough digits to show something ("$0.000042"). */
export function formatUsd(text: string, digits = 2): string {
  const short = shortDecimal(text, digits).replace(/(\.\d\d\d*?)0+$/, "$1");
  if (!/^0\.0+$/.test(short) || /^0(\.0*)?$/.test(text)) return `$${short}`;
  const micro = shortDecimal(text, 6).replace(/0+$/, "");
  return micro.endsWith(".") ? `$${short}` : `$${micro}`;
}

/** uact per block with 2 decimals (what a block pays, ACT ≈ $1 → 1 uact = $0.000001). */
export function formatUactPerBlock(text: string): string {
  return `${shortDecimal(text, 2)} uact/block`;
}
