import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainTx } from "../../common/chain-schemas";
import type { ProviderPlan } from "../../common/provider-schemas";
import type { WalletStatus } from "../../common/wallet-schemas";
import { watchPage } from "../support/watched-page";
import { launchChromium } from "../support/chromium";
import { ROOT, ensureBuilt } from "../support/ensure-build";
import { bridgeValue, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";

// The onboarding wizard in the real headless app (with its in-process devnet and a stand-in machine
// for k3s), driven in Debian's Chromium from an empty data dir: wallet (create + backup quiz), funding
// (faucet), k3s, provider registration and certificate; then the chain is asked, over the bridge,
// whether it has the provider and a valid certificate; then Settings stakes AKT.

const SHOTS = `${ROOT}test-results/e2e/`;
const HOST_URI = "https://rig.example.com:8443";
const COLD = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l";

interface Watched {
  page: Page;
  problems: string[];
}

async function watched(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { page, problems: await watchPage(page) };
}

async function currentStep(page: Page): Promise<string | null> {
  return page.locator('.wizard-step[aria-current="step"]').getAttribute("data-testid");
}

describe("onboarding wizard on the devnet, in Chromium", () => {
  let app: HeadlessProcess;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    [app, browser] = await Promise.all([startHeadlessProcess({ extraArgs: ["--cluster-stand-in"] }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it("walks wallet, funding, k3s, provider and certificate; the chain shows them; Settings stakes", async () => {
    const { page, problems } = await watched(browser);
    try {
      await walk(page, problems);
    } catch (error) {
      // What the page showed when it went wrong, next to the step screenshots.
      await page.screenshot({ path: `${SHOTS}onboarding-failure.png`, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await page.context().close();
    }
  }, 150_000);

  async function walk(page: Page, problems: string[]): Promise<void> {
    await page.goto(app.url.replace("/#", "/?page=onboarding#"));
    await page.getByRole("heading", { level: 1, name: "Onboarding" }).waitFor();

    // 1. Hardware: a fresh data dir starts here, with a verdict per item.
    await page.getByTestId("hardware-report").waitFor({ timeout: 30_000 });
    expect(await currentStep(page)).toBe("wizard-step-hardware");
    await page.screenshot({ path: `${SHOTS}onboarding-1-hardware.png`, fullPage: true });
    const hardwareContinue = page.getByTestId("wizard-panel-hardware").getByRole("button", { name: "Continue" });
    if (await hardwareContinue.isEnabled()) await hardwareContinue.click();
    else await page.getByTestId("wizard-step-network").click();

    // 2. Network: the devnet runs and its RPC endpoint answers.
    await page.getByTestId("devnet-status").waitFor({ timeout: 15_000 });
    await page.getByText("Calls go to").waitFor({ timeout: 15_000 });
    await page.getByTestId("wizard-panel-network").getByRole("button", { name: "Continue" }).click();

    // 3. Wallet: create, the words once, then the quiz.
    const panel = page.getByTestId("wizard-panel-wallet");
    await panel.waitFor();
    expect(await page.getByText("Use a dedicated provider wallet").count()).toBe(1);
    // Import first, with mistakes: each is shown inline, under the phrase, and nothing is written.
    await panel.getByRole("button", { name: "I have a recovery phrase" }).click();
    const phrase = page.getByLabel("Recovery phrase");
    await phrase.fill("one two three");
    await phrase.blur();
    await page.getByText("That is 3 words; a recovery phrase has 12, 15, 18, 21 or 24.").waitFor();
    expect(await phrase.getAttribute("aria-invalid")).toBe("true");
    await phrase.fill(Array.from({ length: 12 }, () => "abandon").join(" ")); // right words, wrong checksum
    await page.getByLabel("Wallet passphrase").fill("e2e passphrase");
    await page.getByLabel("Type the passphrase again").fill("e2e passphrase");
    await panel.getByRole("button", { name: "Import wallet" }).click();
    await expect.poll(() => page.locator("#import-mnemonic-help").textContent(), { timeout: 15_000 }).toMatch(/checksum|recovery phrase/i);
    expect(await page.locator("#import-mnemonic-help").getAttribute("role")).toBe("alert");
    expect((await bridgeValue<WalletStatus>(app, "wallet.status")).state).toBe("none");
    await page.screenshot({ path: `${SHOTS}onboarding-3-import-error.png`, fullPage: true });
    await panel.getByRole("button", { name: "New wallet" }).click();
    await panel.getByRole("button", { name: "Create a new wallet" }).click();
    await page.getByTestId("recovery-words").waitFor();
    const words = await page.locator(".word-text").allTextContents();
    expect(words).toHaveLength(24);
    await page.screenshot({ path: `${SHOTS}onboarding-3-words.png`, fullPage: true });
    await page.getByLabel("I have written down all 24 words, in order").check();
    await page.getByRole("button", { name: "Hide the words and check my backup" }).click();
    await page.getByTestId("backup-quiz").waitFor();
    expect(await page.locator(".word-text").count()).toBe(0); // shown once: gone from the page
    const quizInputs = page.getByTestId("backup-quiz").getByLabel(/^Word #\d+$/);
    const positions = await Promise.all((await quizInputs.all()).map(async (input) => Number((await input.getAttribute("id"))!.replace("quiz-", ""))));
    expect(positions.length).toBeGreaterThan(0);
    // A wrong word is refused inline, and nothing is written.
    for (const [i, position] of positions.entries()) await page.locator(`#quiz-${position}`).fill(i === 0 ? "wrongword" : words[position - 1]!);
    await page.getByLabel("Wallet passphrase").fill("e2e passphrase");
    await page.getByLabel("Type the passphrase again").fill("e2e passphrase-typo");
    await page.getByText("The two passphrases differ").waitFor();
    await page.getByLabel("Type the passphrase again").fill("e2e passphrase");
    await page.getByRole("button", { name: "Confirm backup and create the wallet" }).click();
    await page.getByTestId("backup-quiz").getByRole("alert").waitFor({ timeout: 15_000 });
    expect((await bridgeValue<WalletStatus>(app, "wallet.status")).state).toBe("backup-pending");
    await page.screenshot({ path: `${SHOTS}onboarding-3-quiz-error.png`, fullPage: true });
    await page.locator(`#quiz-${positions[0]}`).fill(words[positions[0]! - 1]!);
    await page.getByRole("button", { name: "Confirm backup and create the wallet" }).click();
    await page.getByTestId("wallet-address").waitFor({ timeout: 20_000 });
    const wallet = await bridgeValue<WalletStatus>(app, "wallet.status");
    expect(wallet.state).toBe("unlocked");
    expect(await page.getByTestId("wallet-address").textContent()).toBe(wallet.address);
    await page.screenshot({ path: `${SHOTS}onboarding-3-wallet.png`, fullPage: true });
    await panel.getByRole("button", { name: "Continue" }).click();

    // Resume: a reload lands on the first step not done, from the app's own state. (The in-app devnet
    // welcomes a new wallet with a first grant, so funding may already be done.)
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Onboarding" }).waitFor();
    await expect.poll(() => currentStep(page), { timeout: 15_000 }).toMatch(/^wizard-step-(funding|cluster)$/);
    expect(await page.getByTestId("wizard-step-wallet").getAttribute("data-status")).toBe("done");

    // 4. Funding: the address, the live balance, and the faucet button adding to it.
    await page.getByTestId("wizard-step-funding").click();
    expect(await page.getByTestId("funding-address").textContent()).toBe(wallet.address);
    await page.getByTestId("balance-akt").waitFor({ timeout: 15_000 });
    const akt = async () => Number((await page.getByTestId("balance-akt").textContent())!.replace(/[, AKT]/g, ""));
    const before = await akt();
    await page.getByRole("button", { name: "Get devnet AKT from the faucet" }).click();
    await page.getByText("Faucet sent 1,000 AKT.").waitFor({ timeout: 15_000 });
    await expect.poll(akt, { timeout: 15_000 }).toBe(before + 1000);
    await page.getByText("Reserve covered").waitFor();
    await page.screenshot({ path: `${SHOTS}onboarding-4-funding.png`, fullPage: true });
    await page.getByTestId("wizard-panel-funding").getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBe("wizard-step-cluster");

    // 5. k3s: the plan for consent, then the install (stand-in machine) with progress.
    await page.getByTestId("cluster-step").waitFor();
    await page.getByRole("button", { name: "Show what will change" }).click();
    await page.getByTestId("cluster-plan").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}onboarding-5-k3s-plan.png`, fullPage: true });
    await page.getByRole("button", { name: "Install k3s" }).click();
    await page.getByTestId("cluster-progress").waitFor({ timeout: 15_000 });
    await page.getByTestId("cluster-health").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}onboarding-5-k3s-done.png`, fullPage: true });
    // The wizard noticed the install by itself (progress events): the step is done, and stays open.
    await expect.poll(() => page.getByTestId("wizard-step-cluster").getAttribute("data-status"), { timeout: 15_000 }).toBe("done");
    await page.getByTestId("wizard-panel-cluster").getByRole("button", { name: "Continue", exact: true }).click();

    // 6. Provider: host URI checked inline, attributes previewed, the diff shown, then sent.
    const host = page.getByLabel("Host URI");
    await host.waitFor({ timeout: 15_000 });
    await host.fill("http://rig.example.com:8443");
    await page.getByText("Use https (tenants connect with TLS), not http.").waitFor();
    expect(await host.getAttribute("aria-invalid")).toBe("true");
    await host.fill(`${HOST_URI}/`);
    await page.getByText("Remove the path").waitFor();
    expect(await page.getByRole("button", { name: "Review changes" }).isDisabled()).toBe(true);
    await host.fill(HOST_URI);
    await page.getByLabel("Region", { exact: true }).fill("eu-central");
    await page.getByLabel("Organization").fill("E2E Home Rig");
    await page.getByLabel("Contact email").fill("owner@example.com");
    await expect.poll(() => page.getByTestId("attributes-preview").textContent(), { timeout: 10_000 }).toContain("eu-central");
    expect(await page.getByTestId("attributes-preview").textContent()).toContain("host");
    await page.getByRole("button", { name: "Review changes" }).click();
    await page.getByTestId("provider-diff").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("provider-diff").textContent()).toContain("creates it");
    await page.screenshot({ path: `${SHOTS}onboarding-6-provider-diff.png`, fullPage: true });
    const registerStarted = Date.now();
    await page.getByRole("button", { name: "Register provider" }).click();
    await page.getByText("Provider registered: confirmed at height").waitFor({ timeout: 30_000 });
    const registerMs = Date.now() - registerStarted;
    console.log(`[onboarding e2e] "Register provider" click to confirmation: ${registerMs} ms`);

    // The certificate for the same host.
    await page.getByRole("button", { name: "Publish certificate" }).click();
    await expect.poll(() => page.getByTestId("certificate-status").textContent(), { timeout: 30_000 }).toMatch(/is valid on chain/);
    await page.screenshot({ path: `${SHOTS}onboarding-6-certificate.png`, fullPage: true });
    await page.getByTestId("wizard-panel-provider").getByRole("button", { name: "Continue" }).click();

    // The chain, asked over the bridge: the provider record and a valid certificate for this wallet.
    const plan = await bridgeValue<ProviderPlan>(app, "provider.plan", { hostUri: HOST_URI, region: "eu-central", organization: "E2E Home Rig", email: "owner@example.com" });
    expect(plan.current?.owner).toBe(wallet.address);
    expect(plan.current?.hostUri).toBe(HOST_URI);
    expect(plan.current?.attributes).toContainEqual({ key: "region", value: "eu-central" });
    expect(plan.action).toBe("none");
    const cert = await bridgeValue<{ current: { serial: string; onChain: string; hasKey: boolean } | null }>(app, "cert.status");
    expect(cert.current).toMatchObject({ onChain: "valid", hasKey: true });

    // 7–8. Pricing, then go live.
    await page.getByRole("button", { name: "Prices look right: continue" }).click();
    await page.getByTestId("wizard-panel-live").getByRole("button", { name: /Go live|Start bidding/ }).click();
    await page.getByText("The provider is live").waitFor();
    await page.screenshot({ path: `${SHOTS}onboarding-8-live.png`, fullPage: true });
    for (const id of ["wallet", "funding", "cluster", "provider", "pricing", "live"]) {
      expect(await page.getByTestId(`wizard-step-${id}`).getAttribute("data-status")).toBe("done");
    }

    // Settings: balances, then a stake, previewed before it is sent.
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Settings" }).click();
    await page.getByTestId("treasury-balances").waitFor({ timeout: 15_000 });
    await page.getByTestId("transactions").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("transactions").textContent()).toContain("provider.create");
    const validator = page.getByLabel("Validator");
    await expect.poll(() => validator.locator("option").count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const chosen = await validator.locator("option").nth(1).getAttribute("value");
    await validator.selectOption(chosen!);
    await page.locator("#stake-amount").fill("10");
    await page.getByRole("button", { name: "Preview stake" }).click();
    await page.getByText("Delegate 10 AKT to").waitFor();
    await page.getByRole("button", { name: "Stake", exact: true }).click();
    await page.getByText("Stake sent: confirmed at height").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("balance-staked").textContent(), { timeout: 15_000 }).toBe("10");
    await expect.poll(() => page.getByTestId("transactions").textContent(), { timeout: 15_000 }).toContain("treasury.stake");

    // Sweep 5 AKT to the owner's cold address: a bad address is refused inline, then previewed and sent.
    await page.getByLabel("Your cold wallet address").fill(wallet.address!);
    await page.getByText("That is the provider's own address").waitFor();
    await page.getByLabel("Your cold wallet address").fill(COLD);
    await page.locator("#sweep-amount").fill("5");
    await page.getByRole("button", { name: "Preview sweep" }).click();
    await page.getByText(`Send 5 AKT to ${COLD}`).waitFor();
    await page.getByRole("button", { name: "Sweep", exact: true }).click();
    await page.getByText("Sweep sent: confirmed at height").waitFor({ timeout: 30_000 });
    const txs = await bridgeValue<ChainTx[]>(app, "chain.transactions");
    expect(txs.filter((tx) => tx.status === "confirmed").map((tx) => tx.kind)).toEqual(expect.arrayContaining(["provider.create", "cert.publish", "treasury.stake", "treasury.sweep"]));
    await page.screenshot({ path: `${SHOTS}onboarding-settings.png`, fullPage: true });

    // Locked (as after a restart): the wizard asks for the passphrase first; a wrong one is refused.
    await page.getByRole("button", { name: "Lock wallet" }).click();
    await expect.poll(async () => (await bridgeValue<WalletStatus>(app, "wallet.status")).state).toBe("locked");
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Onboarding" }).click();
    const unlock = page.getByTestId("unlock-form");
    await unlock.waitFor({ timeout: 15_000 });
    await unlock.getByLabel("Wallet passphrase").fill("not the passphrase");
    await unlock.getByRole("button", { name: "Unlock wallet" }).click();
    await unlock.getByRole("alert").waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}onboarding-locked.png`, fullPage: true });
    await unlock.getByLabel("Wallet passphrase").fill("e2e passphrase");
    await unlock.getByRole("button", { name: "Unlock wallet" }).click();
    await unlock.waitFor({ state: "detached", timeout: 15_000 });
    expect((await bridgeValue<WalletStatus>(app, "wallet.status")).state).toBe("unlocked");

    expect(problems).toEqual([]);
  }
});
