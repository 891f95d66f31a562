// Dollar labels for the earnings chart. Chart.js hands the axis floats (display only, never summed
// back); with a fixed two decimals a small day (a few cents of earnings) labels every tick "$0.01",
// so the axis shows as many decimals as its tick step needs: cents, down to µUSD.

/** Decimals that tell ticks `step` dollars apart: at least 2 (cents), at most 6 (µUSD). */
export function axisDecimals(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 2;
  // The small epsilon keeps float noise (0.0010000000000000009) from asking for one more decimal.
  return Math.min(6, Math.max(2, Math.ceil(-Math.log10(step) - 1e-6)));
}

/** 0.0015 → "$0.0015"; −0.5 → "−$0.50" (the sign before the $, as the rest of the UI writes it). */
export function axisDollars(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "";
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `\u2212$${text}` : `$${text}`;
}

/** A tooltip amount: cents, or four decimals for a non-zero amount under a cent. */
export function tooltipDollars(value: number): string {
  const abs = Math.abs(value);
  return axisDollars(abs, abs > 0 && abs < 0.01 ? 4 : 2);
}
