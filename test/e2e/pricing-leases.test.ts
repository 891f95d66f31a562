import { mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer as createTlsServer, type Server } from "node:tls";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BidEngineSettings } from "../../common/bidengine-schemas";
import { watchPage } from "../support/watched-page";
import { launchChromium } from "../support/chromium";
import { ROOT, ensureBuilt } from "../support/ensure-build";
import { bridgeValue, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";
import { selfSigned } from "../unit/uptime/self-signed";

// The Pricing and Leases pages in the real headless app and Debian's Chromium: a price change is
// previewed by the engine before it is saved, an invalid value blocks saving with an inline error,
// and the real mainnet orders-list pasted into "Would I bid on this?" is declined as a stale denom.

const SHOTS = `${ROOT}test-results/e2e/`;
const MAINNET_ORDERS = readFileSync(new URL("../../../shared/fixtures/akash-mainnet/orders-list.json", import.meta.url), "utf8");

async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  return { page, problems: await watchPage(page) };
}

describe("Pricing, Leases and the uptime card in Chromium", () => {
  let app: HeadlessProcess;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    [app, browser] = await Promise.all([startHeadlessProcess(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it("previews a price change live, refuses an invalid one inline, and saves only a valid draft", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watched(context);
    await page.goto(app.url.replace("/#", "/?page=pricing#"));
    await page.getByRole("heading", { level: 1, name: "Pricing" }).waitFor();
    const gpuRow = page.getByTestId("preview-rtx4090");
    await gpuRow.waitFor({ timeout: 30_000 });
    // Defaults: $0.30/h GPU + the rest of the reference workload = $0.3625/h ≈ 604.17 uact/block at 6 s blocks.
    await expect.poll(() => gpuRow.textContent()).toContain("604.17 uact/block");
    await page.screenshot({ path: `${SHOTS}pricing.png`, fullPage: true });

    const gpuPrice = page.getByLabel("GPU rtx4090, per GPU");
    await gpuPrice.fill("0.60");
    // $0.6625/h ≈ 1104.17 uact/block, previewed before anything is saved.
    await expect.poll(() => gpuRow.textContent(), { timeout: 10_000 }).toContain("1104.17 uact/block");
    expect((await bridgeValue<BidEngineSettings>(app, "bidengine.settings")).pricing.usdPerHour.gpu.rtx4090).toBe("0.30");

    // An invalid value: inline error, Save disabled, the typed text kept.
    await gpuPrice.fill("-1");
    await page.getByText("A price cannot be negative.").waitFor();
    expect(await gpuPrice.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("button", { name: "Save prices" }).isDisabled()).toBe(true);
    expect(await gpuPrice.inputValue()).toBe("-1");
    await page.getByText("1 field needs fixing before you can save.").waitFor();
    await page.screenshot({ path: `${SHOTS}pricing-invalid.png`, fullPage: true });

    await gpuPrice.fill("0.55");
    // Leaving the page loses nothing: the unsaved draft is back on return.
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("button", { name: "Dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await nav.getByRole("button", { name: "Pricing" }).click();
    await page.getByText("Your unsaved changes from before are back.").waitFor();
    expect(await page.getByLabel("GPU rtx4090, per GPU").inputValue()).toBe("0.55");
    await page.getByRole("button", { name: "Add quiet window" }).click();
    await page.getByRole("button", { name: "Save prices" }).click();
    await page.getByText("Saved. The engine uses these prices from its next order.").waitFor();
    const saved = await bridgeValue<BidEngineSettings>(app, "bidengine.settings");
    expect(saved.pricing.usdPerHour.gpu.rtx4090).toBe("0.55");
    expect(saved.policies.quietWindows).toEqual([{ days: [1, 2, 3, 4, 5], from: "18:00", to: "23:00" }]);

    // A reload shows what was saved.
    await page.reload();
    await page.getByLabel("GPU rtx4090, per GPU").waitFor();
    expect(await page.getByLabel("GPU rtx4090, per GPU").inputValue()).toBe("0.55");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("screens the real mainnet orders-list as declined for a stale denom, and lists decisions with filters", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watched(context);
    await page.goto(app.url.replace("/#", "/?page=leases#"));
    await page.getByRole("heading", { level: 1, name: "Leases" }).waitFor();
    await page.getByText("Active leases appear here once the provider wins one").waitFor();
    // No wallet here: the engine reports no open bids, and the stopped gateway is flagged, because a
    // won lease nobody serves earns nothing.
    await expect.poll(() => page.getByTestId("open-bids").textContent()).toBe("0");
    await expect.poll(() => page.getByTestId("serving-warning").textContent()).toContain("Leases this provider wins must be served");
    expect(await page.getByRole("table").count()).toBe(0);
    await page.getByText("No decisions yet").waitFor();

    // Garbage first: a readable error, nothing else.
    await page.getByLabel("Order JSON").fill("{ not json");
    await page.getByRole("button", { name: "Would I bid on this?" }).click();
    await page.getByRole("alert").filter({ hasText: "That is not JSON" }).waitFor();

    await page.getByLabel("Order JSON").fill(MAINNET_ORDERS);
    await page.getByRole("button", { name: "Would I bid on this?" }).click();
    const result = page.getByRole("list", { name: "Screening result" });
    await result.waitFor();
    const count = (JSON.parse(MAINNET_ORDERS) as { orders: unknown[] }).orders.length;
    expect(await result.getByRole("listitem").count()).toBe(count);
    expect(await result.getByText("Declined: Stale denom").count()).toBe(count);
    expect(await page.getByText(`${count} order${count === 1 ? "" : "s"} checked: 0 would get a bid, ${count} declined.`).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}leases-screen.png`, fullPage: true });

    // The decision filters query the engine's log (empty here: no chain, no orders seen).
    await page.getByLabel("Outcome").selectOption("declined");
    await page.getByLabel("Reason").selectOption("denom_unsupported");
    await page.getByText("No decisions match these filters").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the Dashboard's uptime card checks the gateway address over real TLS and shows the result", async () => {
    const pem = await selfSigned();
    const gateway: Server = createTlsServer({ key: pem.key, cert: pem.cert }, (socket) => socket.end());
    const port = await new Promise<number>((resolve) => gateway.listen(0, "127.0.0.1", () => resolve((gateway.address() as AddressInfo).port)));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watched(context);
    try {
      await page.goto(app.url);
      const card = page.getByRole("region", { name: "Uptime" });
      await card.waitFor();
      await card.getByTestId("uptime-gateway").waitFor();

      await card.getByLabel("Gateway address tenants use").fill("not an address");
      await card.getByRole("button", { name: "Save and check" }).click();
      await card.getByText("Enter the public host and port tenants use").waitFor();

      await card.getByLabel("Gateway address tenants use").fill(`127.0.0.1:${port}`);
      await card.getByRole("button", { name: "Save and check" }).click();
      await expect.poll(() => card.getByTestId("uptime-gateway").getAttribute("data-state"), { timeout: 15_000 }).toBe("up");
      expect(await card.getByTestId("uptime-gateway").textContent()).toContain(`TLS handshake with 127.0.0.1:${port}`);
      expect(await card.getByTestId("uptime-app").getAttribute("data-state")).toBe("up");
      // The check recorded this minute: the 24 h column shows the app at 100 %.
      await expect.poll(() => card.getByRole("row", { name: /^The app/ }).textContent(), { timeout: 10_000 }).toContain("100.00 %");
      await card.screenshot({ path: `${SHOTS}uptime-card.png` });

      // The gateway goes away: the next check says so.
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
      await bridgeValue(app, "uptime.check");
      await expect.poll(() => card.getByTestId("uptime-gateway").getAttribute("data-state"), { timeout: 15_000 }).toBe("down");
      expect(await card.getByTestId("uptime-gateway").textContent()).toContain("connection refused");
      await card.getByText("Recent incidents").waitFor();
      await page.screenshot({ path: `${SHOTS}dashboard-uptime.png`, fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      gateway.close();
      await context.close();
    }
  });
});
