// Display ⇄ base units for AKT/ACT (6 decimals). Exact: strings and bigints only, never floats, so
// "0.1" AKT is 100000 uakt and not 99999.99…

export const DECIMALS = 6;
const MAX_DIGITS = 30;

/** "1234500000" (uakt) → "1,234.5" (AKT). Anything that is not a base-unit integer comes back as is. */
export function formatBaseUnits(base: string, decimals = DECIMALS): string {
  if (!/^\d{1,60}$/u.test(base)) return base;
  const value = BigInt(base);
  const unit = 10n ** BigInt(decimals);
  const whole = (value / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  const frac = (value % unit).toString().padStart(decimals, "0").replace(/0+$/u, "");
  return frac ? `${whole}.${frac}` : whole;
}

export type ParsedAmount = { ok: true; base: string } | { ok: false; message: string };

/** "12.5" (AKT) → "12500000" (uakt). Refuses anything that is not a plain positive decimal. */
export function parseDisplayAmount(text: string, decimals = DECIMALS): ParsedAmount {
  const trimmed = text.trim().replace(/,/gu, "");
  if (trimmed === "") return { ok: false, message: "Enter an amount." };
  const match = /^(\d*)(?:\.(\d*))?$/u.exec(trimmed);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) return { ok: false, message: "Use digits and at most one decimal point, like 12.5." };
  const whole = match[1] ?? "";
  const frac = match[2] ?? "";
  if (frac.length > decimals) return { ok: false, message: `At most ${decimals} decimals.` };
  if (whole.length > MAX_DIGITS) return { ok: false, message: "That amount is too large." };
  const base = BigInt(`${whole || "0"}${frac.padEnd(decimals, "0")}`);
  if (base <= 0n) return { ok: false, message: "The amount must be more than zero." };
  return { ok: true, base: base.toString() };
}

/** Whether `a` ≤ `b`, both base-unit integer strings (false for anything malformed). */
export function notMoreThan(a: string, b: string): boolean {
  if (!/^\d+$/u.test(a) || !/^\d+$/u.test(b)) return false;
  return BigInt(a) <= BigInt(b);
}
