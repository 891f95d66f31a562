import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { LeaseEarnings } from "../../../common/earnings-schemas";
import { ElectricityNote, electricityText } from "../../../renderer/src/features/earnings/electricity-note";
import { LeaseTable } from "../../../renderer/src/features/earnings/lease-table";

// What the Earnings page says about the tariff's currency: the owner's rate beside converted figures,
// a visible warning (and no dollar figure) where there is no rate.

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ").trim();

describe("electricity currency on the page", () => {
  it("names the rate it converted at, warns without one, and says nothing for USD", () => {
    expect(text(renderToStaticMarkup(createElement(ElectricityNote, { conversion: { status: "converted", currency: "EUR", usdPerUnit: "1.08" } })))).toBe(
      "Electricity converted at 1 EUR = 1.08 USD (set by you).",
    );
    const warning = renderToStaticMarkup(createElement(ElectricityNote, { conversion: { status: "not_converted", currency: "EUR", usdPerUnit: null } }));
    expect(warning).toContain('class="earn-warn"');
    expect(text(warning)).toMatch(/^Electricity not converted: your tariff is in EUR and has no exchange rate to USD/);
    expect(renderToStaticMarkup(createElement(ElectricityNote, { conversion: { status: "usd", currency: "USD", usdPerUnit: "1" } }))).toBe("");
    expect(electricityText({ status: "not_converted", currency: "EUR", usdPerUnit: null }, "$0.00")).toBe("not converted");
    expect(electricityText({ status: "converted", currency: "EUR", usdPerUnit: "1.08" }, "$1.55")).toBe("$1.55");
  });

  it("a lease whose electricity could not be converted shows no dollar figure for it", () => {
    const lease: LeaseEarnings = {
      leaseId: "akash1t/5/1/1/akash1p",
      owner: "akash1tenantaddress",
      dseq: "5",
      state: "active",
      rateUactPerBlock: "100",
      createdHeight: 1,
      closedHeight: null,
      earnedUact: "1000000",
      withdrawnUact: "0",
      accruedUact: "0",
      closePaidUact: "0",
      electricityUsdMicro: "0",
      electricityConverted: false,
      netUsdMicro: "1000000",
      gpus: [],
    };
    expect(text(renderToStaticMarkup(createElement(LeaseTable, { leases: [lease] })))).toContain("not converted $1.00");
    expect(text(renderToStaticMarkup(createElement(LeaseTable, { leases: [{ ...lease, electricityConverted: true, electricityUsdMicro: "540000", netUsdMicro: "460000" }] })))).toContain("$0.54 $0.46");
  });
});
