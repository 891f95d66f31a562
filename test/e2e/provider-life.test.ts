import { mkdirSync } from "node:fs";
import { QueryAccountsRequest, QueryAccountsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryLeasesRequest, QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineStatusView } from "../../common/bidengine-live-schemas";
import type { DecisionList } from "../../common/bidengine-schemas";
import type { ChainTx } from "../../common/chain-schemas";
import type { EarningsSummary } from "../../common/earnings-schemas";
import type { WalletStatus } from "../../common/wallet-schemas";
import { startDevnet, type Devnet } from "../../main/devnet/index";
import { todayQuery, token, usd } from "../../renderer/src/features/earnings/format-money";
import { formatMicroUsd } from "../../renderer/src/features/status/format-status";
import { watchPage } from "../support/watched-page";
import { launchChromium } from "../support/chromium";
import { ROOT, ensureBuilt } from "../support/ensure-build";
import { bridgeValue, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";
import { abci } from "../unit/devnet/query";

// A provider's whole first life, as an owner would live it: the real headless app from an empty data
// dir, driven in Chromium through the onboarding wizard (wallet, funding from the faucet button, k3s on
// the stand-in machine, registration and certificate, prices, go live) against a devnet whose
// synthetic tenant deploys on its own. The bid engine bids, the tenant picks our bid and leases it; the
// lease runs; the owner withdraws and updates from the chain on the Earnings page. Then the Dashboard,
// the Earnings page, the ledger (earnings.summary) and the chain's escrow payment must all say the
// same non-zero amount, and the chart must have drawn.
//
// The devnet runs in this process (not the app's own: `--no-devnet`, the `local` network pointed at it
// with chain.setEndpoints) so that the test owns the block clock. Its tenant deploys only the CPU-only
// "pricing" vector (two groups of 1 CPU) without auditor (this machine has no GPU, and ~70 % of the
// default mix asks for one); with no other provider, our bid is the cheapest once the bid window closes.

const SHOTS = `${ROOT}test-results/e2e/`;
const HOST_URI = "https://rig.example.com:8443"; // not on this machine: the tenant sends no manifest
const BLOCK_MS = 200;
/** uact the lease must have accrued before the owner withdraws: more than the fee, and "$0.01" on the Dashboard. */
const TARGET_UACT = 8_000n;

let devnet: Devnet;
let app: HeadlessProcess;
let browser: Browser;
const devnetLog: string[] = [];

/** The test's block clock: blocks every BLOCK_MS while running; paused, blocks come one at a time. */
const clock = {
  timer: undefined as NodeJS.Timeout | undefined,
  run() {
    this.timer ??= setInterval(() => this.one(), BLOCK_MS);
  },
  pause() {
    clearInterval(this.timer);
    this.timer = undefined;
  },
  one() {
    try {
      devnet.produceBlock();
    } catch (error) {
      devnetLog.push(`block production failed: ${(error as Error).message}`);
    }
  },
};

const call = <T>(method: string, input?: unknown): Promise<T> => bridgeValue<T>(app, method, input);

/** Polls until `probe` returns a value (not undefined), or fails saying what it waited for. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ""}`);
}

async function watched(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  return { page, problems: await watchPage(page) };
}

async function currentStep(page: Page): Promise<string | null> {
  return page.locator('.wizard-step[aria-current="step"]').getAttribute("data-testid");
}

/** Our leases on chain, with their escrow payments. */
async function chainLeases(provider: string) {
  const q = await abci(devnet.rpcUrl);
  try {
    const response = await q.query("/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, QueryLeasesResponse, { filters: { provider } });
    return response.leases.filter((l) => l.lease?.id?.provider === provider);
  } finally {
    q.close();
  }
}

async function settledAt(owner: string, dseq: string): Promise<number> {
  const q = await abci(devnet.rpcUrl);
  try {
    const response = await q.query("/akash.escrow.v1.Query/Accounts", QueryAccountsRequest, QueryAccountsResponse, { xid: `${owner}/${dseq}` });
    const account = response.accounts.find((a) => a.id?.xid === `${owner}/${dseq}`);
    return Number(account?.state?.settledAt ?? -1);
  } finally {
    q.close();
  }
}

/** The integer part of a DecCoin amount ("123.45…" → 123n). */
function wholeUact(amount: string | undefined): bigint {
  return BigInt((amount ?? "0").split(".")[0] || "0");
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  devnet = await startDevnet({
    blockTimeMs: 0, // the test's clock produces the blocks
    seed: 23,
    // AKT at $0.50: the withdraw fee (uakt) is then worth ~2,500 µUSD, so a lease at the tenant's ~35
    // uact/block pays for its withdrawal within a minute (the app rightly skips one that would not).
    oracle: { kind: "fixed", price: "0.500000000000000000" },
    bme: { minEpochBlocks: 1 },
    tenants: { count: 1, kinds: ["pricing"], auditedShare: 0, meanBlocksBetweenDeployments: 8, bidWindowBlocks: 8, meanLeaseBlocks: 1_000_000, topUpProbability: 1 },
    log: (line) => devnetLog.push(line),
  });
  clock.run();
  [app, browser] = await Promise.all([startHeadlessProcess({ extraArgs: ["--no-devnet", "--cluster-stand-in"] }), launchChromium()]);
  // The fresh install's network is `local`; point it at this devnet before the wizard's first look.
  await call("chain.setEndpoints", { network: "local", endpoints: [devnet.rpcUrl] });
  // The default desktop reserve keeps 2 CPU threads and 100 GiB of disk for the owner: on this 2-thread
  // VM with ~70 GiB free that leaves nothing to sell (the stand-in k3s node's allocatable is a 16-core
  // PC's, but every bid is also held in the hardware ledger, which counts this machine). A rig that
  // only serves lowers it; no page offers that yet, so the bridge does.
  await call("hardware.updateSettings", { reserve: { cpuThreads: 0, diskBytes: 10 * 2 ** 30 } });
}, 90_000);

afterAll(async () => {
  clock.pause();
  await browser?.close();
  await app?.stop();
  await devnet?.stop();
});

describe("a provider's life on the devnet, in Chromium", () => {
  it("onboards, wins a lease from a synthetic tenant, and shows the same non-zero earnings as the ledger and the chain", async () => {
    const { page, problems } = await watched();
    try {
      await live(page, problems);
    } catch (error) {
      await page.screenshot({ path: `${SHOTS}provider-life-failure.png`, fullPage: true }).catch(() => undefined);
      const tail = (text: string) => text.split("\n").slice(-60).join("\n");
      // What the engine and the tenant were doing: a failing run explains itself.
      const engine = await call<EngineStatusView>("bidengine.status").then((s) => JSON.stringify(s), (e: Error) => e.message);
      const decisions = await call<DecisionList>("bidengine.decisions", { limit: 10 }).then((d) => d.decisions.map((x) => `${x.key} ${x.outcome} ${x.reason ?? ""}: ${x.message}`).join("\n"), (e: Error) => e.message);
      const tenants = JSON.stringify(devnet.tenants?.stats());
      throw new Error(
        `${(error as Error).message}\n--- engine ---\n${engine}\n--- decisions ---\n${decisions}\n--- tenants ---\n${tenants} at height ${devnet.height}\n--- app output (tail) ---\n${tail(app.output())}\n--- devnet log (tail) ---\n${tail(devnetLog.join("\n"))}\n--- page problems ---\n${problems.join("\n")}`,
        { cause: error },
      );
    } finally {
      await page.context().close();
    }
  }, 290_000);
});

async function live(page: Page, problems: string[]): Promise<void> {
  const started = Date.now();
  const mark = (what: string) => console.log(`[provider-life e2e] ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // 1–2. Hardware and network checks.
  await page.goto(app.url.replace("/#", "/?page=onboarding#"));
  await page.getByRole("heading", { level: 1, name: "Onboarding" }).waitFor();
  await page.getByTestId("hardware-report").waitFor({ timeout: 30_000 });
  const hardwareContinue = page.getByTestId("wizard-panel-hardware").getByRole("button", { name: "Continue" });
  if (await hardwareContinue.isEnabled()) await hardwareContinue.click();
  else await page.getByTestId("wizard-step-network").click();
  const network = page.getByTestId("wizard-panel-network");
  await network.getByText("Calls go to").waitFor({ timeout: 15_000 });
  // The app runs no devnet of its own here: the step says so, and an answering endpoint is enough.
  await network.getByTestId("devnet-external").waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${SHOTS}provider-life-1-network.png`, fullPage: true });
  await network.getByRole("button", { name: "Continue" }).click();

  // 3. Wallet: create, the words once, the backup quiz.
  const wallet = page.getByTestId("wizard-panel-wallet");
  await wallet.getByRole("button", { name: "Create a new wallet" }).click();
  await page.getByTestId("recovery-words").waitFor();
  const words = await page.locator(".word-text").allTextContents();
  expect(words).toHaveLength(24);
  await page.getByLabel("I have written down all 24 words, in order").check();
  await page.getByRole("button", { name: "Hide the words and check my backup" }).click();
  const quiz = page.getByTestId("backup-quiz");
  await quiz.waitFor();
  for (const input of await quiz.getByLabel(/^Word #\d+$/).all()) {
    const position = Number((await input.getAttribute("id"))!.replace("quiz-", ""));
    await input.fill(words[position - 1]!);
  }
  await page.getByLabel("Wallet passphrase").fill("provider life passphrase");
  await page.getByLabel("Type the passphrase again").fill("provider life passphrase");
  await page.getByRole("button", { name: "Confirm backup and create the wallet" }).click();
  await page.getByTestId("wallet-address").waitFor({ timeout: 20_000 });
  const address = (await call<WalletStatus>("wallet.status")).address!;
  expect(address).toMatch(/^akash1/);
  await wallet.getByRole("button", { name: "Continue" }).click();
  mark("wallet created");

  // 4. Funding: the wizard's faucet button works against this (external) devnet too, so no test-side grant.
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBe("wizard-step-funding");
  await page.getByRole("button", { name: "Get devnet AKT from the faucet" }).click();
  await page.getByText("Faucet sent 1,000 AKT.").waitFor({ timeout: 15_000 });
  // Once funded the wizard moves on by itself; Continue is there only if it has not yet.
  const fundingContinue = page.getByTestId("wizard-panel-funding").getByRole("button", { name: "Continue" });
  await page.getByTestId("cluster-step").or(fundingContinue).first().waitFor({ timeout: 15_000 });
  if (await fundingContinue.isVisible()) await fundingContinue.click({ timeout: 3_000 }).catch(() => undefined);

  // 5. k3s on the stand-in machine.
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBe("wizard-step-cluster");
  await page.getByRole("button", { name: "Show what will change" }).click();
  await page.getByTestId("cluster-plan").waitFor({ timeout: 15_000 });
  await page.getByRole("button", { name: "Install k3s" }).click();
  await page.getByTestId("cluster-health").waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByTestId("wizard-step-cluster").getAttribute("data-status"), { timeout: 15_000 }).toBe("done");
  await page.getByTestId("wizard-panel-cluster").getByRole("button", { name: "Continue", exact: true }).click();
  mark("k3s installed");

  // Prices first: the engine bids as soon as the provider is on chain (it is not paused by default, so
  // it does not wait for "Go live"), and the tenant's order may already be open. The owner raises the
  // CPU price on the Pricing page; the bid is capped at the order's maximum, so the engine bids the
  // tenant's price. Then back to the wizard, which resumes at the provider step.
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Pricing" }).click();
  await page.getByRole("heading", { level: 1, name: "Pricing" }).waitFor();
  await page.getByLabel("CPU, per thread").fill("2.00");
  await page.getByRole("button", { name: "Save prices" }).click();
  await page.getByText("Saved. The engine uses these prices").waitFor({ timeout: 15_000 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Onboarding" }).click();
  await expect.poll(() => currentStep(page), { timeout: 15_000 }).toBe("wizard-step-provider");

  // 6. Provider registration and certificate.
  await page.getByLabel("Host URI").fill(HOST_URI);
  await page.getByLabel("Region", { exact: true }).fill("eu-central");
  await page.getByLabel("Organization").fill("Provider Life Rig");
  await page.getByLabel("Contact email").fill("owner@example.com");
  await page.getByRole("button", { name: "Review changes" }).click();
  await page.getByTestId("provider-diff").waitFor({ timeout: 15_000 });
  await page.getByRole("button", { name: "Register provider" }).click();
  await page.getByText("Provider registered: confirmed at height").waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Publish certificate" }).click();
  await expect.poll(() => page.getByTestId("certificate-status").textContent(), { timeout: 30_000 }).toMatch(/is valid on chain/);
  await page.getByTestId("wizard-panel-provider").getByRole("button", { name: "Continue" }).click();
  mark("provider registered");

  // 7. Pricing (set before registering, see above): reviewed, continue.
  await page.getByRole("button", { name: "Prices look right: continue" }).click();

  // 8. Go live.
  await page.getByTestId("wizard-panel-live").getByRole("button", { name: /Go live|Start bidding/ }).click();
  await page.getByText("The provider is live").waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${SHOTS}provider-life-2-live.png`, fullPage: true });
  mark("live");

  // The engine runs, bids on the tenant's order, and the tenant leases our bid.
  await until("the bid engine to run", async () => ((await call<EngineStatusView>("bidengine.status")).state === "running" ? true : undefined), 60_000);
  const bid = await until("a bid decision", async () => (await call<DecisionList>("bidengine.decisions", {})).decisions.find((d) => d.outcome === "bid"), 60_000);
  mark(`bid on ${bid.key} at ${bid.price?.amount} ${bid.price?.denom}/block`);
  const lease = await until("a lease on chain", async () => (await chainLeases(address)).find((l) => l.lease?.state === 1), 60_000);
  const rate = wholeUact(lease.escrowPayment?.state?.rate?.amount);
  mark(`lease ${lease.lease!.id!.owner}/${lease.lease!.id!.dseq} at ${lease.escrowPayment?.state?.rate?.amount} uact/block`);
  expect(rate).toBeGreaterThan(0n);
  await until("the engine to count the lease", async () => ((await call<EngineStatusView>("bidengine.status")).activeLeases > 0 ? true : undefined), 30_000);

  // Let it run until it has earned a visible amount.
  const createdAt = Number(lease.lease!.createdAt);
  await until(`${TARGET_UACT} uact accrued`, async () => (rate * BigInt(devnet.height - createdAt) >= TARGET_UACT ? true : undefined), 120_000, 250);
  mark("accrued");

  // Earnings page: "Withdraw now" with the block clock paused, so the withdraw settles the escrow in a
  // block of its own and nothing accrues after it: the chain's payment is then the whole story.
  const earningsUrl = new URL(app.url);
  earningsUrl.searchParams.set("page", "earnings");
  await page.goto(earningsUrl.toString());
  await page.getByRole("heading", { level: 1, name: "Earnings" }).waitFor();
  clock.pause();
  await page.getByRole("button", { name: "Withdraw now" }).click();
  await until("the withdraw tx to reach the mempool", async () => ((await call<ChainTx[]>("chain.transactions")).some((t) => t.kind === "earnings.withdraw" && t.status === "broadcast") ? true : undefined), 30_000, 100);
  clock.one();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "Withdrew" }).textContent(), { timeout: 30_000 }).toMatch(/^Withdrew 1 lease\(s\) in 1 transaction\(s\)/);
  await page.getByRole("button", { name: "Update from chain" }).click();
  await page.getByText(`Reconciled with the chain at height ${devnet.height}`).waitFor({ timeout: 30_000 });
  mark("withdrawn and reconciled");

  // The chain: every lease of ours, settled at the current height, paid out in full.
  const leases = await chainLeases(address);
  let chainTotal = 0n;
  for (const l of leases) {
    const payment = l.escrowPayment!.state!;
    expect(await settledAt(l.lease!.id!.owner, l.lease!.id!.dseq.toString())).toBe(devnet.height);
    chainTotal += wholeUact(payment.withdrawn?.amount) + wholeUact(payment.balance?.amount);
  }
  expect(chainTotal).toBeGreaterThanOrEqual(TARGET_UACT);

  // The ledger: today's totals are exactly that.
  const summary = await call<EarningsSummary>("earnings.summary", todayQuery(new Date()));
  expect(BigInt(summary.totals.earnedUact)).toBe(chainTotal);
  expect(BigInt(summary.totals.earnedUsdMicro)).toBe(chainTotal); // ACT ≈ $1: 1 uact = 1 µUSD

  // The Earnings page shows them, its chart drew, and the lease is in the table.
  await expect.poll(() => page.getByTestId("total-earned-act").textContent(), { timeout: 15_000 }).toContain(token(chainTotal, "ACT", 6));
  expect(await page.getByTestId("total-earned").textContent()).toBe(usd(chainTotal));
  expect(usd(chainTotal)).not.toBe("$0.00");
  await page.locator('body[data-earnings-chart="rendered"]').waitFor({ state: "attached", timeout: 15_000 });
  const painted = await page.getByTestId("earnings-chart").evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return { n, width: canvas.width, height: canvas.height };
  });
  expect(painted.width).toBeGreaterThan(300);
  expect(painted.height).toBeGreaterThan(150);
  expect(painted.n).toBeGreaterThan(1000);
  await expect.poll(() => page.getByRole("table").first().textContent(), { timeout: 15_000 }).toContain(`dseq ${lease.lease!.id!.dseq.toString()}`);
  await page.screenshot({ path: `${SHOTS}provider-life-3-earnings.png`, fullPage: true });

  // The Dashboard's "Today" says the same.
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Dashboard" }).click();
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  await expect.poll(() => page.getByTestId("today-earned").textContent(), { timeout: 15_000 }).toBe(usd(chainTotal));
  expect(await page.getByTestId("today-net").textContent()).toBe(usd(summary.totals.netUsdMicro));
  // The status card's "Today's net" is the same figure (read again after the reconcile, not 30 s later).
  const statusNet = page.locator(".fact").filter({ hasText: "Today's net" }).locator(".fact-main");
  await expect.poll(() => statusNet.textContent(), { timeout: 5_000 }).toBe(formatMicroUsd(summary.totals.netUsdMicro));
  expect(await page.getByTestId("status-state").getAttribute("data-state")).toBe("bidding");
  await expect.poll(() => page.getByTestId("status-leases").textContent(), { timeout: 5_000 }).toBe("1");
  await page.screenshot({ path: `${SHOTS}provider-life-4-dashboard.png`, fullPage: true });
  clock.run();
  mark("done");

  expect(problems).toEqual([]);
}
