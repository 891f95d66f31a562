import { z } from "zod";

// The bid engine's part of the contract: its settings (what the owner edits), the decision it
// records for every order, and the "would I bid on this?" screening call. Amounts cross the contract
// as decimal strings (uact per block with up to 18 decimals, USD with up to 18 decimals), never floats.

/** A non-negative decimal with at most 18 fractional digits, e.g. "0.30" or "1000.000000000000000000". */
export const DecimalString = z.string().regex(/^\d{1,30}(\.\d{1,18})?$/, "expected a non-negative decimal with at most 18 decimals");
/** A non-negative integer in base units, e.g. "500000". */
export const IntegerString = z.string().regex(/^\d{1,40}$/, "expected a non-negative integer in base units");

export const Attribute = z.object({ key: z.string().min(1).max(256), value: z.string().max(256) });
export type Attribute = z.infer<typeof Attribute>;

/** Why an order was not bid on. Stable: the UI filters on them and logs keep them. */
export const REASON_CODES = [
  "denom_unsupported",
  "order_not_open",
  "too_many_bids",
  "already_bid",
  "reclamation_unsupported",
  "attributes_mismatch",
  "auditor_missing",
  "gpu_capability_mismatch",
  "storage_capability_mismatch",
  "too_many_volumes",
  "insufficient_gpu",
  "insufficient_cpu",
  "insufficient_memory",
  "insufficient_storage",
  "paused",
  "gaming",
  "outside_schedule",
  "tenant_denied",
  "tenant_not_allowed",
  "max_concurrent_bids",
  "collateral_insufficient",
  "max_price_below_floor",
  "below_minimum_price",
  "reservation_refused",
] as const;
export const ReasonCode = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCode>;

/** A "no new bids" window in the owner's local time; `from` > `to` spans midnight. */
export const QuietWindow = z.object({
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7), // 0 = Sunday, as Date#getDay
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type QuietWindow = z.infer<typeof QuietWindow>;

/** CPU, memory and ephemeral disk of one node: the desktop reserve's share of an inventory node. */
export const ReserveAmounts = z.object({ cpuMillis: z.number().int().nonnegative(), memoryBytes: IntegerString, ephemeralBytes: IntegerString });

export const InventoryNode = z.object({
  name: z.string().min(1),
  gpus: z.array(
    z.object({
      model: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "lowercase Akash model name, e.g. rtx4090"),
      vendor: z.string().default("nvidia"),
      ramGi: z.number().int().positive().nullable().default(null),
      interface: z.enum(["pcie", "sxm"]).default("pcie"),
      free: z.number().int().nonnegative(),
    }),
  ),
  cpuMillis: z.number().int().nonnegative(),
  memoryBytes: IntegerString,
  ephemeralBytes: IntegerString,
  /** Free persistent storage per class (beta1|beta2|beta3). */
  storageClasses: z.record(z.string(), IntegerString).default({}),
  /**
   * Only to explain a shortage (the free amounts above already exclude it): what the owner keeps on
   * this node (the desktop reserve, from the hardware ledger) and what was detected.
   */
  desktopReserve: z.object({ kept: ReserveAmounts, detected: ReserveAmounts }).optional(),
});
export type InventoryNode = z.infer<typeof InventoryNode>;

export const BidEngineSettings = z.object({
  paused: z.boolean(),
  provider: z.object({
    /** Our own provider address (bech32); null until a wallet exists. */
    address: z.string().nullable(),
    /** The attributes published on chain (what placement requirements are matched against). */
    attributes: z.array(Attribute).max(200),
    /** Attributes each auditor has signed for us (x/audit). */
    auditorSignatures: z.array(z.object({ auditor: z.string().min(1), attributes: z.array(Attribute) })),
  }),
  chain: z.object({
    supportsReclamation: z.boolean(),
    orderMaxBids: z.number().int().positive(),
    maxVolumesPerUnit: z.number().int().positive(),
    /** Measured average block time; the USD/hour → uact/block conversion uses it. */
    blockTimeMs: z.number().int().min(100).max(600_000),
    deposit: z.object({ denom: z.string().min(1), amount: IntegerString }),
    /** What one bid tx costs in fees (uakt), kept aside with the deposit. */
    feeEstimate: z.object({ denom: z.string().min(1), amount: IntegerString }),
  }),
  pricing: z.object({
    strategy: z.enum(["fixed", "market"]),
    /** USD per hour. GPU per unit by model; `*` is the price for any other model. */
    usdPerHour: z.object({
      gpu: z.record(z.string(), DecimalString),
      cpuThread: DecimalString,
      memoryGiB: DecimalString,
      /** Per GiB by storage class; "ephemeral" is the node's scratch disk. */
      storageGiB: z.record(z.string(), DecimalString),
      endpoint: DecimalString,
      leasedIp: DecimalString,
    }),
    market: z.object({
      percentile: z.number().int().min(0).max(100),
      /** Basis points added to (or, negative, taken off) the market reference. */
      adjustBps: z.number().int().min(-9_999).max(100_000),
    }),
  }),
  cost: z.object({
    /** Extra watts one busy GPU draws, by model; `*` for any other. Measured by the hardware service. */
    gpuWatts: z.record(z.string(), z.number().int().nonnegative().max(5_000)),
    cpuWattsPerThread: z.number().int().nonnegative().max(1_000),
    tariffUsdPerKwh: DecimalString,
    marginBps: z.number().int().min(0).max(100_000),
    /** Optional wear-and-tear charge per GPU per hour. */
    depreciationUsdPerGpuHour: DecimalString,
  }),
  policies: z.object({
    pauseWhileGaming: z.boolean(),
    quietWindows: z.array(QuietWindow).max(50),
    allowTenants: z.array(z.string()).max(10_000),
    denyTenants: z.array(z.string()).max(10_000),
    minLeaseUsdPerHour: DecimalString,
    maxConcurrentBids: z.number().int().nonnegative(),
    /** Kept in the wallet on top of each deposit and fee (base units of the deposit denom). */
    keepReserve: IntegerString,
  }),
  /** What the owner offers when no hardware service reports it (the CLI, or before detection). */
  declaredInventory: z.array(InventoryNode).max(64),
});
export type BidEngineSettings = z.infer<typeof BidEngineSettings>;

export const OrderIdView = z.object({
  owner: z.string(),
  dseq: IntegerString,
  gseq: z.number().int().nonnegative(),
  oseq: z.number().int().nonnegative(),
});

export const DecisionView = z.object({
  orderId: OrderIdView,
  /** "owner/dseq/gseq/oseq": the order's key everywhere in the app. */
  key: z.string(),
  decidedAt: z.string().datetime(),
  outcome: z.enum(["bid", "declined"]),
  reason: ReasonCode.nullable(),
  /** One sentence with the numbers behind it. */
  message: z.string(),
  /** The numbers behind the outcome, for the UI's detail pane. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The setting that would change a decline, where one exists. */
  fix: z.object({ setting: z.string(), hint: z.string() }).nullable(),
  /** The bid price, a DecCoin: uact per block for the whole group. */
  price: z.object({ denom: z.string(), amount: DecimalString }).nullable(),
  /** uact per block: our floor, the order's max, the market reference (where they were computed). */
  floor: DecimalString.nullable(),
  maxPrice: DecimalString.nullable(),
  marketReference: DecimalString.nullable(),
  strategy: z.enum(["fixed", "market"]).nullable(),
});
export type DecisionView = z.infer<typeof DecisionView>;

/**
 * A pasted order: JSON text or an already parsed object (one order, or an orders-list response);
 * text that is only a dseq ("123", "akash1…/123") names a deployment like the second form does.
 */
export const ScreenOrderInput = z
  .object({ order: z.union([z.string().min(1).max(5_000_000), z.record(z.string(), z.unknown()), z.array(z.unknown()).max(10_000)]) })
  .strict();
/** A deployment on the selected network: its open orders (every group) are fetched and screened. */
export const ScreenDeploymentInput = z
  .object({
    dseq: z.string().regex(/^[1-9]\d{0,19}$/, "expected a dseq, a whole number above 0"),
    owner: z.string().regex(/^akash1[02-9ac-hj-np-z]{38,58}$/, "expected an Akash address (akash1…)").optional(),
  })
  .strict();
export const ScreenInput = z.union([ScreenOrderInput, ScreenDeploymentInput]);
export type ScreenInput = z.infer<typeof ScreenInput>;

export const ScreenOutput = z.object({
  decisions: z.array(DecisionView),
  /** Orders in the input that could not be read, with why (the rest are still screened). */
  rejected: z.array(z.object({ index: z.number().int().nonnegative(), message: z.string() })),
});
export type ScreenOutput = z.infer<typeof ScreenOutput>;

/** The Bids view's filters: newest first, paged by id. */
export const DecisionQuery = z
  .object({
    outcome: z.enum(["bid", "declined"]).optional(),
    reason: ReasonCode.optional(),
    tenant: z.string().min(1).max(128).optional(),
    orderKey: z.string().min(1).max(256).optional(),
    since: z.string().datetime().optional(),
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type DecisionQuery = z.infer<typeof DecisionQuery>;

export const DecisionList = z.object({ decisions: z.array(DecisionView.extend({ id: z.number().int().positive() })) });
export type DecisionList = z.infer<typeof DecisionList>;

/** Whole sections replace the stored ones. */
export const BidEngineSettingsPatch = BidEngineSettings.partial().strict();
export type BidEngineSettingsPatch = z.infer<typeof BidEngineSettingsPatch>;
