import { mkdirSync } from "node:fs";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryLeasesRequest, QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EarningsSummary } from "../../common/earnings-schemas";
import { akashRegistry, startDevnet, type Devnet } from "../../main/devnet/index";
import { launchChromium } from "../support/chromium";
import { ROOT, ensureBuilt } from "../support/ensure-build";
import { bridgeValue, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";
import { gpuGroup, PROVIDER_ATTRIBUTES } from "../unit/devnet/fixtures";
import { actor, expectOk, submit, type Actor } from "../unit/devnet/harness";
import { abci } from "../unit/devnet/query";
import { token, usd } from "../../renderer/src/features/earnings/format-money";

// The real headless app against a devnet: its wallet is the provider, a tenant leases from it, the
// app withdraws through its own tx queue and reconciles. The Earnings page and the Dashboard must
// show the ledger's totals, which must equal the chain's escrow payment; the chart must render.

const SHOTS = `${ROOT}test-results/e2e/`;
let devnet: Devnet;
let app: HeadlessProcess;
let browser: Browser;
let tenant: Actor;
let providerAddress: string;

const call = <T>(method: string, input?: unknown): Promise<T> => bridgeValue<T>(app, method, input);

async function watched(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.exposeFunction("__csp", (text: string) => errors.push(`CSP: ${text}`));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __csp(t: string): void }).__csp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`)));
  return { page, errors };
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  devnet = await startDevnet({ blockTimeMs: 200, seed: 11, oracle: { kind: "fixed", price: "2.000000000000000000" }, bme: { minEpochBlocks: 1 } });
  [app, browser] = await Promise.all([startHeadlessProcess({ extraArgs: ["--no-devnet"] }), launchChromium()]);
  await call("settings.update", { network: "local" });
  await call("chain.setEndpoints", { network: "local", endpoints: [devnet.rpcUrl] });
  const created = await call<{ words: string[]; confirmPositions: number[] }>("wallet.create");
  const status = await call<{ address: string }>("wallet.confirmBackup", { answers: created.confirmPositions.map((p) => ({ position: p, word: created.words[p - 1]! })), passphrase: "e2e earnings passphrase" });
  providerAddress = status.address;
  devnet.faucet(providerAddress, 10_000_000_000n);

  // The provider signs its registration and bid with the same mnemonic (the live bid engine would).
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(created.words.join(" "), { prefix: "akash" });
  const client = await SigningStargateClient.connectWithSigner(devnet.rpcUrl, wallet, { registry: akashRegistry(), gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 50 });
  const provider: Actor = { address: providerAddress, client, wallet: wallet as never };
  tenant = await actor(devnet, "e2e-earnings-tenant");
  expectOk(await submit(devnet, provider, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: providerAddress, hostUri: "https://rig.example.com:8443", attributes: PROVIDER_ATTRIBUTES, info: { email: "", website: "" } } }]));
  expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "1000000000" } } }]));
  devnet.produceBlock();
  const bidId = { owner: tenant.address, dseq: 1, gseq: 1, oseq: 1, provider: providerAddress, bseq: 0 };
  expectOk(
    await submit(devnet, tenant, [
      { typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: { id: { owner: tenant.address, dseq: 1 }, groups: [gpuGroup("200000")], hash: new Uint8Array(32).fill(3), deposit: { amount: { denom: "uact", amount: "100000000" }, sources: [Source.balance] } } },
    ]),
  );
  expectOk(await submit(devnet, provider, [{ typeUrl: "/akash.market.v1beta5.MsgCreateBid", value: { id: bidId, price: { denom: "uact", amount: "25000" }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] } }]));
  expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId } }]));
  for (let i = 0; i < 40; i++) devnet.produceBlock();
  client.disconnect();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await devnet?.stop();
});

describe("earnings in the app, on the devnet", () => {
  it("withdraws through the app's queue, books the close, and the pages show the ledger = chain totals", async () => {
    // "Withdraw now", as the owner would click it again if the first answer skipped the lease (the
    // reasons are kept: a failure says why every attempt skipped it).
    const attempts: unknown[] = [];
    let withdrawn = { withdrawn: [] as string[], txHashes: [] as string[] };
    for (let i = 0; i < 3 && withdrawn.withdrawn.length === 0; i++) {
      if (i > 0) for (let b = 0; b < 5; b++) devnet.produceBlock();
      withdrawn = await call<typeof withdrawn>("earnings.withdraw");
      attempts.push(withdrawn);
    }
    expect(withdrawn.withdrawn, JSON.stringify(attempts)).toHaveLength(1);
    for (let i = 0; i < 20; i++) devnet.produceBlock();
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCloseLease", value: { id: { owner: tenant.address, dseq: 1, gseq: 1, oseq: 1, provider: providerAddress, bseq: 0 }, reason: 1 } }]));
    await call("earnings.reconcile");

    const q = await abci(devnet.rpcUrl);
    const leases = await q.query("/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, QueryLeasesResponse, { filters: { owner: tenant.address, dseq: 1 } });
    q.close();
    const chainWithdrawn = BigInt(leases.leases[0]!.escrowPayment!.state!.withdrawn!.amount);
    expect(chainWithdrawn).toBeGreaterThan(0n);

    const now = Date.now();
    const today = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate()));
    const summary = await call<EarningsSummary>("earnings.summary", { from: today.toISOString(), to: new Date(today.getTime() + 86_400_000).toISOString(), granularity: "day" });
    expect(BigInt(summary.totals.earnedUact)).toBe(chainWithdrawn);

    const { page, errors } = await watched();
    const url = new URL(app.url);
    url.searchParams.set("page", "earnings");
    await page.goto(url.toString());
    await page.getByRole("heading", { level: 1, name: "Earnings" }).waitFor();
    // (A locator, not waitForFunction: that polls with eval, which the page's CSP rightly reports.)
    await page.locator('body[data-earnings-chart="rendered"]').waitFor({ state: "attached" });
    await expect.poll(() => page.getByTestId("total-earned-act").textContent()).toContain(token(chainWithdrawn, "ACT", 6));
    // The chart drew pixels (a blank canvas would have none).
    const painted = await page.getByTestId("earnings-chart").evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
    await expect.poll(() => page.getByRole("table").textContent()).toContain("dseq 1");
    await page.screenshot({ path: `${SHOTS}earnings.png`, fullPage: true });
    expect(errors).toEqual([]);

    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    await expect.poll(() => page.getByTestId("today-earned").textContent()).toBe(usd(summary.totals.earnedUsdMicro));
    await page.screenshot({ path: `${SHOTS}dashboard-earnings.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
