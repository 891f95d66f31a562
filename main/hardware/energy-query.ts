import type { EnergyReport, Tariff } from "../../common/hardware-schemas";
import type { Db } from "../store/database";
import { OffsetTimeline, bandIndexAt, formatMicros, priceToMicros } from "./tariff";
import { ALL_CHANNELS, DAY_MS, HOUR_MS, MINUTE_MS, type TelemetryStore } from "./telemetry-store";

// Energy and its cost over any period, split into "serving leases" and "idle" by ONE statement over
// the telemetry joined with the bid engine's lease intervals: no second bookkeeping.
//
// - Each instant is read from exactly one resolution (hours before hourDone, minutes before
//   minuteDone, raw samples after). The statement has three parts:
//     a  whole hours inside the period, all channels summed ("*" rows): per-hour totals for buckets;
//     f  per-channel rows at the edges (partial hours) and the finer levels after hourDone;
//     s  the serving share of every bucket a lease touched, joined from the (few) lease intervals.
//   A second, index-ordered statement sums each channel's whole hours by UTC hour of the week (per
//   offset segment), for per-channel energy and time-of-use cost without sorting every hour.
// - A bucket only partly inside the period, or partly covered by leases, counts pro rata (power is
//   taken as even across a bucket: the split of old, hourly data is as fine as an hour). Overlapping
//   leases on one channel never count a bucket twice (they are merged into islands first).
// - Hours map to local days and tariff bands with the UTC offset in force at their start (DST).

const J_PER_KWH = 3_600_000;
const J_PER_WH = 3_600;
const FAR_FUTURE = 8_640_000_000_000_000;
const LEASE_END = `IFNULL(l.end_ms, ${FAR_FUTURE})`;

// Most buckets lie wholly inside the period: skip the pro-rata arithmetic for them.
const PART = `CASE WHEN s >= @from AND e <= @to THEN energy ELSE energy * (MIN(e, @to) - MAX(s, @from)) * 1.0 / (e - s) END`;

function leasedRows(table: string, len: number, lo: string, hi: string): string {
  return `SELECT b.channel, b.start_ms AS s, b.start_ms + ${len} AS e, b.energy_j AS energy, l.ls, l.le
    FROM merged l CROSS JOIN ${table} b
    ON b.start_ms BETWEEN MAX(${lo}, @from - ${len - 1}, l.ls - ${len - 1}) AND MIN(${hi}, @to, l.le) - 1
    AND +b.channel = l.channel`;
}

/** Offset segments one run of the statements tells apart (a three-year query in a DST zone has seven). */
const MAX_SEGMENTS = 8;

function energySql(segments: number): string {
  return `
WITH
fine (channel, s, e, energy) AS (
  SELECT channel, start_ms, start_ms + ${HOUR_MS}, energy_j FROM hw_power_hour
   WHERE start_ms >= @from - ${HOUR_MS - 1} AND start_ms < MIN(@fullFrom, @hourDone, @to) AND channel <> '${ALL_CHANNELS}'
  UNION ALL
  SELECT channel, start_ms, start_ms + ${HOUR_MS}, energy_j FROM hw_power_hour
   WHERE start_ms >= MAX(@fullTo, @fullFrom) AND start_ms < MIN(@hourDone, @to) AND channel <> '${ALL_CHANNELS}'
  UNION ALL
  SELECT channel, start_ms, start_ms + ${MINUTE_MS}, energy_j FROM hw_power_minute
   WHERE start_ms >= MAX(@hourDone, @from - ${MINUTE_MS - 1}) AND start_ms < MIN(@minuteDone, @to)
  UNION ALL
  -- Raw samples stand for (ts − duration, ts]; they are read where ts > minuteDone.
  SELECT channel, ts_ms - duration_ms, ts_ms, watts * duration_ms / 1000.0 FROM hw_power_raw
   WHERE ts_ms > MAX(@minuteDone, @from) AND ts_ms < @to + ${HOUR_MS} AND ts_ms - duration_ms < @to
),
-- Lease intervals merged per channel (overlapping leases become one island), so a bucket's overlaps
-- with them add up without ever counting the same time twice.
ordered AS (
  SELECT channel, start_ms AS ls, ${LEASE_END} AS le,
    MAX(${LEASE_END}) OVER (PARTITION BY channel ORDER BY start_ms ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end
  FROM hw_lease_intervals l WHERE l.start_ms < @to AND ${LEASE_END} > @from
),
islands AS (
  SELECT channel, ls, le, SUM(CASE WHEN before_end >= ls THEN 0 ELSE 1 END) OVER (PARTITION BY channel ORDER BY ls ROWS UNBOUNDED PRECEDING) AS island
  FROM ordered
),
merged AS MATERIALIZED (SELECT channel, MIN(ls) AS ls, MAX(le) AS le FROM islands GROUP BY channel, island),
leased AS (
  ${leasedRows("hw_power_hour", HOUR_MS, "-1", "@hourDone")}
  UNION ALL
  ${leasedRows("hw_power_minute", MINUTE_MS, "@hourDone", "@minuteDone")}
  UNION ALL
  SELECT r.channel, r.ts_ms - r.duration_ms, r.ts_ms, r.watts * r.duration_ms / 1000.0, l.ls, l.le
    FROM merged l CROSS JOIN hw_power_raw r
    ON r.ts_ms BETWEEN MAX(@minuteDone + 1, @from + 1, l.ls + 1) AND MIN(@to, l.le) + ${HOUR_MS}
    AND +r.channel = l.channel AND r.ts_ms - r.duration_ms < MIN(@to, l.le)
),
pieces (kind, channel, at, energy) AS (
  SELECT 'a', NULL, start_ms, energy_j FROM hw_power_hour
   WHERE start_ms >= @fullFrom AND start_ms < @fullTo AND channel = '${ALL_CHANNELS}'
  UNION ALL
  SELECT 'f', channel, MAX(s, @from), ${PART} FROM fine WHERE MIN(e, @to) > MAX(s, @from)
  UNION ALL
  SELECT 's', channel, MAX(s, @from), energy * (MIN(e, @to, le) - MAX(s, @from, ls)) * 1.0 / (e - s) FROM leased WHERE MIN(e, @to, le) > MAX(s, @from, ls)
),
-- The UTC offset in force at each piece: segments start at @b1…@b7 with offsets @o0…@o7.
located AS (
  SELECT kind, channel, at, energy,
    ${segments === 1 ? "@o0" : `CASE ${Array.from({ length: segments - 1 }, (_, i) => `WHEN at < @b${i + 1} THEN @o${i}`).join(" ")} ELSE @o${segments - 1} END`} AS off
  FROM pieces
)
-- Summed per (kind, channel, bucket, tariff band): bucket = 0 (whole period), the UTC hour, or the local day.
SELECT kind, channel,
  CASE @unit WHEN 0 THEN 0 WHEN ${HOUR_MS} THEN at / ${HOUR_MS} ELSE (at + off) / ${DAY_MS} END AS bucket,
  unicode(substr(@bands, ((at + off) / ${HOUR_MS} + 96) % 168 + 1, 1)) - 48 AS band,
  MIN(off) AS off, SUM(energy) AS energy
FROM located GROUP BY kind, channel, bucket, band`;
}

// Whole hours per channel and UTC hour of the week, in index order (no sort), one sum per offset
// segment (@b1… are the segments' starts).
function channelWeekSql(segments: number): string {
  const sums = Array.from({ length: segments }, (_, i) => {
    const conditions = [i > 0 ? `(start_ms >= @b${i})` : "", i < segments - 1 ? `(start_ms < @b${i + 1})` : ""].filter(Boolean);
    return `SUM(${["energy_j", ...conditions].join(" * ")}) AS e${i}`;
  });
  return `SELECT channel, hour_of_week AS x, ${sums.join(", ")}
FROM hw_power_hour INDEXED BY hw_power_hour_by_week
WHERE channel > '${ALL_CHANNELS}' AND start_ms >= @fullFrom AND start_ms < @fullTo
GROUP BY channel, hour_of_week`;
}

export interface EnergyRequest {
  fromMs: number;
  toMs: number;
  groupBy: "none" | "hour" | "day";
}

/** kind ("a" all channels, "f" one channel, "s" its serving share), channel, bucket key, band, UTC offset, joules. */
type RawRow = ["a" | "f" | "s", string | null, number, number, number, number];

interface Acc {
  energy: number;
  serving: number;
  costMicros: number;
  servingCostMicros: number;
}

const empty = (): Acc => ({ energy: 0, serving: 0, costMicros: 0, servingCostMicros: 0 });

/** Price (micro-units per kWh) of each local hour of the week, Sunday 00:00 = 0. */
export function weekPrices(tariff: Tariff | null): Float64Array {
  const prices = new Float64Array(168);
  if (!tariff) return prices;
  if (tariff.kind === "flat") return prices.fill(priceToMicros(tariff.pricePerKwh));
  const bandPrices = tariff.bands.map((band) => priceToMicros(band.pricePerKwh));
  const fallback = priceToMicros(tariff.defaultPricePerKwh);
  for (let h = 0; h < 168; h++) {
    const band = bandIndexAt(tariff.bands, h);
    prices[h] = band < 0 ? fallback : bandPrices[band]!;
  }
  return prices;
}

type Statements = { energy: ReturnType<Db["prepare"]>; channelWeek: ReturnType<Db["prepare"]> };
const statements = new WeakMap<Db, Map<number, Statements>>();

/** The statements for a number of offset segments, prepared once per database. */
function statementsFor(db: Db, segments: number): Statements {
  let byCount = statements.get(db);
  if (!byCount) statements.set(db, (byCount = new Map()));
  let stmts = byCount.get(segments);
  // Rows come back as arrays: thousands of small objects cost more than the query.
  if (!stmts) byCount.set(segments, (stmts = { energy: db.prepare(energySql(segments)).raw(true), channelWeek: db.prepare(channelWeekSql(segments)) }));
  return stmts;
}

export function queryEnergy(db: Db, telemetry: TelemetryStore, request: EnergyRequest, tariff: Tariff | null): EnergyReport {
  const { fromMs, toMs, groupBy } = request;
  const state = telemetry.state();
  const prices = weekPrices(tariff);
  // The week as a string of band indexes (one character per hour) for SQL, and each band's price.
  const bandPrices = [...new Set(prices)];
  const week = Array.from(prices, (p) => String.fromCharCode(48 + bandPrices.indexOf(p))).join("");
  const timeline = new OffsetTimeline(tariff?.timeZone ?? "UTC", fromMs, toMs);

  const total = empty();
  const channels = new Map<string, Acc>();
  const buckets = new Map<number, Acc>();
  const add = (acc: Acc, energy: number, serving: number, price: number) => {
    acc.energy += energy;
    acc.serving += serving;
    acc.costMicros += (energy / J_PER_KWH) * price;
    acc.servingCostMicros += (serving / J_PER_KWH) * price;
  };

  const ints = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, BigInt(Math.round(v))]));
  const unit = groupBy === "hour" ? HOUR_MS : groupBy === "day" ? DAY_MS : 0;
  const dayStarts = new Map<number, number>();
  const bucketStart = (key: number, offset: number): number => {
    if (unit === 0) return fromMs;
    if (unit === HOUR_MS) return key * HOUR_MS;
    let start = dayStarts.get(key);
    if (start === undefined) dayStarts.set(key, (start = localDayStart(timeline, key * DAY_MS, offset)));
    return start;
  };

  const segments = timeline.segments(fromMs, toMs);
  for (let first = 0; first < segments.length; first += MAX_SEGMENTS) {
    const chunk = segments.slice(first, first + MAX_SEGMENTS);
    const stmts = statementsFor(db, chunk.length);
    const from = chunk[0]!.from;
    const to = chunk[chunk.length - 1]!.to;
    const fullFrom = Math.ceil(from / HOUR_MS) * HOUR_MS;
    const fullTo = Math.max(fullFrom, Math.min(Math.floor(to / HOUR_MS) * HOUR_MS, state.hourDone));
    const seg: Record<string, number> = {};
    chunk.forEach((segment, i) => {
      seg[`o${i}`] = segment.offset;
      if (i > 0) seg[`b${i}`] = segment.from;
    });
    // BigInt binds as INTEGER: integer arithmetic in SQLite is exact and about twice as fast here.
    const energyRows = stmts.energy.all({ ...ints({ from, to, fullFrom, fullTo, hourDone: state.hourDone, minuteDone: state.minuteDone, unit, ...seg }), bands: week }) as RawRow[];
    for (const [kind, channel, key, band, offset, rawEnergy] of energyRows) {
      const value = Math.max(0, rawEnergy);
      const price = bandPrices[band] ?? 0;
      const bucket = getOr(buckets, bucketStart(key, offset));
      if (kind === "a") {
        add(total, value, 0, price);
        add(bucket, value, 0, price);
      } else {
        const [energy, serving] = kind === "f" ? [value, 0] : [0, value];
        add(total, energy, serving, price);
        add(bucket, energy, serving, price);
        add(getOr(channels, channel!), energy, serving, price);
      }
    }
    // Per channel: whole hours summed by UTC hour of the week, apart per offset segment.
    const bounds: Record<string, number> = { fullFrom, fullTo };
    for (let i = 1; i < chunk.length; i++) bounds[`b${i}`] = seg[`b${i}`]!;
    for (const row of stmts.channelWeek.all(ints(bounds)) as Record<string, number | string>[]) {
      const acc = getOr(channels, row.channel as string);
      chunk.forEach((segment, i) => {
        const energy = Math.max(0, Number(row[`e${i}`]));
        if (energy > 0) add(acc, energy, 0, prices[mod(Number(row.x) + Math.floor(segment.offset / HOUR_MS), 168)]!);
      });
    }
  }

  const money = (micros: number) => (tariff ? formatMicros(micros) : null);
  const split = (a: Acc) => {
    const serving = Math.min(a.serving, a.energy);
    return { energyWh: round3(a.energy / J_PER_WH), servingWh: round3(serving / J_PER_WH), idleWh: round3((a.energy - serving) / J_PER_WH) };
  };
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    currency: tariff?.currency ?? null,
    total: {
      ...split(total),
      cost: money(total.costMicros),
      servingCost: money(total.servingCostMicros),
      idleCost: money(Math.round(total.costMicros) - Math.round(total.servingCostMicros)),
    },
    channels: [...channels].sort(([a], [b]) => a.localeCompare(b)).map(([channel, a]) => ({ channel, ...split(a), cost: money(a.costMicros) })),
    buckets: [...buckets].sort(([a], [b]) => a - b).map(([start, a]) => ({ start: new Date(Math.max(start, fromMs)).toISOString(), ...split(a), cost: money(a.costMicros) })),
  };
}

/** The UTC instant of a local midnight, with the offset in force at that midnight (DST changes happen later in the day). */
function localDayStart(timeline: OffsetTimeline, localMidnight: number, offsetNow: number): number {
  return localMidnight - timeline.offsetAt(localMidnight - offsetNow);
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function getOr<K>(map: Map<K, Acc>, key: K): Acc {
  let acc = map.get(key);
  if (!acc) map.set(key, (acc = empty()));
  return acc;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
