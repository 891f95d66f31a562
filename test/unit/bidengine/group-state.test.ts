import { describe, expect, it } from "vitest";
import { checkChainRules } from "../../../main/bidengine/chain-rules";
import { screenOrders } from "../../../main/bidengine/screen";
import { context, gpuOrder } from "./helpers";

// The chain refuses a bid unless the order's group is open; mainnet holds stale open orders of
// groups that are not. Where the group's state was read, a group that is not open declines first.
describe("the group's state", () => {
  it("declines an open order whose group is paused, closed, out of funds or gone; an open group passes", () => {
    const ctx = context();
    for (const state of ["paused", "closed", "insufficient_funds", "not found"]) {
      expect(checkChainRules(gpuOrder(), ctx, { groupState: state })).toMatchObject({ reason: "order_not_open", details: { groupState: state }, message: expect.stringContaining(`its group is ${state}`) });
    }
    expect(checkChainRules(gpuOrder(), ctx, { groupState: "open" })).toBeNull();
    expect(checkChainRules(gpuOrder(), ctx, {})).toBeNull(); // unknown: the chain's own check is the backstop
  });

  it("screening with group facts: the same order is a bid in an open group and a decline in a closed one", () => {
    const order = gpuOrder();
    const open = screenOrders([order], [], context(), () => ({ groupState: "open" }));
    const closed = screenOrders([order], [], context(), () => ({ groupState: "closed" }));
    expect(open.decisions[0]).toMatchObject({ outcome: "bid", reason: null });
    expect(closed.decisions[0]).toMatchObject({ outcome: "declined", reason: "order_not_open", price: null });
  });
});
