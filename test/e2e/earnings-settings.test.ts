import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EarningsSettings, WithdrawSchedule } from "../../common/earnings-schemas";
import type { HardwareSettings } from "../../common/hardware-schemas";
import { watchPage } from "../support/watched-page";
import { launchChromium } from "../support/chromium";
import { ROOT, ensureBuilt } from "../support/ensure-build";
import { bridgeValue, callBridge, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";

// The Earnings page's two forms in the real headless app and Debian's Chromium: the withdraw
// scheduler's settings are saved, survive a reload and refuse an invalid value inline; the electricity
// tariff in euros needs its exchange rate, and once set the page shows the rate it converts at.

const SHOTS = `${ROOT}test-results/e2e/`;

async function envelope(app: HeadlessProcess, method: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const { status, body } = await callBridge(app.origin, app.token, method, input);
  expect(status).toBe(200);
  return body as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  return { page, problems: await watchPage(page, { warnings: false }) };
}

describe("Withdrawals and the electricity tariff on the Earnings page", () => {
  let app: HeadlessProcess;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    [app, browser] = await Promise.all([startHeadlessProcess(), launchChromium()]);
    // A wallet makes the provider's figures (summary, break-even) answer; nothing here needs the chain.
    const created = await bridgeValue<{ words: string[]; confirmPositions: number[] }>(app, "wallet.create");
    await bridgeValue(app, "wallet.confirmBackup", { answers: created.confirmPositions.map((p) => ({ position: p, word: created.words[p - 1]! })), passphrase: "e2e earnings settings" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it("saves the withdraw scheduler's settings, keeps them over a reload, and refuses an invalid value inline", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watched(context);
    await page.goto(app.url.replace("/#", "/?page=earnings#"));
    await page.getByRole("heading", { level: 1, name: "Earnings" }).waitFor();
    const every = page.getByLabel("Withdraw each lease every");
    const dry = page.getByLabel("At once when the tenant's escrow runs dry within");
    const batch = page.getByLabel("Most leases per transaction");
    const auto = page.getByLabel("Withdraw automatically");
    await every.waitFor();
    // The defaults: every 12 h, 600 blocks (an hour at 6 s blocks), 10 per transaction, on.
    expect(await every.inputValue()).toBe("12");
    expect(await dry.inputValue()).toBe("600");
    await page.getByText("blocks (≈ 60 min)").waitFor();
    expect(await batch.inputValue()).toBe("10");
    expect(await auto.isChecked()).toBe(true);
    await page.getByText("No active lease to withdraw from yet.").waitFor();

    await every.fill("6");
    await dry.fill("300");
    await page.getByText("blocks (≈ 30 min)").waitFor();
    await batch.fill("4");
    await page.getByRole("button", { name: "Save withdrawal settings" }).click();
    await page.getByText("Saved. The scheduler uses these settings from its next pass.").waitFor();
    const saved: EarningsSettings = { withdrawEveryHours: 6, dryWithinBlocks: 300, maxLeasesPerTx: 4, autoWithdraw: true };
    expect(await bridgeValue<EarningsSettings>(app, "earnings.settings")).toEqual(saved);

    await page.reload();
    await every.waitFor();
    expect([await every.inputValue(), await dry.inputValue(), await batch.inputValue()]).toEqual(["6", "300", "4"]);

    // Off, saved, and the schedule line says so.
    await auto.uncheck();
    await page.getByRole("button", { name: "Save withdrawal settings" }).click();
    await page.getByText("Automatic withdrawals are off.").waitFor();
    expect(await bridgeValue<WithdrawSchedule>(app, "earnings.schedule")).toMatchObject({ autoWithdraw: false, nextDueAt: null });

    // Invalid: an inline error, Save disabled, the typed text kept, nothing saved.
    await every.fill("0");
    await page.getByText("Enter hours from 1 to 168 (a week), e.g. 12.").waitFor();
    expect(await every.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("button", { name: "Save withdrawal settings" }).isDisabled()).toBe(true);
    await every.press("Enter");
    expect(await every.inputValue()).toBe("0");
    await page.getByText("Fix the highlighted field before saving; nothing was saved.").waitFor();
    await page.screenshot({ path: `${SHOTS}earnings-withdrawals-invalid.png`, fullPage: true });
    expect(await bridgeValue<EarningsSettings>(app, "earnings.settings")).toEqual({ ...saved, autoWithdraw: false });
    await page.reload();
    await every.waitFor();
    expect(await every.inputValue()).toBe("6");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a EUR tariff needs its exchange rate; the page then shows the rate electricity is converted at", async () => {
    // At the edge: a non-USD tariff without a rate is refused with a clear message.
    const refused = await envelope(app, "hardware.updateSettings", { tariff: { kind: "flat", currency: "EUR", timeZone: "Europe/Berlin", pricePerKwh: "0.31" } });
    expect(refused).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(refused.error!.message).toMatch(/exchange rate/);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watched(context);
    await page.goto(app.url.replace("/#", "/?page=earnings#"));
    await page.getByRole("heading", { level: 1, name: "Earnings" }).waitFor();
    const currency = page.getByLabel("Currency");
    await currency.waitFor();
    await currency.fill("EUR");
    await page.getByLabel("Price per kWh").fill("0.3120");
    await page.getByLabel("Time zone").fill("Europe/Berlin");
    const rate = page.getByLabel("Exchange rate: 1 EUR is worth");
    await rate.waitFor();
    // No rate yet: refused inline, nothing saved.
    await page.getByText("Enter how many US dollars 1 EUR is worth, e.g. 1.08.").waitFor();
    expect(await page.getByRole("button", { name: "Save tariff" }).isDisabled()).toBe(true);
    await rate.fill("0");
    await page.getByText("Enter a rate above 0, e.g. 1.08 (digits and at most one dot).").waitFor();
    expect(await rate.getAttribute("aria-invalid")).toBe("true");
    expect((await bridgeValue<HardwareSettings>(app, "hardware.settings")).tariff).toBeNull();

    await rate.fill("1.08");
    await page.getByRole("button", { name: "Save tariff" }).click();
    await page.getByText("Saved. Electricity figures use this tariff now.").waitFor();
    expect((await bridgeValue<HardwareSettings>(app, "hardware.settings")).tariff).toEqual({ kind: "flat", currency: "EUR", usdPerUnit: "1.08", timeZone: "Europe/Berlin", pricePerKwh: "0.3120" });
    // Beside the electricity figures: the rate they are converted at, and who set it.
    await page.getByText("1 EUR = 1.08 USD (set by you)").first().waitFor();

    await page.reload();
    await currency.waitFor();
    expect([await currency.inputValue(), await page.getByLabel("Price per kWh").inputValue(), await rate.inputValue()]).toEqual(["EUR", "0.3120", "1.08"]);
    await page.getByText("1 EUR = 1.08 USD (set by you)").first().waitFor();
    await page.screenshot({ path: `${SHOTS}earnings-tariff.png`, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
