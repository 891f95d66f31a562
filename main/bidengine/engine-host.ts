import type { BidEngineChanged, EngineStatusView } from "../../common/bidengine-live-schemas";
import type { InventoryNode } from "../../common/bidengine-schemas";
import type { NetworkId } from "../../common/schemas";
import type { RpcPool } from "../chain/rpc-pool";
import type { Db } from "../store/database";
import type { ReservationPort } from "./bid-lifecycle";
import type { BidSettingsRepo } from "./bid-settings-repo";
import type { TxSubmitter } from "./chain-bid-tx";
import { CursorRepo } from "./cursor-repo";
import type { ElectricityRatePort } from "./electricity-rate";
import type { DecisionRepo } from "./decision-repo";
import { IntentRepo } from "./intent-repo";
import { LiveBidEngine, type BlockSource, type EngineEvent, type EngineStatus, type LeaseRecord } from "./live-engine";

// Keeps one live engine for the selected network while its wallet is unlocked: `ensure()` (called
// when the wallet or the network changes, and on a slow retry timer while offline) starts, replaces
// or stops it. The engine itself decides "offline" (no provider record, RPC down); nothing here
// throws into the app.

export interface EngineHostDeps {
  db: Db;
  now: () => Date;
  log: (line: string) => void;
  network: () => NetworkId;
  /** The unlocked wallet's address on a network; null while locked or absent. */
  address: (network: NetworkId) => string | null;
  pool: (network: NetworkId) => RpcPool;
  /** A per-engine view of the network's block stream (subscribe/start; stop only unsubscribes). */
  stream: (network: NetworkId) => BlockSource;
  queue: (network: NetworkId) => TxSubmitter;
  settings: BidSettingsRepo;
  decisions: DecisionRepo;
  reservations: ReservationPort;
  inventory?: () => Promise<readonly InventoryNode[] | undefined>;
  /** The hardware's gaming signal (owner activity); the manual switch is added here. */
  gaming?: () => Promise<boolean>;
  balances?: (network: NetworkId, address: string) => Promise<ReadonlyMap<string, bigint> | undefined>;
  /** The market reference (active lease prices per GPU model): kept fresh for the running engine's network. */
  market?: MarketFeedPort;
  /** The owner's hardware tariff at an instant, in USD/kWh: the cost floor's electricity price. */
  electricityRate?: ElectricityRatePort;
  emit: (payload: BidEngineChanged) => void;
  /** Retry an offline engine this often; 0 = never (tests call ensure()). */
  retryMs?: number;
  bidTimeoutMs?: number;
}

export interface MarketFeedPort {
  /** Keep this network's snapshot fresh (null: stop); resolves after the first refresh, never rejects. */
  follow(network: NetworkId | null): Promise<void>;
  prices(network: NetworkId): ReadonlyMap<string, readonly bigint[]> | undefined;
}

export class BidEngineHost {
  private engine: LiveBidEngine | null = null;
  private current: { network: NetworkId; address: string } | null = null;
  private gamingMode = false;
  private readonly leaseListeners = new Set<(lease: LeaseRecord) => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private ensuring: Promise<void> = Promise.resolve();

  constructor(private readonly d: EngineHostDeps) {
    if (d.retryMs) {
      this.timer = setInterval(() => {
        if (this.engine?.status().state === "offline") void this.ensure();
      }, d.retryMs);
      this.timer.unref?.();
    }
  }

  /** The gateway subscribes: each won lease (also those found on restart) must be served. */
  onLeaseWon(listener: (lease: LeaseRecord) => void): () => void {
    this.leaseListeners.add(listener);
    return () => this.leaseListeners.delete(listener);
  }

  ensure(): Promise<void> {
    this.ensuring = this.ensuring.then(() => this.reconcileEngine()).catch((error: unknown) => this.d.log(`[bidengine] ${(error as Error).message}`));
    return this.ensuring;
  }

  status(): EngineStatusView {
    const network = this.current?.network ?? this.d.network();
    const s: EngineStatus = this.engine?.status() ?? {
      state: "stopped",
      reason: this.d.address(network) ? null : "the wallet is locked or not set up: unlock it to bid",
      openBids: 0,
      activeLeases: 0,
      trackedOrders: 0,
      height: 0,
    };
    const leases = this.engine?.leases() ?? [];
    return {
      network,
      ...s,
      gamingMode: this.gamingMode,
      leases: leases.map((l) => ({ key: l.key, price: l.price })),
      servingNotice:
        leases.length > 0 && this.leaseListeners.size === 0
          ? `${leases.length} won lease(s) must be served: the tenant gateway is not running yet, so the tenant cannot deploy and the lease will be closed by its manifest timeout.`
          : null,
    };
  }

  async pause(): Promise<EngineStatusView> {
    this.d.settings.update({ paused: true });
    await this.changed();
    return this.status();
  }

  async resume(): Promise<EngineStatusView> {
    this.d.settings.update({ paused: false });
    await this.changed();
    return this.status();
  }

  async setGaming(on: boolean): Promise<EngineStatusView> {
    this.gamingMode = on;
    await this.changed();
    return this.status();
  }

  /**
   * Something outside the engine that its decisions depend on changed (the desktop reserve, the
   * tariff): the running engine decides the open orders again. Nothing to do while none runs.
   */
  recheck(): Promise<void> {
    return this.changed();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ensuring;
    void this.d.market?.follow(null);
    await this.engine?.stop();
    this.engine = null;
  }

  private async changed(): Promise<void> {
    await this.engine?.recheck();
    this.emit(null);
  }

  private async reconcileEngine(): Promise<void> {
    const network = this.d.network();
    const address = this.d.address(network);
    const same = this.current && address && this.current.network === network && this.current.address === address;
    if (same && this.engine && this.engine.status().state !== "offline") return;
    if (this.engine) {
      await this.engine.stop();
      this.engine = null;
      this.current = null;
    }
    if (!address) {
      void this.d.market?.follow(null);
      return this.emit(null);
    }
    this.current = { network, address };
    const following = this.d.market?.follow(network);
    // A market-priced engine waits for its first snapshot, so that its catch-up is not bid at the
    // fixed fallback prices; a fixed-price one does not wait (the feed refreshes beside it).
    if (following && this.d.settings.get().pricing.strategy === "market") await following;
    this.engine = new LiveBidEngine({
      pool: () => this.d.pool(network),
      stream: this.d.stream(network),
      queue: () => this.d.queue(network),
      provider: address,
      network,
      intents: new IntentRepo(this.d.db, () => this.d.now().getTime(), this.d.log),
      decisions: this.d.decisions,
      settings: this.d.settings,
      cursor: new CursorRepo(this.d.db, network, address, this.d.now),
      reservations: this.d.reservations,
      now: this.d.now,
      inventory: this.d.inventory,
      gaming: async () => this.gamingMode || ((await this.d.gaming?.().catch(() => false)) ?? false),
      balances: this.d.balances ? () => this.d.balances!(network, address) : undefined,
      marketGpuPrices: this.d.market ? () => this.d.market!.prices(network) : undefined,
      electricityRate: this.d.electricityRate,
      emit: (e) => this.onEngineEvent(e),
      onLeaseWon: (lease) => {
        for (const l of this.leaseListeners) l(lease);
      },
      bidTimeoutMs: this.d.bidTimeoutMs,
      log: this.d.log,
    });
    await this.engine.start();
  }

  private onEngineEvent(e: EngineEvent): void {
    if (e.type === "status") return this.emit(null);
    if (e.type === "bid_placed") return this.emit({ type: "bid_placed", key: e.key, price: e.price });
    if (e.type === "lease_won") return this.emit({ type: "lease_won", key: e.lease.key, price: e.lease.price });
    this.emit({ type: "lease_closed", key: e.key, price: null });
  }

  private emit(activity: BidEngineChanged["activity"]): void {
    try {
      this.d.emit({ status: this.status(), activity });
    } catch (error) {
      this.d.log(`[bidengine] event dropped: ${(error as Error).message}`);
    }
  }
}
