import { z } from "zod";

// The app's overall status in one answer (Dashboard status card, tray, notifications): what the
// provider is doing now and why, and the alerts that say what to do. Amounts are integer strings in
// base units; counts are null where the source that knows them is not running.

const IntString = z.string().regex(/^\d{1,40}$/u, "an integer in base units");

export const ProviderState = z.enum(["bidding", "paused", "gaming", "offline"]);
export type ProviderState = z.infer<typeof ProviderState>;

export const ALERT_IDS = [
  "wallet_missing",
  "wallet_backup_pending",
  "wallet_locked",
  "wallet_damaged",
  "rpc_unhealthy",
  "collateral_low",
  "price_stale",
  "gpu_not_detected",
  "k3s_not_installed",
  "engine_not_running",
] as const;
export const AlertId = z.enum(ALERT_IDS);
export type AlertId = z.infer<typeof AlertId>;

export const StatusAlert = z.object({
  id: AlertId,
  severity: z.enum(["critical", "warning", "info"]),
  title: z.string(),
  /** What to do about it, one sentence. */
  action: z.string(),
  /** The page that fixes it (a navigation page id), null when nothing in the app does. */
  page: z.string().nullable(),
});
export type StatusAlert = z.infer<typeof StatusAlert>;

export const CollateralRunway = z.object({
  denom: z.string(),
  balance: IntString,
  /** Kept aside by the owner (policies.keepReserve), never spent on bids. */
  reserve: IntString,
  /** Deposit + fee of one bid, in this denom. */
  perBid: IntString,
  /** How many more bids the balance above the reserve funds. */
  bidsCovered: z.number().int().nonnegative(),
  /** Fees spent on bids over the last 24 hours (what a day costs at the current pace). */
  spentLastDay: IntString,
  /** Whole days the balance above the reserve pays fees for at that pace; null when nothing was spent. */
  days: z.number().int().nonnegative().nullable(),
});
export type CollateralRunway = z.infer<typeof CollateralRunway>;

export const StatusOverview = z.object({
  state: ProviderState,
  /** Why (always for paused/gaming/offline; null while bidding normally). */
  reason: z.string().nullable(),
  /** Whether the live bid engine reports its own status; false → counts below come from the ledger. */
  engineRunning: z.boolean(),
  paused: z.boolean(),
  /** Gaming mode switched on by hand (the tray's and the Dashboard's switch): no new bids. */
  gamingMode: z.boolean(),
  /** "No new bids while I play" (policies.pauseWhileGaming): the detected game pauses bidding. */
  pauseWhileGaming: z.boolean(),
  /** The owner is playing now (hardware.ownerActivity). */
  gamingDetected: z.boolean(),
  activeLeases: z.number().int().nonnegative().nullable(),
  /** Active lease ids (owner/dseq/gseq/oseq/provider as the ledger names them). */
  activeLeaseIds: z.array(z.string()).max(10_000),
  openBids: z.number().int().nonnegative().nullable(),
  bidsLastDay: z.number().int().nonnegative().nullable(),
  wallet: z.object({
    state: z.enum(["none", "backup-pending", "locked", "unlocked", "damaged", "unknown"]),
    address: z.string().nullable(),
  }),
  runway: CollateralRunway.nullable(),
  /** Today's (local midnight → now) net in µUSD, signed; null until the ledger can say. */
  todayNetUsdMicro: z.string().regex(/^-?\d{1,40}$/u).nullable(),
  alerts: z.array(StatusAlert),
  checkedAt: z.string().datetime(),
});
export type StatusOverview = z.infer<typeof StatusOverview>;

export const NOTIFICATION_KINDS = ["leaseWon", "leaseClosed", "lowCollateral", "offline"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationSettings = z.object({
  leaseWon: z.boolean(),
  leaseClosed: z.boolean(),
  lowCollateral: z.boolean(),
  offline: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const NotificationSettingsPatch = NotificationSettings.partial().strict();
export type NotificationSettingsPatch = z.infer<typeof NotificationSettingsPatch>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { leaseWon: true, leaseClosed: true, lowCollateral: true, offline: true };

export const StatusRefreshInput = z.object({ refresh: z.boolean().optional() }).strict().optional();
