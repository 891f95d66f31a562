import { describe, expect, it } from "vitest";
import { DecisionView, REASON_CODES } from "../../../common/bidengine-schemas";
import { decide } from "../../../main/bidengine/decide";
import { toDecisionView } from "../../../main/bidengine/decision-view";
import { normalizeOrders, OrderParseError } from "../../../main/bidengine/normalize-order";
import { context, gpuOrder, groupSpecs, orderFromSpec, SDL_CASES } from "./helpers";

describe("decide", () => {
  it("a bid carries price, floor, max and placements; its view is valid contract data", () => {
    const d = decide(gpuOrder(), context());
    expect(d).toMatchObject({ outcome: "bid", reason: null, fix: null, denom: "uact", placements: [{ node: "this-pc", replicas: 1, gpuModel: "rtx4090" }] });
    // 0.30 + 2 × 0.005 + 8 × 0.002 + 20 × 0.0001 + 0.0005 = $0.3285/h → 547.5 uact/block
    expect(d.message).toBe("bid 547.5 uact/block; floor 250.5333, order max 1000");
    const view = DecisionView.parse(toDecisionView(d));
    expect(view).toMatchObject({ price: { denom: "uact", amount: "547.500000000000000000" }, floor: "250.533333333333333334", maxPrice: "1000.000000000000000000", strategy: "fixed" });
  });

  it("is a pure function: the same order and context give the same decision", () => {
    const ctx = context();
    expect(toDecisionView(decide(gpuOrder(), ctx))).toEqual(toDecisionView(decide(gpuOrder(), ctx)));
  });

  it("fuzz: whatever normalises is decided without throwing, into a valid view with a known reason", () => {
    let seed = 31337;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const junk = [0, 1, 7, 99999999, "0", "1", "18446744073709551615", "999999999999999999999999", "", "x", null, [], {}, "0.000000000000000001", "uact", "open", "closed", 2];
    const ctx = context();
    let decided = 0;
    for (let round = 0; round < 2000; round++) {
      const base = orderFromSpec(groupSpecs(SDL_CASES[round % SDL_CASES.length]!)[0]!, { denom: rand() < 0.8 ? "uact" : "uakt" });
      const doc = structuredClone(base) as Record<string, unknown>;
      for (let edits = Math.floor(rand() * 3); edits >= 0; edits--) {
        let node: unknown = doc;
        for (let depth = 0; depth < 10 && typeof node === "object" && node !== null; depth++) {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const key = keys[Math.floor(rand() * keys.length)]!;
          const child = (node as Record<string, unknown>)[key];
          if (typeof child !== "object" || child === null || rand() < 0.2) {
            (node as Record<string, unknown>)[key] = junk[Math.floor(rand() * junk.length)];
            break;
          }
          node = child;
        }
      }
      let orders;
      try {
        orders = normalizeOrders(doc).orders;
      } catch (error) {
        expect(error).toBeInstanceOf(OrderParseError);
        continue;
      }
      for (const order of orders) {
        const view = toDecisionView(decide(order, ctx));
        expect(DecisionView.safeParse(view).success).toBe(true);
        if (view.reason) expect(REASON_CODES).toContain(view.reason);
        decided++;
      }
    }
    expect(decided).toBeGreaterThan(500);
  });
});
