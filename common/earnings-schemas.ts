import { z } from "zod";

// Earnings contract: the ledger reconciled with the chain, electricity against it, break-even and the
// tax export. Amounts are integer strings in base units (uact, uakt); USD figures are integer strings
// in micro-dollars (µUSD, 1 USD = 1,000,000) so nothing is ever a float until the renderer shows it.

const IntString = z.string().regex(/^-?\d{1,40}$/u);
const DecString = z.string().regex(/^\d{1,30}(\.\d{1,18})?$/u);
const Iso = z.string().datetime();

export const Granularity = z.enum(["hour", "day", "week", "month"]);
export type Granularity = z.infer<typeof Granularity>;

const MAX_RANGE_MS = 3 * 366 * 86_400_000;

export const EarningsRange = z
  .object({ from: Iso, to: Iso })
  .strict()
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), "from must be before to")
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_MS, "at most three years per query");
export type EarningsRange = z.infer<typeof EarningsRange>;

export const EarningsQuery = z
  .object({ from: Iso, to: Iso, granularity: Granularity })
  .strict()
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), "from must be before to")
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_MS, "at most three years per query")
  // 3 years of hours is 26k bars: more than any chart can show, so hours are limited to 400 days.
  .refine((q) => q.granularity !== "hour" || Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, "hourly figures cover at most 400 days");
export type EarningsQuery = z.infer<typeof EarningsQuery>;

export const AktPrice = z.object({
  /** USD per AKT as the chain's oracle reports it; null when it was never read. */
  usd: DecString.nullable(),
  /** When the oracle price was taken. */
  asOf: Iso.nullable(),
  stale: z.boolean(),
  source: z.string(),
  error: z.string().nullable(),
});
export type AktPrice = z.infer<typeof AktPrice>;

/**
 * How the tariff's electricity cost became USD: "usd" (a USD tariff), "converted" (at the owner's rate,
 * usdPerUnit = USD per 1 unit of the currency), "not_converted" (a non-USD tariff with no rate: its
 * cost is left out of every USD figure, net included, and the UI warns), or "no_tariff".
 */
export const ElectricityConversion = z.object({
  status: z.enum(["no_tariff", "usd", "converted", "not_converted"]),
  currency: z.string().nullable(),
  usdPerUnit: DecString.nullable(),
});
export type ElectricityConversion = z.infer<typeof ElectricityConversion>;

const Money = {
  earnedUact: IntString,
  /** The same earnings valued in AKT at the oracle price of each row's time. */
  earnedUakt: IntString,
  earnedUsdMicro: IntString,
  electricityUsdMicro: IntString,
  netUsdMicro: IntString,
};

export const EarningsBucket = z.object({ start: Iso, ...Money });
export type EarningsBucket = z.infer<typeof EarningsBucket>;

export const EarningsSummary = z.object({
  from: Iso,
  to: Iso,
  granularity: Granularity,
  buckets: z.array(EarningsBucket),
  totals: z.object({ ...Money, feesUsdMicro: IntString }),
  /** The tariff's currency; electricity figures are USD, converted as `electricity` says. */
  currency: z.string().nullable(),
  electricity: ElectricityConversion,
  price: AktPrice,
  /** Chain height the ledger was last reconciled at, and when. */
  reconciledHeight: z.number().int().nullable(),
  reconciledAt: Iso.nullable(),
});
export type EarningsSummary = z.infer<typeof EarningsSummary>;

export const LeaseEarnings = z.object({
  leaseId: z.string(),
  owner: z.string(),
  dseq: z.string(),
  state: z.enum(["active", "insufficient_funds", "closed", "invalid"]),
  rateUactPerBlock: DecString,
  createdHeight: z.number().int(),
  closedHeight: z.number().int().nullable(),
  /** Earned inside the range (ledger accruals). */
  earnedUact: IntString,
  /** Lifetime figures from the chain's escrow payment. */
  withdrawnUact: IntString,
  accruedUact: IntString,
  closePaidUact: IntString,
  electricityUsdMicro: IntString,
  /** False when the tariff's currency could not be converted: electricity is then left out of net. */
  electricityConverted: z.boolean(),
  netUsdMicro: IntString,
  gpus: z.array(z.string()),
});
export type LeaseEarnings = z.infer<typeof LeaseEarnings>;
export const LeaseEarningsList = z.array(LeaseEarnings);

export const GpuEarnings = z.object({
  gpu: z.string(),
  earnedUact: IntString,
  electricityUsdMicro: IntString,
  electricityConverted: z.boolean(),
  netUsdMicro: IntString,
});
export const GpuEarningsList = z.array(GpuEarnings);

export const BreakEven = z.object({
  monthStart: Iso,
  earnedUact: IntString,
  earnedUakt: IntString,
  electricityUsdMicro: IntString,
  /** USD per AKT at which this month's earnings (valued in AKT) equal its electricity cost. */
  aktUsd: DecString.nullable(),
  gpuCount: z.number().int().nonnegative(),
  gpuHours: z.number().nonnegative(),
  /** USD per GPU-hour that covers this month's electricity (all of the machine's, idle included). */
  gpuHourUsd: DecString.nullable(),
  electricity: ElectricityConversion,
  price: AktPrice,
});
export type BreakEven = z.infer<typeof BreakEven>;

export const CsvExport = z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() });

export const ReconcileResult = z.object({
  height: z.number().int(),
  at: Iso,
  rowsAdded: z.number().int(),
  leases: z.number().int(),
});

export const EarningsSettings = z.object({
  /** Withdraw each lease at least this often. */
  withdrawEveryHours: z.number().min(1).max(24 * 7),
  /** Withdraw at once when the tenant's escrow runs dry within this many blocks. */
  dryWithinBlocks: z.number().int().min(1).max(100_000),
  /** Most MsgWithdrawLease in one transaction. */
  maxLeasesPerTx: z.number().int().min(1).max(50),
  autoWithdraw: z.boolean(),
});
export type EarningsSettings = z.infer<typeof EarningsSettings>;
export const EarningsSettingsPatch = EarningsSettings.partial().strict();

export const WithdrawSchedule = z.object({
  autoWithdraw: z.boolean(),
  withdrawEveryHours: z.number(),
  /** Active leases the scheduler looks after. */
  activeLeases: z.number().int().nonnegative(),
  /**
   * The earliest time a lease's scheduled withdrawal falls due (the scheduler's next pass after it sends
   * it, if the accrued amount covers the fee). Null when nothing is scheduled: auto-withdraw off, no
   * wallet, or no active lease. A lease running dry is withdrawn earlier than this.
   */
  nextDueAt: Iso.nullable(),
});
export type WithdrawSchedule = z.infer<typeof WithdrawSchedule>;

export const WithdrawResult = z.object({
  withdrawn: z.array(z.string()),
  skipped: z.array(z.object({ leaseId: z.string(), reason: z.string() })),
  txHashes: z.array(z.string()),
});
export type WithdrawResult = z.infer<typeof WithdrawResult>;
