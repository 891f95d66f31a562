import { describe, expect, it } from "vitest";
import { decide } from "../../../main/bidengine/decide";
import { activeQuietWindow } from "../../../main/bidengine/owner-policies";
import { context, gpuOrder } from "./helpers";

const wednesday = (hhmm: string) => new Date(`2026-11-18T${hhmm}:00Z`);

describe("the owner's policies", () => {
  it("pause and gaming mode stop new bids, and say which setting resumes them", () => {
    expect(decide(gpuOrder(), context({ paused: true }))).toMatchObject({ reason: "paused", fix: { setting: "paused" } });
    expect(decide(gpuOrder(), context({}, { gaming: true }))).toMatchObject({ reason: "gaming", fix: { setting: "policies.pauseWhileGaming" } });
    expect(decide(gpuOrder(), context({ policies: { pauseWhileGaming: false } }, { gaming: true })).outcome).toBe("bid");
  });

  it("quiet windows use the owner's local time, including windows past midnight", () => {
    const evenings = { policies: { quietWindows: [{ days: [1, 2, 3, 4, 5], from: "18:00", to: "23:30" }] } };
    expect(decide(gpuOrder(), context(evenings, { now: wednesday("19:00") })).reason).toBe("outside_schedule");
    expect(decide(gpuOrder(), context(evenings, { now: wednesday("17:59") })).outcome).toBe("bid");
    // 17:30 UTC is 19:30 at UTC+2
    expect(decide(gpuOrder(), context(evenings, { now: wednesday("17:30"), utcOffsetMinutes: 120 })).message).toBe("no new bids between 18:00 and 23:30 on Mon, Tue, Wed, Thu, Fri");
    const night = [{ days: [6], from: "22:00", to: "06:00" }]; // Saturday night into Sunday
    expect(activeQuietWindow(night, 6 * 1440 + 23 * 60)).not.toBeNull();
    expect(activeQuietWindow(night, 0 * 1440 + 5 * 60)).not.toBeNull(); // Sunday 05:00 wraps the week
    expect(activeQuietWindow(night, 0 * 1440 + 6 * 60)).toBeNull();
    expect(activeQuietWindow(night, 5 * 1440 + 23 * 60)).toBeNull(); // Friday night is free
  });

  it("deny and allow lists are checked on the order's owner", () => {
    expect(decide(gpuOrder({ owner: "akash1bad" }), context({ policies: { denyTenants: ["akash1bad"] } })).reason).toBe("tenant_denied");
    const allow = context({ policies: { allowTenants: ["akash1friend"] } });
    expect(decide(gpuOrder({ owner: "akash1stranger" }), allow).reason).toBe("tenant_not_allowed");
    expect(decide(gpuOrder({ owner: "akash1friend" }), allow).outcome).toBe("bid");
  });

  it("stops at the maximum of concurrent bids", () => {
    const d = decide(gpuOrder(), context({ policies: { maxConcurrentBids: 3 } }, { openBids: 3 }));
    expect(d).toMatchObject({ reason: "max_concurrent_bids", details: { openBids: 3, maxConcurrentBids: 3 } });
  });

  it("needs the deposit, the fee and the kept reserve in the wallet", () => {
    // defaults: 500000 uakt deposit + 25000 uakt fee + 1000000 uakt reserve = 1525000 uakt
    const poor = decide(gpuOrder(), context({}, { balances: new Map([["uakt", 1_500_000n]]) }));
    expect(poor).toMatchObject({ reason: "collateral_insufficient", details: { denom: "uakt", needed: "1525000", available: "1500000" } });
    expect(poor.fix?.hint).toContain("25000 uakt more");
    expect(decide(gpuOrder(), context({}, { balances: new Map([["uakt", 1_525_000n]]) })).outcome).toBe("bid");
    const uactDeposit = context({ chain: { deposit: { denom: "uact", amount: "500000" } } }, { balances: new Map([["uakt", 30_000n], ["uact", 1_500_000n]]) });
    expect(decide(gpuOrder(), uactDeposit).outcome).toBe("bid");
  });
});
