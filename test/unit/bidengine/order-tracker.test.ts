import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { decide } from "../../../main/bidengine/decide";
import { normalizeOrders } from "../../../main/bidengine/normalize-order";
import { OrderTracker } from "../../../main/bidengine/order-tracker";
import { context, gpuOrder, readFixture } from "./helpers";

describe("OrderTracker", () => {
  it("handles an order once, whether it comes from the catch-up or an event", () => {
    const tracker = new OrderTracker();
    expect(tracker.observe(gpuOrder())).toBe(true);
    expect(tracker.observe(gpuOrder())).toBe(false);
    expect(tracker.size).toBe(1);
    tracker.forget(gpuOrder().key);
    expect(tracker.has(gpuOrder().key)).toBe(false);
  });

  it("drops the spec of a final decline, keeps those that may change, and not bids for rechecking", () => {
    const tracker = new OrderTracker();
    const ctx = context({ paused: true });
    const stale = normalizeOrders(readFixture("akash-mainnet/orders-list.json")).orders[0]!;
    const paused = gpuOrder();
    for (const o of [stale, paused]) {
      tracker.observe(o);
      tracker.noteDecision(decide(o, ctx));
    }
    expect(tracker.state(stale.key)).toEqual({ state: "declined", reason: "denom_unsupported" });
    expect(tracker.order(stale.key)).toBeNull();
    expect([...tracker.recheckable()].map((o) => o.key)).toEqual([paused.key]);
    tracker.noteDecision(decide(paused, context()));
    expect(tracker.state(paused.key)).toEqual({ state: "bid", reason: null });
    expect([...tracker.recheckable()]).toEqual([]);
  });

  it("keeps 10,000 open orders in a few megabytes", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const template = gpuOrder();
    gc();
    const before = process.memoryUsage().heapUsed;
    const tracker = new OrderTracker();
    for (let i = 0; i < 10_000; i++) {
      // Fresh objects per order, as parsing each one from the chain would give.
      const order = structuredClone(template);
      order.owner = `akash1tenant${i % 300}`.padEnd(44, "x");
      order.dseq = BigInt(1_000_000 + i);
      order.key = `${order.owner}/${order.dseq}/1/1`;
      tracker.observe(order);
    }
    gc();
    const usedMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    expect(tracker.size).toBe(10_000);
    expect(usedMb).toBeLessThan(32); // about 21 MB measured: ~2 KB per order
  });
});
