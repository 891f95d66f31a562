import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { REASON_CODES, type DecisionView } from "../../../common/bidengine-schemas";
import { compileContext } from "../../../main/bidengine/engine-context";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { screen } from "../../../main/bidengine/screen";
import { DecisionCard } from "../../../renderer/src/features/bids/decision-card";
import { decisionQuery, REASON_LABELS, reasonLabel, settingOnPricingPage } from "../../../renderer/src/features/bids/reason-labels";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");
const mainnetOrders = readFileSync(new URL("../../../../shared/fixtures/akash-mainnet/orders-list.json", import.meta.url), "utf8");

function decline(over: Partial<DecisionView> = {}): DecisionView {
  return {
    orderId: { owner: "akash1tenant0000000000000000000000000000000", dseq: "42", gseq: 1, oseq: 1 },
    key: "akash1tenant0000000000000000000000000000000/42/1/1",
    decidedAt: "2026-11-21T21:00:00.000Z",
    outcome: "declined",
    reason: "max_price_below_floor",
    message: "max price 310 uact/block is below your floor 420",
    details: { maxPrice: "310.0", floor: "420.0", watts: 374 },
    fix: { setting: "cost.marginBps", hint: "a lower margin lowers the floor" },
    price: null,
    floor: "420.000000000000000000",
    maxPrice: "310.000000000000000000",
    marketReference: null,
    strategy: "fixed",
    ...over,
  };
}

describe("decision card", () => {
  it("shows a decline's reason, its numbers and the setting that would change it, with a way to Pricing", () => {
    const shown = text(renderToStaticMarkup(createElement(DecisionCard, { decision: decline(), navigate: () => {} })));
    expect(shown).toContain("Declined: Pays below your floor");
    expect(shown).toContain("max price 310 uact/block is below your floor 420");
    expect(shown).toContain("Your floor 420.00 uact/block");
    expect(shown).toContain("Order pays at most 310.00 uact/block");
    expect(shown).toContain("What would change it: a lower margin lowers the floor ( cost.marginBps )");
    expect(shown).toContain("Open Pricing");
    expect(shown).toContain("watts 374");
  });

  it("shows a bid's price and no fix", () => {
    const shown = text(
      renderToStaticMarkup(
        createElement(DecisionCard, { decision: decline({ outcome: "bid", reason: null, fix: null, message: "bid 604.17 uact/block", price: { denom: "uact", amount: "604.166666666666666666" } }) }),
      ),
    );
    expect(shown).toContain("Bid 604.17 uact/block");
    expect(shown).not.toContain("What would change it");
  });

  it("the real mainnet orders-list, screened, renders as declined for a stale denom", () => {
    const out = screen(mainnetOrders, compileContext({ settings: DEFAULT_BIDENGINE_SETTINGS, now: new Date("2026-11-21T21:00:00Z"), utcOffsetMinutes: 0, gaming: false, openBids: 0 }));
    expect(out.decisions.length).toBeGreaterThan(0);
    const shown = text(renderToStaticMarkup(createElement(DecisionCard, { decision: out.decisions[0]! })));
    expect(shown).toContain("Declined: Stale denom");
    expect(shown).toContain("not uact");
  });
});

describe("bids filters", () => {
  it("labels every reason code, and unknown codes as themselves", () => {
    for (const code of REASON_CODES) expect(REASON_LABELS[code].length).toBeGreaterThan(3);
    expect(reasonLabel("some_future_code")).toBe("some_future_code");
    expect(reasonLabel(null)).toBe("");
  });

  it("builds the decisions query from the filters, the window rounded to the minute", () => {
    const now = Date.parse("2026-11-21T21:30:45.123Z");
    expect(decisionQuery({ outcome: "declined", reason: "denom_unsupported", range: "1h" }, now)).toEqual({
      outcome: "declined",
      reason: "denom_unsupported",
      since: "2026-11-21T20:30:00.000Z",
      limit: 200,
    });
    expect(decisionQuery({ outcome: "", reason: "", range: "30d" }, now)).toEqual({ since: "2026-10-22T21:30:00.000Z", limit: 200 });
  });

  it("knows which settings live on the Pricing page", () => {
    expect(settingOnPricingPage("cost.marginBps")).toBe(true);
    expect(settingOnPricingPage("policies.minLeaseUsdPerHour")).toBe(true);
    expect(settingOnPricingPage("provider.attributes")).toBe(false);
    // The desktop reserve is edited on the Pricing page ("What this PC keeps for you").
    expect(settingOnPricingPage("hardware.reserve.cpuThreads")).toBe(true);
    expect(settingOnPricingPage("hardware.reserve")).toBe(true);
  });
});
