import { describe, expect, it } from "vitest";
import { axisDecimals, axisDollars, tooltipDollars } from "../../../renderer/src/features/earnings/axis-money";

describe("earnings chart dollar labels", () => {
  it("shows as many decimals as the tick step needs, between cents and µUSD", () => {
    expect(axisDecimals(50)).toBe(2);
    expect(axisDecimals(0.25)).toBe(2);
    expect(axisDecimals(0.01)).toBe(2);
    expect(axisDecimals(0.001)).toBe(3);
    expect(axisDecimals(0.0010000000000000009)).toBe(3);
    expect(axisDecimals(0.002)).toBe(3);
    expect(axisDecimals(0.0005)).toBe(4);
    expect(axisDecimals(1e-9)).toBe(6);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(axisDecimals(bad)).toBe(2);
  });

  it("labels a few-cent axis with distinct ticks (the e2e walk's $0.008 day)", () => {
    const ticks = Array.from({ length: 10 }, (_, i) => i * 0.001);
    const labels = ticks.map((t) => axisDollars(t, axisDecimals(ticks[1]! - ticks[0]!)));
    expect(new Set(labels).size).toBe(ticks.length);
    expect(labels.slice(0, 3)).toEqual(["$0.000", "$0.001", "$0.002"]);
  });

  it("writes negatives with the sign before the dollar, and no −$0.00", () => {
    expect(axisDollars(-0.5, 2)).toBe("\u2212$0.50");
    expect(axisDollars(-0.0001, 2)).toBe("$0.00");
    expect(axisDollars(Number.NaN, 2)).toBe("");
    expect(tooltipDollars(0.0081)).toBe("$0.0081");
    expect(tooltipDollars(-12.345)).toBe("$12.35");
    expect(tooltipDollars(0)).toBe("$0.00");
  });
});
