import { afterEach, describe, expect, it } from "vitest";
import {
  BidLifecycle,
  CLOSE_REASON_UNSPECIFIED,
  type BidIntent,
  type ChainBidState,
  type LifecycleEvent,
  type ReservationPort,
} from "../../../main/bidengine/bid-lifecycle";
import type { Placement } from "../../../main/bidengine/capacity";
import { decide } from "../../../main/bidengine/decide";
import { IntentRepo } from "../../../main/bidengine/intent-repo";
import { openDatabase, type Db } from "../../../main/store/database";
import { context, gpuOrder } from "./helpers";

/** Capacity with one GPU: a second reservation fails until the first is released. */
class FakeCapacity implements ReservationPort {
  readonly reserved = new Map<string, readonly Placement[]>();
  readonly allocated = new Set<string>();
  constructor(private gpus = 1) {}
  reserve(key: string, placements: readonly Placement[]): boolean {
    if (this.gpus < 1) return false;
    this.gpus--;
    this.reserved.set(key, placements);
    return true;
  }
  release(key: string): void {
    if (this.reserved.delete(key)) this.gpus++;
    this.allocated.delete(key);
  }
  allocate(key: string): void {
    this.allocated.add(key);
  }
}

/** The chain side of the tx queue: records what was sent; can be told to fail, or to hang. */
class FakeTx {
  readonly created: BidIntent[] = [];
  readonly closed: { key: string; reason: number }[] = [];
  failCreate: string | null = null;
  failClose: string | null = null;
  onCreate: (() => void) | null = null;
  async createBid(intent: BidIntent): Promise<void> {
    this.onCreate?.();
    if (this.failCreate) throw new Error(this.failCreate);
    this.created.push(intent);
  }
  async closeBid(order: BidIntent["order"], reason: number): Promise<void> {
    if (this.failClose) throw new Error(this.failClose);
    this.closed.push({ key: `${order.owner}/${order.dseq}/${order.gseq}/${order.oseq}`, reason });
  }
}

let db: Db;
afterEach(() => db?.close());

function setup() {
  db = openDatabase(":memory:");
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const store = new IntentRepo(db, clock.now);
  const tx = new FakeTx();
  const capacity = new FakeCapacity();
  const events: LifecycleEvent[] = [];
  const make = () => new BidLifecycle({ store, tx, capacity, now: clock.now, deposit: { denom: "uakt", amount: "500000" }, emit: (e) => events.push(e) });
  return { store, tx, capacity, events, clock, make, life: make() };
}

const bidDecision = (owner = "akash1tenant") => decide(gpuOrder({ owner }), context());

describe("BidLifecycle", () => {
  it("reserves, writes the intent before broadcasting, and opens the bid", async () => {
    const { life, tx, store, capacity, events } = setup();
    const decision = bidDecision();
    tx.onCreate = () => expect(store.get(decision.order.key)).toMatchObject({ state: "intent" }); // on disk before the tx
    expect(await life.bid(decision)).toBe("broadcast");
    expect(tx.created[0]).toMatchObject({ key: decision.order.key, price: { denom: "uact" }, deposit: { denom: "uakt", amount: "500000" } });
    expect(tx.created[0]!.price.amount).toMatch(/^\d+\.\d{18}$/);
    expect(store.get(decision.order.key)).toMatchObject({ state: "open", openedMs: 1_000_000 });
    expect(capacity.reserved.has(decision.order.key)).toBe(true);
    expect(events).toEqual([{ type: "bid_open", key: decision.order.key }]);
  });

  it("never bids twice on one order, nor without capacity", async () => {
    const { life, tx } = setup();
    expect(await life.bid(bidDecision())).toBe("broadcast");
    expect(await life.bid(bidDecision())).toBe("duplicate");
    expect(await life.bid(bidDecision("akash1second"))).toBe("capacity_gone");
    expect(tx.created).toHaveLength(1);
  });

  it("a failed broadcast drops the intent and frees the capacity", async () => {
    const { life, tx, store, capacity, events } = setup();
    tx.failCreate = "insufficient fees";
    expect(await life.bid(bidDecision())).toBe("failed");
    expect(store.all()).toEqual([]);
    expect(capacity.reserved.size).toBe(0);
    expect(events[0]).toMatchObject({ type: "bid_failed", message: "insufficient fees" });
  });

  it("won: the reservation becomes the lease's allocation and the lease is announced", async () => {
    const { life, capacity, store, events } = setup();
    const d = bidDecision();
    await life.bid(d);
    await life.onLeaseCreated(d.order.key, true);
    expect(store.get(d.order.key)?.state).toBe("won");
    expect(capacity.allocated.has(d.order.key)).toBe(true);
    expect(events.at(-1)).toEqual({ type: "lease_won", key: d.order.key, known: true });
    life.onLeaseClosed(d.order.key);
    expect(capacity.reserved.size).toBe(0);
  });

  it("lost: closes the bid with reason 10002 and releases", async () => {
    const { life, tx, capacity, store } = setup();
    const d = bidDecision();
    await life.bid(d);
    await life.onLeaseCreated(d.order.key, false);
    expect(tx.closed).toEqual([{ key: d.order.key, reason: CLOSE_REASON_UNSPECIFIED }]);
    expect(CLOSE_REASON_UNSPECIFIED).toBe(10002);
    expect(store.all()).toEqual([]);
    expect(capacity.reserved.size).toBe(0);
  });

  it("timeout: no lease within 5 minutes closes the bid; a failed close is retried and keeps the reservation", async () => {
    const { life, tx, capacity, clock, store, events } = setup();
    const d = bidDecision();
    await life.bid(d);
    clock.advance(4 * 60_000);
    await life.tick();
    expect(tx.closed).toEqual([]);
    clock.advance(60_000);
    tx.failClose = "rpc down";
    await life.tick();
    expect(store.get(d.order.key)?.state).toBe("closing");
    expect(capacity.reserved.size).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: "close_failed", message: "rpc down" });
    tx.failClose = null;
    await life.tick();
    expect(tx.closed).toEqual([{ key: d.order.key, reason: 10002 }]);
    expect(capacity.reserved.size).toBe(0);
    expect(events.at(-1)).toEqual({ type: "bid_closed", key: d.order.key, why: "timeout" });
  });

  it("a close the chain answers with 'bid not open' is final: released, not retried forever", async () => {
    const { life, tx, capacity, clock, store, events } = setup();
    const d = bidDecision();
    await life.bid(d);
    clock.advance(6 * 60_000);
    tx.failClose = "bidengine.closeBid was refused (market 12): bid not open";
    await life.tick();
    expect(store.get(d.order.key)).toBeUndefined();
    expect(capacity.reserved.size).toBe(0);
    expect(events.at(-1)).toEqual({ type: "bid_closed", key: d.order.key, why: "timeout" });
  });

  it("order or bid closed on chain: releases without a tx", async () => {
    const { life, tx, capacity } = setup();
    await life.bid(bidDecision());
    life.onOrderClosed(bidDecision().order.key);
    expect(tx.closed).toEqual([]);
    expect(capacity.reserved.size).toBe(0);
  });
});

describe("BidLifecycle.reconcile after a restart", () => {
  const chain = (bids: [string, ChainBidState][], leases: string[] = []) => ({ ourBids: async () => new Map(bids), ourLeases: async () => new Set(leases) });

  it("an intent whose tx never landed is released; one that landed opens with its timer from the intent", async () => {
    const { store, capacity, make, clock } = setup();
    const landed = bidDecision("akash1landed");
    const lost = bidDecision("akash1lost");
    for (const d of [landed, lost]) {
      capacity.reserve(d.order.key, d.placements);
      store.put({ key: d.order.key, order: { owner: d.order.owner, dseq: "42", gseq: 1, oseq: 1 }, price: { denom: "uact", amount: "1.0" }, deposit: { denom: "uakt", amount: "500000" }, placements: d.placements, state: "intent", createdMs: clock.now(), openedMs: null });
    }
    clock.advance(60_000);
    const life = make(); // "restarted": a new instance over the same store and capacity
    await life.reconcile(chain([[landed.order.key, "open"]]));
    expect(store.get(landed.order.key)).toMatchObject({ state: "open", openedMs: 1_000_000 });
    expect(store.get(lost.order.key)).toBeUndefined();
    expect([...capacity.reserved.keys()]).toEqual([landed.order.key]);
  });

  it("a lease won while down is allocated; a won lease gone from chain is released; unknown open bids are closed", async () => {
    const { store, capacity, make, tx, events } = setup();
    const won = bidDecision("akash1won");
    capacity.reserve(won.order.key, won.placements);
    store.put({ key: won.order.key, order: { owner: "akash1won", dseq: "42", gseq: 1, oseq: 1 }, price: { denom: "uact", amount: "1.0" }, deposit: { denom: "uakt", amount: "500000" }, placements: won.placements, state: "open", createdMs: 0, openedMs: 0 });
    const life = make();
    await life.reconcile(chain([[won.order.key, "active"], ["akash1ghost/7/1/1", "open"]], [won.order.key, "akash1old/9/1/1"]));
    expect(store.get(won.order.key)?.state).toBe("won");
    expect(capacity.allocated.has(won.order.key)).toBe(true);
    expect(tx.closed).toEqual([{ key: "akash1ghost/7/1/1", reason: 10002 }]);
    expect(events).toContainEqual({ type: "lease_won", key: "akash1old/9/1/1", known: false });
    await make().reconcile(chain([]));
    expect(store.all()).toEqual([]);
    expect(capacity.reserved.size).toBe(0);
  });

  it("the SQLite intent store survives reopening and skips a row it cannot read", () => {
    db = openDatabase(":memory:");
    const repo = new IntentRepo(db, () => 5);
    const lines: string[] = [];
    const d = bidDecision();
    repo.put({ key: d.order.key, order: { owner: "a", dseq: "1", gseq: 1, oseq: 1 }, price: { denom: "uact", amount: "2.5" }, deposit: { denom: "uakt", amount: "500000" }, placements: d.placements, state: "open", createdMs: 1, openedMs: 2 });
    db.prepare("INSERT INTO bid_intents (order_key, state, intent, updated_ms) VALUES ('bad', 'open', '{', 9)").run();
    const again = new IntentRepo(db, () => 6, (l) => lines.push(l));
    expect(again.all().map((i) => i.key)).toEqual([d.order.key]);
    expect(lines[0]).toContain("unreadable bid intent bad");
    again.delete(d.order.key);
    expect(again.get(d.order.key)).toBeUndefined();
  });
});
