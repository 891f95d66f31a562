import type { Granularity } from "../../common/earnings-schemas";

// Time buckets in UTC: hours, days, ISO weeks (Monday) and calendar months. UTC keeps buckets
// equal across machines and DST changes; the tariff's own local-time bands are applied by the
// hardware service before costs reach here.

export function bucketStart(ms: number, granularity: Granularity): number {
  const d = new Date(ms);
  switch (granularity) {
    case "hour":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
    case "day":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    case "week": {
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      return day - sinceMonday * 86_400_000;
    }
    case "month":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
}

export function nextBucket(start: number, granularity: Granularity): number {
  const d = new Date(start);
  switch (granularity) {
    case "hour":
      return start + 3_600_000;
    case "day":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    case "week":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 7);
    case "month":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
}

/** Every bucket start that overlaps [fromMs, toMs). */
export function bucketStarts(fromMs: number, toMs: number, granularity: Granularity): number[] {
  const out: number[] = [];
  for (let s = bucketStart(fromMs, granularity); s < toMs; s = nextBucket(s, granularity)) out.push(s);
  return out;
}
