import { z } from "zod";

// The running bid engine's part of the contract: its status (for the dashboard and the tray), the
// owner's pause/resume and gaming switches, and one event that carries status changes and the bid /
// lease activity (bid placed, lease won, lease closed).

export const EngineState = z.enum(["stopped", "starting", "running", "paused", "gaming", "offline"]);

export const EngineLease = z.object({
  key: z.string(),
  price: z.object({ denom: z.string(), amount: z.string() }),
});

export const EngineStatusView = z.object({
  network: z.string(),
  state: EngineState,
  /** Why the engine is not bidding (offline, paused, gaming); null while running. */
  reason: z.string().nullable(),
  openBids: z.number().int().nonnegative(),
  activeLeases: z.number().int().nonnegative(),
  trackedOrders: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  /** The owner switched gaming mode on by hand (besides the hardware's own signal). */
  gamingMode: z.boolean(),
  leases: z.array(EngineLease),
  /** Plain words while won leases have nobody serving them yet (no gateway subscribed). */
  servingNotice: z.string().nullable(),
});
export type EngineStatusView = z.infer<typeof EngineStatusView>;

export const GamingModeInput = z.object({ on: z.boolean() }).strict();

export const EngineActivity = z.object({
  type: z.enum(["bid_placed", "lease_won", "lease_closed"]),
  key: z.string(),
  price: z.object({ denom: z.string(), amount: z.string() }).nullable(),
});

export const BidEngineChanged = z.object({
  status: EngineStatusView,
  /** What happened, when the change is a bid or lease; null for a status change only. */
  activity: EngineActivity.nullable(),
});
export type BidEngineChanged = z.infer<typeof BidEngineChanged>;
