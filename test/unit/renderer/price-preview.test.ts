import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { previewPrice } from "../../../main/bidengine/preview-price";
import { PricePreview } from "../../../renderer/src/features/pricing/price-preview";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
const NOW = new Date("2026-11-18T12:00:00Z");

describe("price preview", () => {
  it("shows the engine's figures for each reference workload and the assumption", () => {
    const value = previewPrice(DEFAULT_BIDENGINE_SETTINGS, { utilisationPercent: 50, gpuModels: [], now: NOW });
    const shown = text(renderToStaticMarkup(createElement(PricePreview, { state: { status: "ok", value }, invalid: false })));
    expect(shown).toContain("1 × rtx4090 · 4 CPU · 16 GiB RAM · 100 GiB disk · 1 HTTP endpoint");
    expect(shown).toContain("Bid 604.17 uact/block");
    expect(shown).toContain("Cost floor 257.73 uact/block");
    expect(shown).toContain("Per hour $0.3625");
    expect(shown).toContain("Est. per day $4.35 (floor $1.86)");
    expect(shown).toContain("leased 50 % of the day");
    expect(shown).not.toContain("raised to the floor");
  });

  it("flags a price raised to the floor, and keeps the last preview while the draft is invalid", () => {
    const cheap = { ...DEFAULT_BIDENGINE_SETTINGS, pricing: { ...DEFAULT_BIDENGINE_SETTINGS.pricing, usdPerHour: { ...DEFAULT_BIDENGINE_SETTINGS.pricing.usdPerHour, gpu: { rtx4090: "0.01", "*": "0.01" } } } };
    const value = previewPrice(cheap, { utilisationPercent: 100, gpuModels: [], now: NOW });
    const shown = text(renderToStaticMarkup(createElement(PricePreview, { state: { status: "loading", last: value }, invalid: true })));
    expect(shown).toContain("Your price is below the cost floor: the bid is raised to the floor.");
    expect(shown).toContain("Fix the highlighted fields to update the preview.");
    expect(shown).toContain("Bid 257.73 uact/block");
  });

  it("shows an error from the app instead of figures", () => {
    const shown = text(renderToStaticMarkup(createElement(PricePreview, { state: { status: "error", error: { code: "INVALID_INPUT", message: "bidengine.previewPrice: bad" } }, invalid: false })));
    expect(shown).toContain("The app refused the request.");
    expect(shown).not.toContain("uact/block");
  });
});
