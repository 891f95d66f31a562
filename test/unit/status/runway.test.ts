import { describe, expect, it } from "vitest";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { collateralRunway } from "../../../main/status/runway";
import { balances } from "./samples";

// Defaults: deposit 500000 uakt, fee 25000 uakt, kept reserve 1000000 uakt.
const settings = DEFAULT_BIDENGINE_SETTINGS;

describe("collateral runway", () => {
  it("counts bids the balance above the reserve funds, and days of fees at the last day's pace", () => {
    // 11 AKT: 10 AKT above the reserve → 10000000 / 525000 = 19 bids; 40 bids/day × 25000 = 1 AKT/day → 10 days.
    expect(collateralRunway(settings, balances("11000000"), 40)).toEqual({
      denom: "uakt",
      balance: "11000000",
      reserve: "1000000",
      perBid: "525000",
      bidsCovered: 19,
      spentLastDay: "1000000",
      days: 10,
    });
  });

  it("no bids in the last day: no spending pace, so no days figure (not infinity)", () => {
    expect(collateralRunway(settings, balances("11000000"), 0)).toMatchObject({ spentLastDay: "0", days: null, bidsCovered: 19 });
    expect(collateralRunway(settings, balances("11000000"), null)).toMatchObject({ days: null });
  });

  it("a balance at or under the reserve funds nothing", () => {
    expect(collateralRunway(settings, balances("1000000"), 5)).toMatchObject({ bidsCovered: 0, days: 0 });
    expect(collateralRunway(settings, balances("0"), 5)).toMatchObject({ bidsCovered: 0, days: 0 });
  });

  it("a deposit in another denom limits bids by that balance too", () => {
    const s = { ...settings, chain: { ...settings.chain, deposit: { denom: "uact", amount: "5000000" } } };
    const b = { ...balances("11000000"), uact: "12000000" };
    // uakt: 11 AKT / 25000 fee = 440 bids; uact: (12 − 1 reserve) / 5 = 2 bids.
    expect(collateralRunway(s, b, 4)).toMatchObject({ denom: "uakt", reserve: "0", perBid: "25000", bidsCovered: 2, days: 110 });
  });

  it("a denom the treasury does not report gives no runway rather than a guess", () => {
    const s = { ...settings, chain: { ...settings.chain, feeEstimate: { denom: "ibc/27394FB0", amount: "1" } } };
    expect(collateralRunway(s, balances("11000000"), 1)).toBeNull();
  });

  it("huge balances stay safe integers", () => {
    const r = collateralRunway(settings, balances("9".repeat(35)), 1)!;
    expect(r.bidsCovered).toBe(2_147_483_647);
    expect(Number.isSafeInteger(r.days)).toBe(true);
  });
});
