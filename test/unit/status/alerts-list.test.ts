import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AlertsList } from "../../../renderer/src/features/status/alerts-list";
import { overview, wallet } from "./samples";

describe("alerts list (rendered)", () => {
  it("each alert with its severity, what to do, and a button to the page that fixes it", () => {
    const { alerts } = overview({ wallet: wallet("none") });
    const html = renderToStaticMarkup(createElement(AlertsList, { alerts, navigate: () => {} }));
    expect(html).toContain('data-testid="alert-wallet_missing"');
    expect(html).toContain('data-severity="critical"');
    expect(html).toContain("Action needed");
    expect(html).toContain("Set up a wallet");
    expect(html).toContain("Open Onboarding</button>");
  });

  it("an alert whose page is unknown has no button; no alerts says so", () => {
    const html = renderToStaticMarkup(createElement(AlertsList, { alerts: [{ id: "price_stale", severity: "warning", title: "AKT price is stale", action: "Wait.", page: null }], navigate: () => {} }));
    expect(html).toContain("Warning");
    expect(html).not.toContain("<button");
    expect(renderToStaticMarkup(createElement(AlertsList, { alerts: [], navigate: () => {} }))).toContain("No alerts: nothing needs your attention.");
  });
});
