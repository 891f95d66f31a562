import type { BidEngineSettings, InventoryNode } from "../../common/bidengine-schemas";
import { sha256 } from "@cosmjs/crypto";
import type { ObservedTx } from "../chain/block-confirmations";
import type { BlockEvents } from "../chain/block-stream";
import { queryProvider } from "../chain/queries";
import type { RpcPool } from "../chain/rpc-pool";
import { BidLifecycle, type BidIntent, type IntentStore, type LifecycleEvent, type ReservationPort } from "./bid-lifecycle";
import type { BidSettingsRepo } from "./bid-settings-repo";
import { ChainBidTx, type TxSubmitter } from "./chain-bid-tx";
import { consumePlacements } from "./consume";
import { decide, reservationRefused, type Decision } from "./decide";
import type { DecisionRepo } from "./decision-repo";
import { groupStatesOf } from "./deployment-orders";
import { toDecisionView } from "./decision-view";
import { compileContext, type CompiledContext } from "./engine-context";
import type { ElectricityRatePort } from "./electricity-rate";
import { auditorSignatures, catchUpOpenOrders, fetchOrder, marketParams, orderBidCount, ourActiveLeases, ourBids, type MarketParams } from "./market-client";
import { marketEvents } from "./market-events";
import { OrderTracker } from "./order-tracker";
import { ordersFromBlock } from "./orders-from-block";
import type { NormalizedOrder } from "./order-model";

// The running bid engine on one network: catch-up of open orders → per-block market events →
// decide → bid (through the lifecycle and the signer's tx queue) → track → close. Blocks are handled
// one at a time, in order; the last handled height is persisted so a restart resumes from it (a gap
// longer than the block stream replays is covered by the catch-up and the reconcile, which read
// state, not history). Nothing here throws out: a failure becomes status "offline" with the reason.

const DECISION_BATCH = 500;

export type EngineState = "stopped" | "starting" | "running" | "paused" | "gaming" | "offline";

export interface EngineStatus {
  state: EngineState;
  reason: string | null;
  openBids: number;
  activeLeases: number;
  trackedOrders: number;
  height: number;
}

export interface LeaseRecord {
  key: string;
  order: BidIntent["order"];
  provider: string;
  price: BidIntent["price"];
}

export type EngineEvent =
  | { type: "status"; status: EngineStatus }
  | { type: "bid_placed"; key: string; price: BidIntent["price"] }
  | { type: "lease_won"; lease: LeaseRecord }
  | { type: "lease_closed"; key: string };

export interface BlockSource {
  subscribe(listener: (block: BlockEvents) => void): () => void;
  start(fromHeight?: number): Promise<void>;
  stop(): void;
}

export interface CursorStore {
  get(): number | null;
  set(height: number): void;
}

export interface LiveEngineDeps {
  pool: () => RpcPool;
  stream: BlockSource;
  queue: () => TxSubmitter;
  provider: string;
  network: string;
  intents: IntentStore;
  decisions: DecisionRepo;
  settings: BidSettingsRepo;
  cursor: CursorStore;
  reservations: ReservationPort;
  now: () => Date;
  /** Free capacity now (hardware ledger); the declared inventory when absent. */
  inventory?: () => Promise<readonly InventoryNode[] | undefined>;
  /** The owner is gaming (hardware's owner-activity signal, or the manual switch). */
  gaming?: () => Promise<boolean>;
  /** Spendable balances per denom (treasury); collateral is unchecked when absent. */
  balances?: () => Promise<ReadonlyMap<string, bigint> | undefined>;
  /** Per-GPU active lease prices by model (the market feed's last snapshot; refreshed off the block loop). */
  marketGpuPrices?: () => ReadonlyMap<string, readonly bigint[]> | undefined;
  /** The owner's hardware tariff at an instant, in USD/kWh (the cost floor); absent: the settings' fallback. */
  electricityRate?: ElectricityRatePort;
  emit?: (event: EngineEvent) => void;
  /** The gateway subscribes here: a won lease must be served. */
  onLeaseWon?: (lease: LeaseRecord) => void;
  bidTimeoutMs?: number;
  log?: (line: string) => void;
}

export class LiveBidEngine {
  readonly tracker = new OrderTracker();
  private readonly lifecycle: BidLifecycle;
  private readonly txPort: ChainBidTx;
  private chain: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private state: EngineState = "stopped";
  private reason: string | null = null;
  private height = 0;
  private params: MarketParams | null = null;
  private attributes: { key: string; value: string }[] = [];
  private audits: BidEngineSettings["provider"]["auditorSignatures"] = [];
  private bidCounts = new Map<string, number>();
  private retryKeys = new Set<string>();
  /**
   * Catch-up orders whose group state is unread. Only old orders can be open in a group that is not
   * (PROTOCOL §3, stale state); a new one's group is open. Read once, only when it would get a bid.
   */
  private unverifiedGroups = new Set<string>();
  /**
   * Catch-up orders whose bid count is unknown (events count only the bids seen since start). Read
   * once, like the group, only when the order would get a bid: the chain refuses bid 21.
   */
  private unknownBidCounts = new Set<string>();
  private blockMs: number | null = null;
  private lastBlockAt: number | null = null;
  private inflight = new Set<Promise<unknown>>();
  private readonly log: (line: string) => void;

  constructor(private readonly d: LiveEngineDeps) {
    this.log = d.log ?? (() => {});
    this.txPort = new ChainBidTx({ queue: d.queue, provider: d.provider, order: (key) => this.tracker.order(key) });
    this.lifecycle = new BidLifecycle({
      store: d.intents,
      tx: this.txPort,
      capacity: d.reservations,
      now: () => d.now().getTime(),
      deposit: d.settings.get().chain.deposit,
      bidTimeoutMs: d.bidTimeoutMs,
      emit: (e) => this.onLifecycle(e),
    });
  }

  status(): EngineStatus {
    const intents = this.d.intents.all();
    return {
      state: this.state,
      reason: this.reason,
      openBids: intents.filter((i) => i.state !== "won").length,
      activeLeases: intents.filter((i) => i.state === "won").length,
      trackedOrders: this.tracker.size,
      height: this.height,
    };
  }

  /** Leases we won and serve (the intents that became leases). */
  leases(): LeaseRecord[] {
    return this.d.intents.all().filter((i) => i.state === "won").map((i) => this.leaseRecord(i));
  }

  /** Starts: provider record → params/audits → reconcile → catch-up → block stream. Never throws. */
  async start(): Promise<void> {
    if (this.state !== "stopped" && this.state !== "offline") return;
    this.setState("starting", null);
    try {
      const pool = this.d.pool();
      const record = await queryProvider(pool, this.d.provider);
      if (!record) return this.setState("offline", `no provider record for ${this.d.provider} on ${this.d.network}: register the provider first`);
      this.attributes = record.attributes;
      [this.params, this.audits] = await Promise.all([marketParams(pool), auditorSignatures(pool, this.d.provider)]);
      await this.lifecycle.reconcile({ ourBids: () => ourBids(pool, this.d.provider), ourLeases: () => ourActiveLeases(pool, this.d.provider) });
      for (const lease of this.leases()) this.d.onLeaseWon?.(lease);
      // Blocks that arrive during the catch-up wait in the serial chain behind it.
      this.unsubscribe = this.d.stream.subscribe((block) => this.enqueue(() => this.onBlock(block)));
      const catchUp = this.enqueue(() => this.catchUp());
      const cursor = this.d.cursor.get();
      await this.d.stream.start(cursor ?? undefined);
      await catchUp;
      if ((this.state as EngineState) === "offline") return; // the catch-up failed: its reason stands
      this.setState("running", null);
      await this.refreshState();
    } catch (error) {
      this.fail(error);
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.d.stream.stop(); // a shared stream is wrapped by the host so that this only unsubscribes
    await this.chain;
    // Bids and closes still in flight are not awaited: their intents are on disk and the next
    // start reconciles them with the chain.
    this.setState("stopped", null);
  }

  /** Waits for the bids and closes sent so far (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Waits for every queued block to be handled. */
  idle(): Promise<void> {
    return this.chain;
  }

  /** Settings or capacity changed: decide the open orders again. */
  recheck(): Promise<void> {
    return this.enqueue(async () => {
      await this.decideAll([...this.tracker.recheckable()], true);
      await this.refreshState();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch((error: unknown) => this.fail(error));
    return this.chain;
  }

  private async catchUp(): Promise<void> {
    const pages: NormalizedOrder[][] = [];
    await catchUpOpenOrders(this.d.pool(), (page) => {
      for (const r of page.rejected) this.log(`[bidengine] unreadable order ${r.key}: ${r.message}`);
      pages.push(page.orders.filter((o) => this.tracker.observe(o)));
    });
    for (const page of pages) {
      for (const o of page) {
        this.unverifiedGroups.add(o.key);
        this.unknownBidCounts.add(o.key);
      }
    }
    await this.decideAll(pages.flat(), false);
  }

  private async onBlock(block: BlockEvents): Promise<void> {
    const at = this.d.now().getTime();
    if (this.lastBlockAt !== null && block.height === this.height + 1) {
      const delta = at - this.lastBlockAt;
      if (delta >= 100 && delta <= 600_000) this.blockMs = this.blockMs === null ? delta : Math.round(this.blockMs * 0.9 + delta * 0.1);
    }
    this.lastBlockAt = at;
    const fresh: string[] = [...this.retryKeys];
    this.retryKeys.clear();
    let freed = false;
    for (const e of marketEvents(block)) {
      const ours = e.provider === this.d.provider;
      switch (e.type) {
        case "order_created":
          if (!this.tracker.has(e.key)) fresh.push(e.key);
          break;
        case "order_closed":
          this.tracker.forget(e.key);
          this.unverifiedGroups.delete(e.key);
          this.unknownBidCounts.delete(e.key);
          this.bidCounts.delete(e.key);
          if (this.d.intents.get(e.key)) freed = true;
          this.lifecycle.onOrderClosed(e.key);
          break;
        case "bid_created":
          if (this.tracker.has(e.key)) this.bidCounts.set(e.key, (this.bidCounts.get(e.key) ?? 0) + 1);
          break;
        case "bid_closed":
          if (ours && this.d.intents.get(e.key)?.state === "open") {
            this.lifecycle.onBidClosed(e.key);
            freed = true;
          }
          break;
        case "lease_created":
          this.tracker.forget(e.key);
          this.unverifiedGroups.delete(e.key);
          this.unknownBidCounts.delete(e.key);
          this.bidCounts.delete(e.key);
          if (!ours && this.d.intents.get(e.key)) freed = true;
          this.track(this.lifecycle.onLeaseCreated(e.key, ours));
          break;
        case "lease_closed":
          if (ours && this.d.intents.get(e.key)) {
            this.lifecycle.onLeaseClosed(e.key);
            this.d.emit?.({ type: "lease_closed", key: e.key });
            freed = true;
          }
          break;
      }
    }
    const orders: NormalizedOrder[] = [];
    const queue = this.queueOrNull();
    // One `block` read serves both the new orders and our sent txs' confirmations (no `tx` polls).
    const txs = fresh.length > 0 || queue?.awaitingConfirmation?.() === true ? await this.blockTxs(block).catch(() => null) : null;
    if (txs && queue?.observeBlock) queue.observeBlock(block.height, observedTxs(txs, block));
    if (fresh.length > 0) {
      const pool = this.d.pool();
      const fromTxs = txs ? ordersFromBlock(txs, (i) => block.txs[i]?.code === 0, block.height) : new Map<string, NormalizedOrder>();
      const results = await Promise.allSettled(fresh.map(async (key) => fromTxs.get(key) ?? fetchOrder(pool, key)));
      results.forEach((r, i) => {
        if (r.status === "fulfilled") {
          if (r.value && this.tracker.observe(r.value)) orders.push(r.value);
        } else if (r.reason instanceof Error && r.reason.name === "OrderParseError") this.log(`[bidengine] unreadable order ${fresh[i]}: ${r.reason.message}`);
        else this.retryKeys.add(fresh[i]!); // RPC trouble: fetch it again with the next block
      });
    }
    await this.decideAll(orders, false);
    if (freed) await this.decideAll([...this.tracker.recheckable()], true);
    this.track(this.lifecycle.tick());
    this.height = block.height;
    this.d.cursor.set(block.height);
    await this.refreshState();
  }

  /** The block's txs (base64): one `block` request gives the new orders (MsgCreateDeployment) and our txs' hashes. */
  private async blockTxs(block: BlockEvents): Promise<string[]> {
    const raw = await this.d.pool().call<{ block?: { data?: { txs?: string[] | null } } }>("block", { height: String(block.height) });
    const txs = raw?.block?.data?.txs ?? [];
    if (!Array.isArray(txs) || txs.some((t) => typeof t !== "string")) throw new Error(`block ${block.height}: unreadable txs`);
    return txs;
  }

  private queueOrNull(): TxSubmitter | null {
    try {
      return this.d.queue();
    } catch {
      return null; // a locked wallet: nothing of ours is waiting to be confirmed
    }
  }

  /** Decides a batch against one context; bids go out without waiting (the tx port batches them). */
  private async decideAll(orders: readonly NormalizedOrder[], recheck: boolean): Promise<void> {
    if (orders.length === 0) return;
    const ctx = await this.context();
    const views = [];
    for (const order of orders) {
      const facts = { bidCount: this.bidCounts.get(order.key), alreadyBid: this.d.intents.get(order.key) !== undefined };
      let decision = decide(order, ctx, facts);
      if (decision.outcome === "bid" && (this.unverifiedGroups.has(order.key) || this.unknownBidCounts.has(order.key))) {
        const [groupState, bidCount] = await Promise.all([this.groupState(order), this.bidCount(order, ctx.settings.chain.orderMaxBids)]);
        if ((groupState && groupState !== "open") || bidCount !== undefined) decision = decide(order, ctx, { ...facts, groupState, bidCount: bidCount ?? facts.bidCount });
      }
      this.tracker.noteDecision(decision);
      // A recheck records only what changed into a bid: the decline is already on record.
      if (!recheck || decision.outcome === "bid") views.push(toDecisionView(decision));
      // Written in batches: a catch-up of 10,000 orders must not hold every decision's view at once.
      if (views.length >= DECISION_BATCH) this.d.decisions.record(views.splice(0));
      if (decision.outcome === "bid") {
        consumePlacements(ctx, order, decision.placements);
        this.track(this.placeBid(decision));
      }
    }
    this.d.decisions.record(views);
  }

  /** The order's group state; undefined when it cannot be read now (MsgCreateBid's own check is the backstop). */
  private async groupState(order: NormalizedOrder): Promise<string | undefined> {
    if (!this.unverifiedGroups.has(order.key)) return undefined;
    try {
      const state = (await groupStatesOf(this.d.pool(), [order])).get(order.key);
      this.unverifiedGroups.delete(order.key);
      return state;
    } catch (error) {
      this.log(`[bidengine] group of ${order.key} unreadable, bidding on the chain's own check: ${(error as Error).message}`);
      return undefined;
    }
  }

  /**
   * A catch-up order's bid count as the chain counts it; undefined when known from events or
   * unreadable now (the chain's own check is the backstop). Once read, later EventBidCreated add to it.
   */
  private async bidCount(order: NormalizedOrder, orderMaxBids: number): Promise<number | undefined> {
    if (!this.unknownBidCounts.has(order.key)) return undefined;
    try {
      const count = await orderBidCount(this.d.pool(), order, orderMaxBids + 1);
      this.unknownBidCounts.delete(order.key);
      this.bidCounts.set(order.key, count);
      return count;
    } catch (error) {
      this.log(`[bidengine] bids of ${order.key} unreadable, bidding on the chain's own check: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async placeBid(decision: Decision): Promise<void> {
    const result = await this.lifecycle.bid(decision);
    if (result === "broadcast") {
      const intent = this.d.intents.get(decision.order.key);
      if (intent) this.d.emit?.({ type: "bid_placed", key: intent.key, price: intent.price });
    }
    if (result === "capacity_gone") {
      // The record said "bid": correct it, so "why didn't I bid?" tells the truth. Declined (not
      // final): the order is decided again when capacity frees up.
      const refused = reservationRefused(decision, this.d.now());
      this.tracker.noteDecision(refused);
      this.d.decisions.record([toDecisionView(refused)]);
    }
  }

  private async context(): Promise<CompiledContext> {
    const saved = this.d.settings.get();
    const deposit = this.depositFor(saved);
    const settings: BidEngineSettings = {
      ...saved,
      provider: { address: this.d.provider, attributes: this.attributes, auditorSignatures: this.audits },
      chain: { ...saved.chain, orderMaxBids: this.params?.orderMaxBids ?? saved.chain.orderMaxBids, blockTimeMs: this.blockMs ?? saved.chain.blockTimeMs, deposit },
    };
    const [inventory, gaming, balances] = await Promise.all([this.d.inventory?.(), this.d.gaming?.() ?? false, this.d.balances?.()]);
    const at = this.d.now();
    return compileContext({
      settings,
      inventory,
      now: at,
      utcOffsetMinutes: -at.getTimezoneOffset(),
      gaming,
      openBids: this.d.intents.all().filter((i) => i.state !== "won").length,
      balances,
      marketGpuPrices: this.d.marketGpuPrices?.(),
      electricityRate: this.d.electricityRate,
    });
  }

  /** The owner's deposit, raised to the chain's minimum for its denom (or the chain's first denom). */
  private depositFor(saved: BidEngineSettings): { denom: string; amount: string } {
    const mins = this.params?.minDeposits;
    if (!mins || mins.size === 0) return saved.chain.deposit;
    const min = mins.get(saved.chain.deposit.denom);
    if (min === undefined) {
      const [denom, amount] = [...mins.entries()][0]!;
      return { denom, amount: amount.toString() };
    }
    const wanted = BigInt(saved.chain.deposit.amount);
    return { denom: saved.chain.deposit.denom, amount: (wanted < min ? min : wanted).toString() };
  }

  private onLifecycle(e: LifecycleEvent): void {
    if (e.type === "lease_won") {
      const intent = this.d.intents.get(e.key);
      const lease = intent ? this.leaseRecord(intent) : { key: e.key, order: orderOf(e.key), provider: this.d.provider, price: { denom: "uact", amount: "0" } };
      this.d.emit?.({ type: "lease_won", lease });
      this.d.onLeaseWon?.(lease);
    } else if (e.type === "bid_failed" || e.type === "close_failed") this.log(`[bidengine] ${e.type} ${e.key}: ${e.message}`);
  }

  private leaseRecord(i: BidIntent): LeaseRecord {
    return { key: i.key, order: i.order, provider: this.d.provider, price: i.price };
  }

  private track(p: Promise<unknown>): void {
    const guarded = p.catch((error: unknown) => this.log(`[bidengine] ${(error as Error).message}`));
    this.inflight.add(guarded);
    void guarded.finally(() => this.inflight.delete(guarded));
  }

  private async refreshState(): Promise<void> {
    if (this.state === "stopped" || this.state === "starting") return;
    const settings = this.d.settings.get();
    const gaming = settings.policies.pauseWhileGaming && (await (this.d.gaming?.() ?? false));
    if (settings.paused) this.setState("paused", "paused by the owner");
    else if (gaming) this.setState("gaming", "the owner is gaming: no new bids");
    else this.setState("running", null);
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log(`[bidengine] offline: ${message}`);
    this.setState("offline", message);
  }

  private setState(state: EngineState, reason: string | null): void {
    if (this.state === state && this.reason === reason) return;
    this.state = state;
    this.reason = reason;
    this.d.emit?.({ type: "status", status: this.status() });
  }
}

/** Each tx's CometBFT hash (sha256 of its bytes, uppercase hex) with its result code from block_results. */
function observedTxs(txs: readonly string[], block: BlockEvents): ObservedTx[] {
  const codes = new Map(block.txs.map((t) => [t.index, t.code]));
  // An unknown code (results not aligned) counts as failed: the queue then looks the tx up itself.
  return txs.map((tx, i) => ({ hash: Buffer.from(sha256(Buffer.from(tx, "base64"))).toString("hex").toUpperCase(), code: codes.get(i) ?? -1 }));
}

function orderOf(key: string): BidIntent["order"] {
  const [owner, dseq, gseq, oseq] = key.split("/");
  return { owner: owner ?? "", dseq: dseq ?? "0", gseq: Number(gseq), oseq: Number(oseq) };
}
