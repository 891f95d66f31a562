import type { ReasonCode } from "../../common/bidengine-schemas";
import type { Decision } from "./decide";
import type { NormalizedOrder } from "./order-model";

// The open orders the engine knows about, so that the start-up catch-up and the per-block events
// never handle one twice, and so that orders declined for a reason that can change (capacity freed,
// settings edited, the game closed) are decided again. Built for mainnet's long tail of stale open
// orders: an order declined for a reason that cannot change keeps only its key and reason (the spec
// is dropped), and identical tenant addresses share one string.

/** Declines no setting or capacity change can turn into a bid: the spec is not kept. */
const FINAL: ReadonlySet<ReasonCode> = new Set<ReasonCode>(["denom_unsupported", "order_not_open"]);

export type TrackState = "new" | "declined" | "bid";

interface Tracked {
  state: TrackState;
  reason: ReasonCode | null;
  /** Kept while the order may still be bid on; null once it never can. */
  order: NormalizedOrder | null;
}

export class OrderTracker {
  private readonly orders = new Map<string, Tracked>();
  private readonly owners = new Map<string, string>();

  get size(): number {
    return this.orders.size;
  }

  /** Registers an order from the catch-up or an EventOrderCreated; false when it is already known. */
  observe(order: NormalizedOrder): boolean {
    if (this.orders.has(order.key)) return false;
    const owner = this.intern(order.owner);
    this.orders.set(order.key, { state: "new", reason: null, order: owner === order.owner ? { ...order, owner } : order });
    return true;
  }

  has(key: string): boolean {
    return this.orders.has(key);
  }

  state(key: string): { state: TrackState; reason: ReasonCode | null } | undefined {
    const t = this.orders.get(key);
    return t && { state: t.state, reason: t.reason };
  }

  order(key: string): NormalizedOrder | null {
    return this.orders.get(key)?.order ?? null;
  }

  /** Stores the outcome; a final decline drops the spec. */
  noteDecision(decision: Decision): void {
    const t = this.orders.get(decision.order.key);
    if (!t) return;
    t.state = decision.outcome === "bid" ? "bid" : "declined";
    t.reason = decision.reason;
    if (decision.reason && FINAL.has(decision.reason)) t.order = null;
  }

  /** EventOrderClosed, EventLeaseCreated for someone else, or our bid's end: the order leaves. */
  forget(key: string): void {
    this.orders.delete(key);
  }

  /** Orders to decide again after capacity or settings changed: new, or declined for a reason that may change. */
  *recheckable(): IterableIterator<NormalizedOrder> {
    for (const t of this.orders.values()) if (t.order && t.state !== "bid") yield t.order;
  }

  private intern(owner: string): string {
    const known = this.owners.get(owner);
    if (known !== undefined) return known;
    this.owners.set(owner, owner);
    return owner;
  }
}
