import type { Placement } from "./capacity";
import { formatDec18 } from "./decimal";
import type { Decision } from "./decide";

// One bid's life, driven through ports so it runs the same against the chain, the devnet or fakes:
//   reserve capacity → write the intent → broadcast MsgCreateBid → open
//   → won (EventLeaseCreated for us: the reservation becomes the lease's allocation)
//   → or lost / order closed / no lease within the bid timeout → MsgCloseBid (10002) → release.
// The intent is on disk before anything is broadcast, so after a crash `reconcile` can compare the
// intents with the chain's view of our bids and leases: no duplicate bid, no leaked reservation, no
// forgotten lease.

/** `lease_closed_reason_unspecified`, the provider-range reason provider-services closes bids with. */
export const CLOSE_REASON_UNSPECIFIED = 10002;
export const DEFAULT_BID_TIMEOUT_MS = 5 * 60_000;
/** x/market's "bid not open" (12) and "bid not found" (18) logs: a retry could never succeed. */
const NOTHING_TO_CLOSE = /bid not open|bid not found/iu;

export type IntentState = "intent" | "open" | "won" | "closing";

export interface BidIntent {
  key: string;
  order: { owner: string; dseq: string; gseq: number; oseq: number };
  price: { denom: string; amount: string };
  deposit: { denom: string; amount: string };
  placements: Placement[];
  state: IntentState;
  createdMs: number;
  /** When the bid was seen on chain; the timeout counts from here. */
  openedMs: number | null;
}

export interface IntentStore {
  get(key: string): BidIntent | undefined;
  put(intent: BidIntent): void;
  delete(key: string): void;
  all(): BidIntent[];
}

export interface BidTxPort {
  /** MsgCreateBid through the chain client's tx queue; resolves once included, throws when it fails. */
  createBid(intent: BidIntent): Promise<void>;
  /** MsgCloseBid with a provider-range reason; resolves once included. */
  closeBid(order: BidIntent["order"], reason: number): Promise<void>;
}

export interface ReservationPort {
  /** Holds capacity for a bid; false when it is gone (another bid took it). May be async (the hardware ledger). */
  reserve(key: string, placements: readonly Placement[], order?: Decision["order"]): boolean | Promise<boolean>;
  release(key: string): void;
  /** The bid won: its reservation now belongs to the lease. */
  allocate(key: string): void;
}

export type ChainBidState = "open" | "active" | "lost" | "closed";

export interface ChainBidsView {
  /** Our bids on chain by order key (provider-filtered `bids/list`). */
  ourBids(): Promise<Map<string, ChainBidState>>;
  /** Order keys of our active leases. */
  ourLeases(): Promise<Set<string>>;
}

export type LifecycleEvent =
  | { type: "bid_open"; key: string }
  | { type: "bid_failed"; key: string; message: string }
  | { type: "lease_won"; key: string; known: boolean }
  | { type: "bid_closed"; key: string; why: "lost" | "timeout" | "order_closed" | "bid_closed" | "unknown_on_chain" | "not_on_chain" }
  | { type: "close_failed"; key: string; message: string };

export interface LifecycleDeps {
  store: IntentStore;
  tx: BidTxPort;
  capacity: ReservationPort;
  now: () => number;
  deposit: { denom: string; amount: string };
  bidTimeoutMs?: number;
  emit?: (event: LifecycleEvent) => void;
}

export type BidResult = "broadcast" | "duplicate" | "capacity_gone" | "failed";

export class BidLifecycle {
  private readonly timeoutMs: number;
  private readonly emit: (event: LifecycleEvent) => void;

  constructor(private readonly deps: LifecycleDeps) {
    this.timeoutMs = deps.bidTimeoutMs ?? DEFAULT_BID_TIMEOUT_MS;
    this.emit = deps.emit ?? (() => {});
  }

  /** Bids on a "bid" decision. Never twice for one order, never without a reservation. */
  async bid(decision: Decision): Promise<BidResult> {
    if (decision.outcome !== "bid" || !decision.quote) throw new Error("bid() needs a bid decision");
    const { order } = decision;
    const { store, capacity } = this.deps;
    if (store.get(order.key)) return "duplicate";
    if (!(await capacity.reserve(order.key, decision.placements, order))) return "capacity_gone";
    const intent: BidIntent = {
      key: order.key,
      order: { owner: order.owner, dseq: order.dseq.toString(), gseq: order.gseq, oseq: order.oseq },
      price: { denom: decision.denom, amount: formatDec18(decision.quote.price) },
      deposit: this.deps.deposit,
      placements: decision.placements,
      state: "intent",
      createdMs: this.deps.now(),
      openedMs: null,
    };
    store.put(intent); // before broadcast: a crash from here on is reconciled, not forgotten
    try {
      await this.deps.tx.createBid(intent);
    } catch (error) {
      store.delete(order.key);
      capacity.release(order.key);
      this.emit({ type: "bid_failed", key: order.key, message: error instanceof Error ? error.message : String(error) });
      return "failed";
    }
    const current = store.get(order.key);
    // An event may have moved it on while the tx was in flight (a lease, a close): keep that.
    if (current?.state === "intent") store.put({ ...current, state: "open", openedMs: this.deps.now() });
    this.emit({ type: "bid_open", key: order.key });
    return "broadcast";
  }

  /** EventLeaseCreated for an order we bid on: ours wins, anyone else's means we lost. */
  async onLeaseCreated(key: string, ours: boolean): Promise<void> {
    const intent = this.deps.store.get(key);
    if (!intent) {
      if (ours) this.emit({ type: "lease_won", key, known: false });
      return;
    }
    if (ours) {
      this.deps.store.put({ ...intent, state: "won" });
      this.deps.capacity.allocate(key);
      this.emit({ type: "lease_won", key, known: true });
      return;
    }
    // The chain already marked our bid lost; closing covers a bid tx still in flight (as provider-services does).
    await this.close(intent, "lost");
  }

  /** EventOrderClosed / EventBidClosed: nothing left to close on chain, just release. */
  onOrderClosed(key: string): void {
    this.finish(key, "order_closed");
  }

  onBidClosed(key: string): void {
    this.finish(key, "bid_closed");
  }

  /** EventLeaseClosed for one of our leases: its capacity is free again. */
  onLeaseClosed(key: string): void {
    this.finish(key, "bid_closed");
  }

  /** Per block or timer: closes bids that got no lease within the timeout, retries failed closes. */
  async tick(): Promise<void> {
    const now = this.deps.now();
    for (const intent of this.deps.store.all()) {
      if (intent.state === "closing") await this.close(intent, "timeout");
      else if (intent.state === "open" && intent.openedMs !== null && now - intent.openedMs >= this.timeoutMs) await this.close(intent, "timeout");
    }
  }

  /** After a restart: line the intents up with the chain. */
  async reconcile(chain: ChainBidsView): Promise<void> {
    const [bids, leases] = await Promise.all([chain.ourBids(), chain.ourLeases()]);
    const { store, capacity } = this.deps;
    for (const intent of store.all()) {
      const onChain = bids.get(intent.key);
      if (leases.has(intent.key) || onChain === "active") {
        if (intent.state !== "won") {
          store.put({ ...intent, state: "won" });
          capacity.allocate(intent.key);
        }
        continue;
      }
      if (intent.state === "won") {
        this.finish(intent.key, "bid_closed"); // the lease ended while we were away
        continue;
      }
      if (onChain === "open") {
        if (intent.state === "intent") store.put({ ...intent, state: "open", openedMs: intent.createdMs });
        continue; // "open" keeps its timer, "closing" is retried by tick()
      }
      // Not on chain (the tx never landed), lost or closed: nothing to close, release.
      this.finish(intent.key, onChain === undefined ? "not_on_chain" : "lost");
    }
    for (const [key, state] of bids) {
      if (store.get(key)) continue;
      if (state === "open") {
        // A bid we have no intent for cannot be served correctly (no reservation): close it.
        const [owner, dseq, gseq, oseq] = key.split("/");
        try {
          await this.deps.tx.closeBid({ owner: owner!, dseq: dseq!, gseq: Number(gseq), oseq: Number(oseq) }, CLOSE_REASON_UNSPECIFIED);
          this.emit({ type: "bid_closed", key, why: "unknown_on_chain" });
        } catch (error) {
          this.emit({ type: "close_failed", key, message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    for (const key of leases) if (!store.get(key)) this.emit({ type: "lease_won", key, known: false });
  }

  private async close(intent: BidIntent, why: "lost" | "timeout"): Promise<void> {
    this.deps.store.put({ ...intent, state: "closing" }); // written first: a crash mid-close retries it
    try {
      await this.deps.tx.closeBid(intent.order, CLOSE_REASON_UNSPECIFIED);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The chain says there is nothing left to close (closed meanwhile, or never landed): done.
      if (NOTHING_TO_CLOSE.test(message)) return this.finish(intent.key, why);
      this.emit({ type: "close_failed", key: intent.key, message });
      return; // stays "closing"; tick() retries. The reservation is kept until the chain agrees.
    }
    this.finish(intent.key, why);
  }

  private finish(key: string, why: Extract<LifecycleEvent, { type: "bid_closed" }>["why"]): void {
    if (!this.deps.store.get(key)) return;
    this.deps.store.delete(key);
    this.deps.capacity.release(key);
    this.emit({ type: "bid_closed", key, why });
  }
}
