import { describe, expect, it } from "vitest";
import { MIN_BURN_UACT, planPolicy, POLICY_OFF } from "../../../main/provider/treasury-policy";

const COLD = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l";

describe("treasury policy planner", () => {
  it("does nothing while every policy is off (the default)", () => {
    expect(planPolicy(POLICY_OFF, { uact: 10n ** 12n, surplus: 10n ** 12n, pendingActToAkt: 0n })).toEqual([]);
  });

  it("burns ACT above the threshold, once (not while a burn is pending), and never dust", () => {
    const policy = { ...POLICY_OFF, burnActAbove: 5_000_000n };
    expect(planPolicy(policy, { uact: 6_000_000n, surplus: 0n, pendingActToAkt: 0n })).toEqual([{ kind: "burnAct", amount: 6_000_000n, reason: expect.stringMatching(/threshold/) }]);
    expect(planPolicy(policy, { uact: 4_000_000n, surplus: 0n, pendingActToAkt: 0n })).toEqual([]);
    expect(planPolicy(policy, { uact: 6_000_000n, surplus: 0n, pendingActToAkt: 1n })).toEqual([]);
    expect(planPolicy({ ...POLICY_OFF, burnActAbove: 1n }, { uact: MIN_BURN_UACT - 1n, surplus: 0n, pendingActToAkt: 0n })).toEqual([]);
  });

  it("sweeps only the surplus above the reserve, only to a configured address", () => {
    expect(planPolicy({ ...POLICY_OFF, sweepAbove: 1_000_000n, sweepTo: COLD }, { uact: 0n, surplus: 3_000_000n, pendingActToAkt: 0n })).toEqual([
      { kind: "sweep", amount: 3_000_000n, to: COLD, reason: expect.any(String) },
    ]);
    expect(planPolicy({ ...POLICY_OFF, sweepAbove: 1_000_000n, sweepTo: null }, { uact: 0n, surplus: 3_000_000n, pendingActToAkt: 0n })).toEqual([]);
    expect(planPolicy({ ...POLICY_OFF, sweepAbove: 5_000_000n, sweepTo: COLD }, { uact: 0n, surplus: 3_000_000n, pendingActToAkt: 0n })).toEqual([]);
  });
});
