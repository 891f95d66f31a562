import type { PriceSeries } from "./modules/oracle";
import type { BmeParams } from "./modules/bme";
import type { MarketParams } from "./modules/market";
import type { StakingParams } from "./modules/staking";
import type { TenantOptions } from "./tenants/options";

export interface DevnetOptions {
  /** Where the chain state lives (devnet.sqlite); without it the chain is in memory only. */
  dataDir?: string;
  /** Wipe the data dir's chain before starting. */
  reset?: boolean;
  /** Block interval; 0 = no timer, blocks only via produceBlock() (tests). Default 1000. */
  blockTimeMs?: number;
  /** Seed for everything random (oracle walk, synthetic tenants). Default 1. */
  seed?: number;
  /** Synthetic tenants; false or omitted = none. */
  tenants?: TenantOptions | false;
  /** RPC port on 127.0.0.1; 0 or omitted = a free port. */
  port?: number;
  chainId?: string;
  /** Clock (ms since epoch) for block times. */
  now?: () => number;
  oracle?: PriceSeries;
  bme?: Partial<BmeParams>;
  market?: Partial<MarketParams>;
  staking?: Partial<StakingParams>;
  /** Extra genesis balances. */
  genesis?: Array<{ address: string; coins: Array<{ denom: string; amount: string }> }>;
  /** Where tenant and block-production problems are reported (default: nowhere). */
  log?: (message: string) => void;
  /** Largest single faucet grant in base units (default 1,000,000 AKT). */
  faucetLimit?: bigint;
}

export const DEFAULT_CHAIN_ID = "akash-devnet-1";
export const DEFAULT_BLOCK_TIME_MS = 1000;
export const FEE_DENOM = "uakt";
