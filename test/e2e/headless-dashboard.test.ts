import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppInfo, Settings, SystemSummary } from "../../common/schemas";
import { PAGES as MENU } from "../../renderer/src/navigation/pages";
import { launchChromium } from "../support/chromium";
import { ROOT, RENDERER_INDEX, ensureBuilt } from "../support/ensure-build";
import { bridgeValue, callBridge, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";

// The real app, as a headless rig runs it, driven in Debian's Chromium: the page must show this
// machine's real hardware, every page must open, settings must persist, and the browser must report
// no console error and no CSP violation along the way.

const SHOTS = `${ROOT}test-results/e2e/`;
// Each page, and a sentence it must show (its honest empty state, or its real content).
const PAGES: [label: string, text: string][] = [
  ["Onboarding", "Hardware report"],
  ["Dashboard", "This machine"],
  ["Earnings", "Earnings appear here once your first lease pays"],
  ["Pricing", "Every change is previewed before you save it"],
  ["Leases", "Active leases appear here once the provider wins one"],
  ["Settings", "Start at login"],
];

interface Watched {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
}

async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const watched: Watched = { page, consoleErrors: [], pageErrors: [], cspViolations: [] };
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") watched.consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => watched.pageErrors.push(error.message));
  // Exposed bindings and init scripts come in through the DevTools protocol, not the page: the CSP
  // does not apply to them, so the listener sees every violation the page itself causes.
  await page.exposeFunction("__reportCspViolation", (text: string) => watched.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return watched;
}

describe("headless dashboard in Chromium", () => {
  let app: HeadlessProcess;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    [app, browser] = await Promise.all([startHeadlessProcess(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    const code = await app?.stop();
    // A clean SIGTERM shutdown (exit 0) shows the app closed its database and bridge properly.
    expect(code).toBe(0);
  });

  it("the production build has no inline scripts or styles (the CSP would block them)", () => {
    const html = readFileSync(RENDERER_INDEX, "utf8");
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    for (const script of html.match(/<script\b[^>]*>/gi) ?? []) expect(script).toMatch(/\ssrc=/);
    expect(html.match(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)?.every((tag) => /<script\b[^>]*>\s*<\/script>/i.test(tag))).toBe(true);
  });

  it("shows this machine's real hardware, opens every page, keeps a setting across a reload, with no console error or CSP violation", async () => {
    const summary = await bridgeValue<SystemSummary>(app, "system.summary");
    const info = await bridgeValue<AppInfo>(app, "app.info");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const watched = await watchedPage(context);
    const { page } = watched;

    // First screen: the dashboard with the machine's hardware and the app's info.
    await page.goto(app.url);
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await page.getByTestId("cpu-model").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("cpu-model").textContent()).toBe(summary.cpu.model);
    expect(await page.getByTestId("cpu-threads").textContent()).toContain(`${summary.cpu.threads} thread`);
    if (summary.gpus.length === 0) {
      expect(await page.getByTestId("no-gpu").textContent()).toContain("No GPU detected");
    } else {
      for (const gpu of summary.gpus) expect(await page.getByText(gpu.model).count()).toBeGreaterThan(0);
    }
    expect(await page.getByTestId("app-version").textContent()).toBe(info.version);
    expect(info.version).toBe(JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).version);
    // No fake numbers: before onboarding, earnings say when they will appear.
    expect(await page.getByText("Earnings, electricity cost and net profit appear here once your first lease pays.").count()).toBe(1);
    // The first Tab stop skips the menu and lands on the page's heading.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Dashboard");
    // The token moved out of the address bar into this tab's storage.
    expect(page.url()).not.toContain("token");
    await page.screenshot({ path: `${SHOTS}dashboard.png`, fullPage: true });

    // Every page, through the menu: the current one is marked, and focus lands on its heading.
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(PAGES.map(([label]) => label)).toEqual(MENU.map((entry) => entry.label)); // a new page needs a line above
    for (const [label, text] of PAGES) {
      await nav.getByRole("button", { name: label }).click();
      await page.getByRole("heading", { level: 1, name: label }).waitFor();
      await page.getByText(text).first().waitFor();
      expect(await nav.getByRole("button", { name: label }).getAttribute("aria-current")).toBe("page");
      expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(await page.title()).toContain(label);
      expect(new URL(page.url()).searchParams.get("page")).toBe(label.toLowerCase());
    }

    // Keyboard only: Tab to a menu entry and press Enter; Back returns to the previous page.
    await nav.getByRole("button", { name: "Earnings" }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Pricing");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Pricing" }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();

    // Settings: a change is saved at once, shows in the header, and survives a reload.
    await page.getByLabel("Network").selectOption("sandbox-2");
    await page.getByText("Saved.").waitFor();
    await page.getByLabel("Start at login").check();
    await expect.poll(() => bridgeValue<Settings>(app, "settings.get")).toEqual({ network: "sandbox-2", startAtLogin: true, closeToTray: true });
    expect(await page.getByTestId("network-badge").textContent()).toContain("Sandbox (sandbox-2)");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await page.locator('.shell[data-connection="connected"]').waitFor();
    expect(await page.getByLabel("Network").inputValue()).toBe("sandbox-2");
    expect(await page.getByLabel("Start at login").isChecked()).toBe(true);
    expect(await page.getByLabel("Close to tray").isChecked()).toBe(true);

    // A change made elsewhere (the tray, another window) arrives live over the event stream.
    await bridgeValue<Settings>(app, "settings.update", { closeToTray: false, network: "akashnet-2" });
    await expect.poll(() => page.getByLabel("Close to tray").isChecked(), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => page.getByTestId("network-badge").textContent(), { timeout: 10_000 }).toContain("Mainnet");
    expect(await page.getByLabel("Network").inputValue()).toBe("akashnet-2");
    await page.screenshot({ path: `${SHOTS}settings.png`, fullPage: true });

    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Onboarding" }).click();
    // The wizard opens at its first step on a fresh data dir: the hardware report with its verdicts.
    await page.getByTestId("hardware-report").waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}onboarding.png`, fullPage: true });

    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    await context.close();
  });

  it("opened without the token, the page says to open the link with the token, and calls nothing", async () => {
    const context = await browser.newContext();
    const watched = await watchedPage(context);
    const apiRequests: string[] = [];
    watched.page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/")) apiRequests.push(request.url());
    });
    await watched.page.goto(`${app.origin}/?page=settings`);
    const alert = watched.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Open the dashboard with the link the app printed");
    await watched.page.screenshot({ path: `${SHOTS}no-token.png` });
    expect(apiRequests).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);

    // Canary: the watchers above do catch a violation. An inline <style> is what the CSP must block.
    await watched.page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "body { color: red }";
      document.head.append(style);
    });
    await expect.poll(() => watched.cspViolations.length).toBe(1);
    expect(watched.cspViolations[0]).toMatch(/^style-src/);
    await context.close();
  });

  it("a wrong token gets 401 from the API, and the page explains instead of showing errors", async () => {
    const wrong = "x".repeat(app.token.length);
    const { status, body } = await callBridge(app.origin, wrong, "app.info");
    expect(status).toBe(401);
    expect(body).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    const noToken = await fetch(`${app.origin}/api/call/app.info`, { method: "POST" });
    expect(noToken.status).toBe(401);

    const context = await browser.newContext();
    const watched = await watchedPage(context);
    await watched.page.goto(`${app.origin}/#token=${wrong}`);
    const alert = watched.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("did not accept this page's access token");
    expect(watched.page.url()).not.toContain(wrong);
    // The browser logs the refused requests themselves (401); nothing else may go wrong.
    expect(watched.consoleErrors.every((line) => /401|Unauthorized|WebSocket/i.test(line))).toBe(true);
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    await context.close();
  });

  it("when the app goes away, the page says so and shows readable errors instead of stale data", async () => {
    const doomed = await startHeadlessProcess();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const watched = await watchedPage(context);
    try {
      await watched.page.goto(doomed.url.replace("/#", "/?page=settings#"));
      await watched.page.locator('.shell[data-connection="connected"]').waitFor();
      expect(await doomed.stop()).toBe(0);

      await watched.page.getByText("Lost the live connection to the app").waitFor({ timeout: 10_000 });
      await watched.page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Dashboard" }).click();
      const alerts = watched.page.getByRole("alert").filter({ hasText: "Cannot reach the app." });
      await alerts.first().waitFor({ timeout: 10_000 });
      expect(await alerts.count()).toBe(5); // status, today's earnings, hardware, app info and uptime each say so, with their own retry
      expect(await watched.page.getByRole("button", { name: "Try again" }).count()).toBe(5);
      await watched.page.screenshot({ path: `${SHOTS}app-gone.png`, fullPage: true });
      expect(watched.pageErrors).toEqual([]);
      expect(watched.cspViolations).toEqual([]);
    } finally {
      await doomed.stop();
      await context.close();
    }
  });
});
