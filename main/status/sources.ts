import type { BidEngineSettings } from "../../common/bidengine-schemas";
import type { RpcPoolSnapshot } from "../../common/chain-schemas";
import type { ClusterStatus } from "../../common/cluster-schemas";
import type { AktPrice, LeaseEarnings } from "../../common/earnings-schemas";
import type { HardwareReport, OwnerActivity } from "../../common/hardware-schemas";
import type { z } from "zod";
import type { TreasuryBalances as TreasuryBalancesSchema } from "../../common/provider-schemas";

type TreasuryBalances = z.infer<typeof TreasuryBalancesSchema>;
import type { ProviderState } from "../../common/status-schemas";
import type { WalletStatus } from "../../common/wallet-schemas";

/** What the live bid engine says about itself (bidengine.status), in the status' words. */
export interface EngineStatus {
  state: ProviderState;
  reason: string | null;
  openBids: number;
  activeLeases: number;
  /** The engine's active lease keys. */
  leaseIds: string[];
  /** Gaming mode switched on by hand. */
  gamingMode: boolean;
}

/**
 * One reading of every service the status is made of. A field is null when its source failed or
 * cannot answer yet (no wallet, chain down): the status then says "unknown", never a made-up value.
 */
export interface StatusSources {
  wallet: WalletStatus | null;
  rpc: RpcPoolSnapshot | null;
  hardware: HardwareReport | null;
  activity: OwnerActivity | null;
  cluster: ClusterStatus | null;
  bidSettings: BidEngineSettings | null;
  /** Bids the engine placed in the last 24 hours (its decision log). */
  bidsLastDay: number | null;
  balances: TreasuryBalances | null;
  price: AktPrice | null;
  leases: LeaseEarnings[] | null;
  /** Today's net in µUSD (signed integer string). */
  todayNetUsdMicro: string | null;
  engine: EngineStatus | null;
}

export const NO_SOURCES: StatusSources = {
  wallet: null,
  rpc: null,
  hardware: null,
  activity: null,
  cluster: null,
  bidSettings: null,
  bidsLastDay: null,
  balances: null,
  price: null,
  leases: null,
  todayNetUsdMicro: null,
  engine: null,
};
