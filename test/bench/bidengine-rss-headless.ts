import { readFileSync } from "node:fs";
import type { Devnet } from "../../main/devnet";
import { ordersFromRestList } from "../../main/devnet/json/rest-order";
import { ensureBuilt } from "../support/ensure-build";
import { bridgeValue, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";
import { sharedPath } from "../support/shared";
import { readVmRssKb } from "./app.bench";

// bidengine.rss_mb_10k_orders: the resident memory of the real headless app (`dist/main/headless-entry.mjs`,
// the process a rig runs) once its bid engine tracks 10,000 open orders. The app runs as on mainnet or
// the sandbox — the chain is another process (here the bench's devnet), not the in-process demo devnet —
// with a wallet, a registered provider and every service of createApp started.

const ORDERS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface HeadlessRss {
  rssMb: number;
  tracked: number;
  /** Seconds from the provider's registration until the engine tracked every order. */
  catchUpS: number;
}

export async function headlessRssWith10kOrders(devnet: Devnet, orders = ORDERS): Promise<HeadlessRss> {
  importOrders(devnet, orders);
  ensureBuilt();
  // Manual blocks (the live bench drives the devnet by hand): keep the chain moving for the app's txs.
  const blocks = setInterval(() => devnet.produceBlock(), 250);
  let app: HeadlessProcess | null = null;
  try {
    app = await startHeadlessProcess({ extraArgs: ["--no-devnet"], timeoutMs: 60_000 });
    const call = <T>(method: string, input?: unknown): Promise<T> => bridgeValue<T>(app!, method, input);
    await call("settings.update", { network: "local" });
    await call("chain.setEndpoints", { network: "local", endpoints: [devnet.rpcUrl] });
    const created = await call<{ words: string[]; confirmPositions: number[] }>("wallet.create");
    const wallet = await call<{ address: string }>("wallet.confirmBackup", { answers: created.confirmPositions.map((p) => ({ position: p, word: created.words[p - 1]! })), passphrase: "bench rss passphrase" });
    devnet.faucet(wallet.address, 10_000_000_000n);
    await call("bidengine.updateSettings", { paused: false }); // "Go live", as a running rig has done
    const input = { hostUri: "https://rig.example.com:8443" };
    const plan = await call<{ fingerprint: string }>("provider.plan", input);
    const registeredAt = performance.now();
    await call("provider.apply", { input, fingerprint: plan.fingerprint });

    let status = { trackedOrders: 0, state: "?", reason: null as string | null };
    const deadline = Date.now() + 120_000;
    while (status.trackedOrders < orders) {
      if (Date.now() > deadline) throw new Error(`the app's engine tracked ${status.trackedOrders} of ${orders} orders in 120 s (${status.state}: ${status.reason})\n${app.output().slice(-2000)}`);
      await sleep(500);
      status = await call("bidengine.status");
    }
    const catchUpS = (performance.now() - registeredAt) / 1000;
    // A rig sits like this for days: measure once V8's memory reducer has returned the catch-up's
    // garbage (it runs ~20 s after allocation calms down; until then RSS is ~220 MB).
    await sleep(30_000);
    return { rssMb: Math.round(readVmRssKb(app.pid) / 1024), tracked: status.trackedOrders, catchUpS: Math.round(catchUpS * 10) / 10 };
  } finally {
    clearInterval(blocks);
    await app?.stop();
  }
}

/** `count` (10,000) open orders: the mainnet fixture's GPU order, re-priced in uact, under distinct ids. */
function importOrders(devnet: Devnet, count: number): void {
  const fixture = JSON.parse(readFileSync(sharedPath("fixtures/akash-mainnet/orders-list.json"), "utf8")) as { orders: { id: { owner: string; dseq: string }; spec: { resources: { price: { denom: string } }[] } }[] };
  const template = fixture.orders[0]!;
  for (const r of template.spec.resources) r.price.denom = "uact";
  for (let i = 0; i < count; i++) {
    const copy = structuredClone(template);
    copy.id.owner = `akash1tenant${i % 500}`;
    copy.id.dseq = String(30_000_000 + i);
    devnet.node.market.importOrder(ordersFromRestList({ orders: [copy] })[0]!);
  }
}
