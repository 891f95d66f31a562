import type { ProbeWindowStats } from "../../../../common/uptime-schemas";

/** 9995 bps → "99.95 %"; null (nothing measured) → "no data". Exact: no float rounding. */
export function formatBps(bps: number | null): string {
  if (bps === null) return "no data";
  const whole = Math.floor(bps / 100);
  const frac = String(bps % 100).padStart(2, "0");
  return `${whole}.${frac} %`;
}

/** 135 → "2 h 15 min", 45 → "45 min", 3000 → "2 d 2 h". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
}

/** One probe over one window, for a table cell: the percent, and what it rests on. */
export function windowCell(p: ProbeWindowStats): { main: string; sub: string } {
  const measured = p.upMinutes + p.downMinutes;
  if (measured === 0) return { main: "no data", sub: p.unknownMinutes > 0 ? "not applicable" : "" };
  return { main: formatBps(p.uptimeBps), sub: p.downMinutes > 0 ? `${formatMinutes(p.downMinutes)} down` : `of ${formatMinutes(measured)}` };
}
