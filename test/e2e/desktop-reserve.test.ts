import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CapacityInventory, HardwareSettings } from "../../common/hardware-schemas";
import { watchPage } from "../support/watched-page";
import { launchChromium } from "../support/chromium";
import { ROOT, ensureBuilt } from "../support/ensure-build";
import { bridgeValue, callBridge, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";

// "What this PC keeps for you" on the Pricing page, in the real headless app and Debian's Chromium:
// the capacity picture of this machine, a lower CPU reserve previewed before it is saved, kept after
// a reload, and an impossible value refused inline with nothing saved.

const SHOTS = `${ROOT}test-results/e2e/`;

const threads = (n: number) => `${n} thread${n === 1 ? "" : "s"}`;

describe("the desktop reserve card in Chromium", () => {
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

  it("shows the capacity picture, previews a lower CPU reserve, saves it, keeps it, and refuses an impossible one", async () => {
    // This machine's figures, as the app sees them: the default keeps max(2, ¼ of the threads).
    const before = await bridgeValue<CapacityInventory>(app, "hardware.capacity");
    const detected = Math.floor(before.detected.cpuMillis / 1000);
    const kept = before.reserve.cpuMillis / 1000;
    expect(kept).toBe(Math.max(2, Math.ceil(detected / 4)));
    expect(before.held.cpuMillis).toBe(0);
    const lower = kept - 1;

    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(app.url.replace("/#", "/?page=pricing#"));
    await page.getByRole("heading", { level: 1, name: "Pricing" }).waitFor();
    const card = page.getByRole("region", { name: "What this PC keeps for you" });
    await card.getByTestId("capacity-cpu").waitFor({ timeout: 30_000 });

    // The picture: one bar and its figures per resource; CPU kept at the default, the rest free.
    for (const key of ["cpu", "memory", "disk", "gpu"]) expect(await card.getByTestId(`capacity-${key}`).count()).toBe(1);
    expect(await card.locator("svg.rc-bar").count()).toBe(4);
    expect(await card.getByTestId("reserved-cpu").textContent()).toBe(`${threads(kept)} (default)`);
    expect(await card.getByTestId("free-cpu").textContent()).toBe(threads(Math.max(0, detected - kept)));
    expect(await card.getByTestId("capacity-cpu").textContent()).toContain(`${threads(detected)} detected`);
    await card.getByText(`Empty: the default for this machine, ${threads(kept)} of ${threads(detected)}.`).waitFor();
    await card.screenshot({ path: `${SHOTS}reserve-card.png` });

    // Keep one thread less: the preview frees it before anything is saved.
    const cpu = card.getByLabel("CPU threads kept");
    await cpu.fill(String(lower));
    await expect.poll(() => card.getByTestId("free-cpu").textContent()).toBe(`${threads(detected - lower)} (now ${threads(Math.max(0, detected - kept))})`);
    expect(await card.getByTestId("reserved-cpu").textContent()).toBe(threads(lower));
    await card.getByText("Unsaved changes: the picture shows them before you save.").waitFor();
    expect((await bridgeValue<HardwareSettings>(app, "hardware.settings")).reserve.cpuThreads).toBeNull();

    await card.getByRole("button", { name: "Save reserve" }).click();
    await card.getByText("Saved. The bid engine decides the open orders again with this reserve.").waitFor();
    expect((await bridgeValue<HardwareSettings>(app, "hardware.settings")).reserve).toEqual({ cpuThreads: lower, memoryBytes: null, diskBytes: null });
    const after = await bridgeValue<CapacityInventory>(app, "hardware.capacity");
    expect(after.reserve.cpuMillis).toBe(lower * 1000);
    expect(after.free.cpuMillis).toBe((detected - lower) * 1000);

    // A reload shows what was saved.
    await page.reload();
    await card.getByTestId("capacity-cpu").waitFor();
    expect(await card.getByLabel("CPU threads kept").inputValue()).toBe(String(lower));
    await expect.poll(() => card.getByTestId("free-cpu").textContent()).toBe(threads(detected - lower));

    // More than this PC has: an inline error, Save disabled, the typed text kept, nothing saved.
    await card.getByLabel("CPU threads kept").fill(String(detected + 1));
    const error = `This PC has ${detected} CPU thread${detected === 1 ? "" : "s"}: you can keep at most ${detected}.`;
    await card.getByText(error).waitFor();
    expect(await card.getByLabel("CPU threads kept").getAttribute("aria-invalid")).toBe("true");
    expect(await card.getByRole("button", { name: "Save reserve" }).isDisabled()).toBe(true);
    expect(await card.getByLabel("CPU threads kept").inputValue()).toBe(String(detected + 1));
    // The picture stays on what is saved while the draft is wrong.
    expect(await card.getByTestId("free-cpu").textContent()).toBe(threads(detected - lower));
    await card.getByText("1 field needs fixing before you can save; the picture shows what is saved.").waitFor();
    await card.getByLabel("Memory kept").fill("lots");
    await card.getByText('Enter a size in GiB such as "16" or "7.5", or leave it empty for the default.').waitFor();
    await card.getByText("2 fields need fixing before you can save; the picture shows what is saved.").waitFor();
    await card.screenshot({ path: `${SHOTS}reserve-card-invalid.png` });
    expect((await bridgeValue<HardwareSettings>(app, "hardware.settings")).reserve).toEqual({ cpuThreads: lower, memoryBytes: null, diskBytes: null });

    // The HTTP edge refuses the same value on its own: the schema is the last word, not the form.
    const { body } = await callBridge(app.origin, app.token, "hardware.updateSettings", { reserve: { cpuThreads: -1 } });
    expect(body).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(problems).toEqual([]);
    await context.close();
  });
});
