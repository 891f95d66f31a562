import { describe, expect, it } from "vitest";
import { formatBaseAmount, formatMicroUsd, runwaySentence } from "../../../renderer/src/features/status/format-status";

describe("status card formatters", () => {
  it("base units to AKT/ACT, exact, grouped, trimmed", () => {
    expect(formatBaseAmount("11500000", "uakt")).toBe("11.5 AKT");
    expect(formatBaseAmount("1", "uakt")).toBe("0.000001 AKT");
    expect(formatBaseAmount("1234567000000", "uact")).toBe("1,234,567 ACT");
    expect(formatBaseAmount("0", "uakt")).toBe("0 AKT");
    expect(formatBaseAmount("5", "ibc/ABC")).toBe("5 ibc/ABC");
    expect(formatBaseAmount("-5", "uakt")).toBe("-5 uakt");
  });

  it("µUSD to signed dollars, rounded half away from zero", () => {
    expect([formatMicroUsd("1250000"), formatMicroUsd("-404999"), formatMicroUsd("-405000"), formatMicroUsd("0"), formatMicroUsd("-1"), formatMicroUsd("x")]).toEqual([
      "+$1.25",
      "\u2212$0.40",
      "\u2212$0.41",
      "+$0.00",
      "+$0.00",
      "unknown",
    ]);
  });

  it("runway in words", () => {
    const base = { denom: "uakt", balance: "11000000", reserve: "1000000", perBid: "525000", bidsCovered: 19, spentLastDay: "1000000", days: 10 };
    expect(runwaySentence(base)).toBe("Covers 19 more bids, about 10 days of fees at the last day's pace (1 AKT/day).");
    expect(runwaySentence({ ...base, days: null, spentLastDay: "0" })).toBe("Covers 19 more bids; no bid fees were spent in the last 24 hours.");
    expect(runwaySentence({ ...base, bidsCovered: 0, days: 0 })).toMatch(/^Not enough for another bid/);
    expect(runwaySentence({ ...base, bidsCovered: 1, days: 1 })).toMatch(/^Covers 1 more bid, about 1 day /);
  });
});
