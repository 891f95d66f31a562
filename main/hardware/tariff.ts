import { UsdPerUnit, type Tariff, type TariffBand } from "../../common/hardware-schemas";

// Electricity prices: a flat price or time-of-use bands (weekday/hour in the tariff's time zone).
// Prices become integer micro-units of the currency per kWh, so sums are exact until the final rounding.

const WEEK_MS = 7 * 86_400_000;

/** "0.2875" → 287500 (micro-units per kWh). */
export function priceToMicros(price: string): number {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(price);
  if (!match) throw new Error(`not a price: "${price}"`);
  return Number(match[1]) * 1_000_000 + Number((match[2] ?? "").padEnd(6, "0"));
}

/** Integer micro-units → "12.345678" (trailing zeros trimmed to two decimals). */
export function formatMicros(micros: number): string {
  const sign = micros < 0 ? "-" : "";
  const abs = BigInt(Math.abs(Math.round(micros)));
  const whole = abs / 1_000_000n;
  const frac = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${sign}${whole}.${frac}`;
}

/**
 * UTC offsets of a time zone over a span, found with one Intl lookup per week plus a binary search
 * around each change (DST), so a year of hourly buckets needs ~70 lookups, not 8760.
 */
export class OffsetTimeline {
  private readonly starts: number[] = [];
  private readonly offsets: number[] = [];
  private readonly format: Intl.DateTimeFormat | null;

  constructor(
    timeZone: string,
    fromMs: number,
    toMs: number,
  ) {
    this.format = timeZone === "UTC" || timeZone === "Etc/UTC" ? null : new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    const first = Math.floor(fromMs / 3_600_000) * 3_600_000;
    let prevAt = first;
    let prev = this.lookup(first);
    this.push(first, prev);
    // Zones change offset at most a few times a year, never twice in a week: look weekly, then bisect.
    for (let t = first + WEEK_MS; ; t += WEEK_MS) {
      const at = Math.min(t, toMs + WEEK_MS);
      const off = this.lookup(at);
      if (off !== prev) {
        // The change lies in (prevAt, at]: narrow it to the hour.
        let lo = prevAt;
        let hi = at;
        while (hi - lo > 3_600_000) {
          const mid = lo + Math.floor((hi - lo) / 7_200_000) * 3_600_000;
          if (this.lookup(mid) === prev) lo = mid;
          else hi = mid;
        }
        this.push(hi, off);
        prev = off;
      }
      prevAt = at;
      if (at >= toMs + WEEK_MS) break;
    }
  }

  /** [from, to) cut where the offset changes, each piece with its offset. */
  segments(fromMs: number, toMs: number): { from: number; to: number; offset: number }[] {
    const out: { from: number; to: number; offset: number }[] = [];
    let start = fromMs;
    for (let i = 0; i < this.starts.length; i++) {
      const next = this.starts[i + 1] ?? Number.POSITIVE_INFINITY;
      if (next <= start) continue;
      const end = Math.min(next, toMs);
      if (end > start) out.push({ from: start, to: end, offset: this.offsets[i]! });
      start = end;
      if (start >= toMs) break;
    }
    return out;
  }

  /** Offset in ms to add to UTC to get local wall-clock time. */
  offsetAt(utcMs: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= utcMs) lo = mid;
      else hi = mid - 1;
    }
    return this.offsets[lo]!;
  }

  private push(start: number, offset: number): void {
    this.starts.push(start);
    this.offsets.push(offset);
  }

  private lookup(utcMs: number): number {
    if (!this.format) return 0;
    const parts: Record<string, number> = {};
    for (const p of this.format.formatToParts(new Date(utcMs))) if (p.type !== "literal") parts[p.type] = Number(p.value);
    const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
    return local - Math.floor(utcMs / 60_000) * 60_000;
  }
}

/**
 * The band that prices a local hour of the week (Sunday 00:00 = 0): the last one listed that covers it
 * (later bands win where they overlap); -1 outside every band. The one rule for "which band", used by
 * the energy report's week of prices and by `tariffAt`.
 */
export function bandIndexAt(bands: readonly TariffBand[], hourOfWeek: number): number {
  const day = Math.floor(hourOfWeek / 24);
  const hour = hourOfWeek % 24;
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i]!;
    if (hour >= b.fromHour && hour < b.toHour && b.days.includes(day)) return i;
  }
  return -1;
}

/** The tariff's price at one instant, as the owner set it (in the tariff's currency). */
export interface TariffPriceAt {
  pricePerKwh: string;
  /** The time-of-use band in force; null for a flat tariff or outside every band (the default price). */
  band: { index: number; band: TariffBand } | null;
  /** The local hour of the week in the tariff's time zone, Sunday 00:00 = 0. */
  localHourOfWeek: number;
}

/** The price per kWh in force at `utcMs`: for time of use, the band of that hour in the tariff's zone. */
export function tariffAt(tariff: Tariff, utcMs: number): TariffPriceAt {
  const local = new Date(utcMs + new OffsetTimeline(tariff.timeZone, utcMs, utcMs).offsetAt(utcMs));
  const localHourOfWeek = local.getUTCDay() * 24 + local.getUTCHours();
  if (tariff.kind === "flat") return { pricePerKwh: tariff.pricePerKwh, band: null, localHourOfWeek };
  const index = bandIndexAt(tariff.bands, localHourOfWeek);
  if (index < 0) return { pricePerKwh: tariff.defaultPricePerKwh, band: null, localHourOfWeek };
  const band = tariff.bands[index]!;
  return { pricePerKwh: band.pricePerKwh, band: { index, band }, localHourOfWeek };
}

/**
 * The owner's exchange rate for a tariff's currency, as they set it: "1" for USD, the rate for another
 * currency, or null when it has none usable (a tariff stored before rates existed). The one rule the
 * earnings figures and the bid engine's cost floor both follow.
 */
export function usdRateOf(tariff: { currency: string; usdPerUnit?: string | undefined }): string | null {
  if (tariff.currency === "USD") return "1";
  return tariff.usdPerUnit !== undefined && UsdPerUnit.safeParse(tariff.usdPerUnit).success ? tariff.usdPerUnit : null;
}
