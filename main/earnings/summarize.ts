import type { EarningsBucket, Granularity } from "../../common/earnings-schemas";
import { bucketStart, bucketStarts } from "./buckets";
import type { LedgerRow } from "./ledger-repo";

// Folds ledger accruals and hourly electricity costs into buckets. Pure and linear in the input, so
// a year of hourly history (8,760 buckets) is summarised in milliseconds.

export interface CostPoint {
  startMs: number;
  usdMicro: bigint;
}

export interface Totals {
  earnedUact: bigint;
  earnedUakt: bigint;
  earnedUsdMicro: bigint;
  electricityUsdMicro: bigint;
}

export function summarize(rows: readonly LedgerRow[], costs: readonly CostPoint[], fromMs: number, toMs: number, granularity: Granularity): { buckets: EarningsBucket[]; totals: Totals } {
  const starts = bucketStarts(fromMs, toMs, granularity);
  const index = new Map(starts.map((s, i) => [s, i]));
  const acc = starts.map(() => ({ uact: 0n, uakt: 0n, usd: 0n, elec: 0n }));
  for (const row of rows) {
    if (row.kind !== "accrual" || row.atMs < fromMs || row.atMs >= toMs) continue;
    const slot = acc[index.get(bucketStart(row.atMs, granularity)) ?? -1];
    if (!slot) continue;
    slot.uact += row.amount;
    slot.uakt += row.uaktEquiv;
    slot.usd += row.usdMicro;
  }
  for (const cost of costs) {
    if (cost.startMs < fromMs || cost.startMs >= toMs) continue;
    const slot = acc[index.get(bucketStart(cost.startMs, granularity)) ?? -1];
    if (slot) slot.elec += cost.usdMicro;
  }
  const totals: Totals = { earnedUact: 0n, earnedUakt: 0n, earnedUsdMicro: 0n, electricityUsdMicro: 0n };
  const buckets = starts.map((start, i) => {
    const a = acc[i]!;
    totals.earnedUact += a.uact;
    totals.earnedUakt += a.uakt;
    totals.earnedUsdMicro += a.usd;
    totals.electricityUsdMicro += a.elec;
    return {
      start: new Date(start).toISOString(),
      earnedUact: a.uact.toString(),
      earnedUakt: a.uakt.toString(),
      earnedUsdMicro: a.usd.toString(),
      electricityUsdMicro: a.elec.toString(),
      netUsdMicro: (a.usd - a.elec).toString(),
    };
  });
  return { buckets, totals };
}
