import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevnetStatus } from "../../common/devnet-schemas";
import type { HardwareReport } from "../../common/hardware-schemas";
import type { NotificationSettings, StatusOverview } from "../../common/status-schemas";
import { launchChromium } from "../support/chromium";
import { ROOT, ensureBuilt } from "../support/ensure-build";
import { bridgeValue, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";

// The Dashboard's status card on the real headless app from an empty data dir, in Chromium: honest
// states for this machine (no wallet yet; no GPU where there is none), alerts that lead to the page
// that fixes them, and the notification switches on the Settings page. Screenshots go to
// test-results/e2e/.

const SHOTS = `${ROOT}test-results/e2e/`;

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

describe("dashboard status card (headless app, Chromium)", () => {
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

  it("shows the status, the reason and the alerts for a fresh machine, and leads to where they are fixed", async () => {
    // The in-app devnet takes a few seconds to listen; the steady state is what an owner sees.
    await expect.poll(async () => (await bridgeValue<DevnetStatus>(app, "devnet.status")).running, { timeout: 30_000 }).toBe(true);
    await expect
      .poll(async () => (await bridgeValue<StatusOverview>(app, "status.overview", { refresh: true })).alerts.map((a) => a.id), { timeout: 30_000, interval: 1_000 })
      .not.toContain("rpc_unhealthy");
    const overview = await bridgeValue<StatusOverview>(app, "status.overview");
    const report = await bridgeValue<HardwareReport>(app, "hardware.report");
    expect(overview.wallet.state).toBe("none");
    expect(overview.state).toBe("offline");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    const card = page.getByTestId("status-card");
    await card.waitFor({ timeout: 30_000 });

    expect(await page.getByTestId("status-state").textContent()).toContain("Offline");
    expect(await card.locator(".st-reason").textContent()).toBe("No wallet yet: set one up to start bidding.");
    const walletAlert = page.getByTestId("alert-wallet_missing");
    expect(await walletAlert.textContent()).toContain("Set up a wallet");
    const sellable = report.gpus.some((g) => (g.vendor === "nvidia" || g.vendor === "amd") && g.attributes.length > 0);
    const gpus = report.gpus.filter((g) => g.vendor === "nvidia" || g.vendor === "amd");
    if (gpus.length === 0) expect(await page.getByTestId("alert-gpu_not_detected").textContent()).toContain("No GPU detected");
    else if (!sellable) expect(await page.getByTestId("alert-gpu_not_detected").textContent()).toContain("GPU not ready to sell");
    else expect(await page.getByTestId("alert-gpu_not_detected").count()).toBe(0);
    // No wallet: no balance, and no made-up figures.
    expect(await card.getByText("No wallet", { exact: true }).count()).toBe(1);
    expect(await page.getByTestId("status-bids").textContent()).toBe("not running");
    expect(await page.getByTestId("status-leases").textContent()).toBe("0");
    // Alerts are ordered most urgent first: the wallet leads.
    expect(await page.locator(".st-alert").first().getAttribute("data-testid")).toBe("alert-wallet_missing");
    await card.screenshot({ path: `${SHOTS}dashboard-status-card.png` });
    await page.screenshot({ path: `${SHOTS}dashboard-status.png`, fullPage: true });

    // The alert's button goes to Onboarding.
    await walletAlert.getByRole("button", { name: "Open Onboarding" }).click();
    await page.getByRole("heading", { level: 1, name: "Onboarding" }).waitFor();

    // A fresh install starts paused (the wizard's "Go live" starts it); resuming and pausing from the
    // Dashboard is kept in the bid engine's settings and shown at once.
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Dashboard" }).click();
    expect(overview.paused).toBe(true);
    await page.getByRole("button", { name: "Resume bidding" }).click();
    await page.getByRole("button", { name: "Pause bidding" }).waitFor();
    expect((await bridgeValue<StatusOverview>(app, "status.overview")).paused).toBe(false);
    await page.getByRole("button", { name: "Pause bidding" }).click();
    await page.getByRole("button", { name: "Resume bidding" }).waitFor();
    expect((await bridgeValue<StatusOverview>(app, "status.overview")).paused).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("switches a notification kind off on the Settings page and keeps it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
    const offline = page.getByLabel("Going offline");
    await offline.waitFor({ timeout: 30_000 });
    expect(await offline.isChecked()).toBe(true);
    await offline.uncheck();
    await expect.poll(async () => (await bridgeValue<NotificationSettings>(app, "notifications.settings")).offline).toBe(false);
    await page.reload();
    await page.getByLabel("Lease won").waitFor({ timeout: 30_000 });
    expect(await page.getByLabel("Going offline").isChecked()).toBe(false);
    expect(await page.getByLabel("Lease won").isChecked()).toBe(true);
    await page.getByRole("heading", { name: "Notifications" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}settings-notifications.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
