// Display-only formatting of the contract's integer amounts. Amounts stay bigint until the last
// step, where they become text with a fixed number of decimals (never via float arithmetic on totals).

function fixed(micro: bigint, decimals: number): string {
  const negative = micro < 0n;
  const abs = negative ? -micro : micro;
  const scale = 10n ** BigInt(6 - decimals);
  const rounded = (abs + scale / 2n) / scale;
  const unit = 10n ** BigInt(decimals);
  const whole = (rounded / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  const frac = decimals > 0 ? `.${(rounded % unit).toString().padStart(decimals, "0")}` : "";
  return `${negative && rounded > 0n ? "−" : ""}${whole}${frac}`;
}

/** µUSD → "$1,234.56" (or "−$0.44"). */
export function usd(micro: string | bigint, decimals = 2): string {
  const value = BigInt(micro);
  const text = fixed(value, decimals);
  return text.startsWith("−") ? `−$${text.slice(1)}` : `$${text}`;
}

/** uact or uakt (6 decimals) → "1.234567 ACT". */
export function token(base: string | bigint, symbol: "ACT" | "AKT", decimals = 2): string {
  return `${fixed(BigInt(base), decimals)} ${symbol}`;
}

/** µUSD → a float in dollars, for chart axes only (display, never summed back). */
export function dollars(micro: string): number {
  return Number(BigInt(micro)) / 1_000_000;
}

export type Period = "week-hourly" | "month-daily" | "quarter-weekly" | "year-monthly" | "year-hourly";

export const PERIODS: { id: Period; label: string }[] = [
  { id: "week-hourly", label: "Last 7 days, by hour" },
  { id: "month-daily", label: "Last 30 days, by day" },
  { id: "quarter-weekly", label: "Last 12 weeks, by week" },
  { id: "year-monthly", label: "Last 12 months, by month" },
  { id: "year-hourly", label: "Last 12 months, by hour" },
];

/** The query for a period ending now. */
export function periodQuery(period: Period, now: Date): { from: string; to: string; granularity: "hour" | "day" | "week" | "month" } {
  const to = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  const days = { "week-hourly": 7, "month-daily": 30, "quarter-weekly": 84, "year-monthly": 365, "year-hourly": 365 }[period];
  const granularity = ({ "week-hourly": "hour", "month-daily": "day", "quarter-weekly": "week", "year-monthly": "month", "year-hourly": "hour" } as const)[period];
  return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString(), granularity };
}

/** Today in UTC (the ledger's day boundary) up to the next hour. */
export function todayQuery(now: Date): { from: string; to: string; granularity: "day" } {
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(from).toISOString(), to: new Date(from + 86_400_000).toISOString(), granularity: "day" };
}
