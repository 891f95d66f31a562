import type { BidEngineChanged } from "../../common/bidengine-live-schemas";
import type { NetworkId } from "../../common/schemas";
import type { ChainRegistry } from "../chain/chain-registry";
import { queryBalances } from "../chain/queries";
import type { TxQueues } from "../chain/tx-queues";
import type { Db } from "../store/database";
import type { BidEngineHandlerDeps } from "./bidengine-handlers";
import type { ElectricityRatePort } from "./electricity-rate";
import { BidEngineHost, type MarketFeedPort } from "./engine-host";
import { HardwareReservations, type HardwarePort } from "./hardware-reservations";
import { liveInventory, type ClusterPort } from "./live-inventory";

// The live engine's wiring for the composition root: the hardware ledger holds reservations and
// gives free capacity and the gaming signal; the chain registry gives each network's pool and block
// stream; the signer's one tx queue sends the bids; the wallet balance is the collateral check.

export interface EngineHostWiring {
  db: Db;
  now: () => Date;
  log: (line: string) => void;
  network: () => NetworkId;
  unlockedAddress: (network: NetworkId) => string | null;
  chains: ChainRegistry;
  queues: TxQueues;
  hardware: HardwarePort;
  /** Once k3s runs, its allocatable replaces the hardware estimate (absent: the estimate). */
  cluster?: ClusterPort;
  pieces: BidEngineHandlerDeps;
  /** Active lease prices per GPU model (the market strategy's reference). */
  market?: MarketFeedPort;
  /** The owner's hardware tariff at an instant, in USD/kWh (the cost floor's electricity price). */
  electricityRate?: ElectricityRatePort;
  emit: (payload: BidEngineChanged) => void;
  retryMs?: number;
}

/** Owner activity is a process scan: asked at most every 15 s, not per block. */
const GAMING_TTL_MS = 15_000;

export function createEngineHost(w: EngineHostWiring): BidEngineHost {
  const reservations = new HardwareReservations(w.hardware, w.log);
  let gamingAt = -Infinity;
  let gaming = false;
  return new BidEngineHost({
    db: w.db,
    now: w.now,
    log: w.log,
    network: w.network,
    address: w.unlockedAddress,
    pool: (network) => w.chains.pool(network),
    // The registry's stream is shared by several services: an engine subscribes and never stops it.
    stream: (network) => {
      const stream = w.chains.stream(network);
      return { subscribe: (l) => stream.subscribe(l), start: (from) => stream.start(from), stop: () => {} };
    },
    queue: (network) => w.queues.for(network),
    settings: w.pieces.settings,
    decisions: w.pieces.decisions,
    reservations,
    inventory: liveInventory({ hardware: w.hardware, cluster: w.cluster, now: w.now, log: w.log }),
    gaming: async () => {
      const at = w.now().getTime();
      if (at - gamingAt >= GAMING_TTL_MS) {
        gamingAt = at;
        gaming = await reservations.gaming().catch(() => false);
      }
      return gaming;
    },
    balances: async (network, address) => {
      const coins = await queryBalances(w.chains.pool(network), address);
      return new Map(coins.map((c) => [c.denom, BigInt(c.amount)]));
    },
    market: w.market,
    electricityRate: w.electricityRate,
    emit: w.emit,
    retryMs: w.retryMs ?? 60_000,
  });
}
