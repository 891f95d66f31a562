import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Tariff } from "../../../common/hardware-schemas";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { rateFromTariff } from "../../../main/bidengine/electricity-rate";
import { previewPrice } from "../../../main/bidengine/preview-price";
import { toDraft } from "../../../renderer/src/features/pricing/draft";
import { PricingForm } from "../../../renderer/src/features/pricing/pricing-form";
import { TariffInForceNote } from "../../../renderer/src/features/pricing/tariff-in-force";

// The Pricing page names the tariff the floor uses now, from the engine's own preview, and keeps its
// own field only as the fallback, labelled so.

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
const NOW = new Date("2026-11-18T16:30:00Z"); // Wednesday 17:30 in Berlin
const eur = Tariff.parse({
  kind: "time_of_use",
  currency: "EUR",
  usdPerUnit: "1.08",
  timeZone: "Europe/Berlin",
  defaultPricePerKwh: "0.25",
  bands: [{ days: [1, 2, 3, 4, 5], fromHour: 17, toHour: 21, pricePerKwh: "0.42" }],
});
const inForce = (tariff: Tariff | null) =>
  previewPrice(DEFAULT_BIDENGINE_SETTINGS, { utilisationPercent: 50, gpuModels: [], now: NOW, electricityRate: (now) => rateFromTariff(tariff, now) }).tariff;

describe("the tariff in force, on the Pricing page", () => {
  it("names the Earnings page's tariff with its band and rate, and says the fallback is unused", () => {
    const shown = text(renderToStaticMarkup(createElement(TariffInForceNote, { tariff: inForce(eur), onOpenTariff: () => {} })));
    expect(shown).toContain("In force now: your EUR time-of-use tariff, band Mon–Fri 17:00–21:00: 0.42 EUR × 1.08 = $0.4536/kWh.");
    expect(shown).toContain("The fallback below is not used while this tariff is set.");
    expect(shown).toContain("Edit the tariff on the Earnings page");
  });

  it("says when the fallback is in force and why, with the way to set a tariff", () => {
    const none = text(renderToStaticMarkup(createElement(TariffInForceNote, { tariff: inForce(null), onOpenTariff: () => {} })));
    expect(none).toContain("In force now: the Pricing page's fallback $0.30/kWh (no electricity tariff is set on the Earnings page).");
    expect(none).toContain("Set your tariff on the Earnings page");
    const noRate = Tariff.parse({ ...eur, usdPerUnit: undefined });
    expect(text(renderToStaticMarkup(createElement(TariffInForceNote, { tariff: inForce(noRate) })))).toContain("your EUR tariff has no exchange rate to US dollars");
    expect(text(renderToStaticMarkup(createElement(TariffInForceNote, { tariff: null })))).toContain("Finding which electricity tariff is in force");
  });

  it("the form labels its own field as the fallback and shows the note beside it", () => {
    const html = renderToStaticMarkup(createElement(PricingForm, { draft: toDraft(DEFAULT_BIDENGINE_SETTINGS), errors: {}, onChange: () => {}, tariff: inForce(eur), onOpenTariff: () => {} }));
    expect(html).toMatch(/<label for="pf-tariff">Fallback electricity tariff<\/label>/);
    const shown = text(html);
    expect(shown).toContain("Used only while no tariff is set on the Earnings page");
    expect(shown.indexOf("In force now: your EUR")).toBeLessThan(shown.indexOf("Fallback electricity tariff"));
  });
});
