import { readFileSync } from "node:fs";
import { sha256 } from "@cosmjs/crypto";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCreateProvider } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { QueryBidsRequest, QueryBidsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { BidSettingsRepo } from "../../main/bidengine/bid-settings-repo";
import { DeclaredReservations } from "../../main/bidengine/declared-reservations";
import { DecisionRepo } from "../../main/bidengine/decision-repo";
import { IntentRepo } from "../../main/bidengine/intent-repo";
import { LiveBidEngine } from "../../main/bidengine/live-engine";
import { abciQuery } from "../../main/chain/abci-query";
import { BlockStream } from "../../main/chain/block-stream";
import { RpcPool } from "../../main/chain/rpc-pool";
import { encodeMsg, TxQueue, type TxSigner } from "../../main/chain/tx-queue";
import { TxRepo } from "../../main/chain/tx-repo";
import { akashRegistry, startDevnet, type Devnet } from "../../main/devnet";
import { groupSpecFromJson } from "../../main/devnet/json/group-spec";
import { openDatabase } from "../../main/store/database";
import { headlessRssWith10kOrders } from "./bidengine-rss-headless";
import type { Figure } from "./figure";

// The live figures on the devnet over real HTTP/WebSocket: 1 s blocks, produced by hand every
// BLOCK_MS of real time (each one a "block" in the figures: latency is counted in heights), with a
// tenant opening ORDERS_PER_BLOCK GPU orders per block (≥ 10 orders per 1 s block). The engine's
// RPC pool counts every HTTP JSON-RPC request it sends.

const BLOCK_MS = 1000;
const ORDERS_PER_BLOCK = 12;
const BLOCKS = 22;
const WARMUP = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function keyWallet(name: string): Promise<TxSigner> {
  const wallet = await DirectSecp256k1Wallet.fromKey(sha256(new TextEncoder().encode(`bench/${name}`)), "akash");
  const [account] = await wallet.getAccounts();
  return { address: account!.address, getAccounts: () => wallet.getAccounts(), signDirect: (a, doc) => wallet.signDirect(a, doc) };
}

function gpuSpec(price: string) {
  const [json] = JSON.parse(readFileSync(new URL("../../main/devnet/demand/specs/gpu-basic.json", import.meta.url), "utf8")) as Array<{ resources: Array<{ price: { denom: string; amount: string } }> }>;
  for (const unit of json!.resources) unit.price = { denom: "uact", amount: price };
  return groupSpecFromJson({ ...json, requirements: { signed_by: { all_of: [], any_of: [] }, attributes: [{ key: "host", value: "akash" }] } });
}

async function setup(devnet: Devnet) {
  const providerSigner = await keyWallet("provider");
  devnet.faucet(providerSigner.address, 900_000_000_000n);
  const db = openDatabase(":memory:");
  let requests = 0;
  const byMethod = new Map<string, number>();
  const counting: typeof fetch = (input, init) => {
    requests++;
    const method = /"method":"([^"]+)"/u.exec(String(init?.body ?? ""))?.[1] ?? "?";
    byMethod.set(method, (byMethod.get(method) ?? 0) + 1);
    return fetch(input, init);
  };
  const pool = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: [devnet.rpcUrl], fetch: counting });
  const queue = new TxQueue({ network: "local", chainId: devnet.chainId, pool, repo: new TxRepo(db, () => new Date()), signer: () => providerSigner, gasPrice: "0.025", pollMs: 200 }); // the app's devnet poll (createTxQueues)
  const registered = queue.submit({
    kind: "bench.provider",
    messages: [encodeMsg(MsgCreateProvider, { owner: providerSigner.address, hostUri: "https://bench.example.com:8443", attributes: [{ key: "host", value: "akash" }, { key: "capabilities/gpu/vendor/nvidia/model/rtx3080", value: "true" }], info: { email: "", website: "" } })],
  });
  while (!(await Promise.race([registered.then(() => true), sleep(20).then(() => false)]))) devnet.produceBlock();
  return { db, pool, queue, provider: providerSigner.address, requests: () => requests, byMethod };
}

export async function liveFigures(): Promise<Figure[]> {
  const devnet = await startDevnet({ blockTimeMs: 0, seed: 11 });
  const stream = { stop: () => {} };
  try {
    const { db, pool, queue, provider, requests, byMethod } = await setup(devnet);
    const tenantWallet = await DirectSecp256k1Wallet.fromKey(sha256(new TextEncoder().encode("bench/tenant")), "akash");
    const [tenantAccount] = await tenantWallet.getAccounts();
    const tenant = tenantAccount!.address;
    devnet.faucet(tenant, 900_000_000_000n);
    const client = await SigningStargateClient.connectWithSigner(devnet.rpcUrl, tenantWallet, { registry: akashRegistry(), gasPrice: GasPrice.fromString("0.025uakt") });
    await client.signAndBroadcastSync(tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant, to: tenant, coinsToBurn: { denom: "uakt", amount: "400000000000" } } }], "auto");
    for (let i = 0; i < 15; i++) devnet.produceBlock();

    const settings = new BidSettingsRepo(db, () => new Date());
    settings.update({
      declaredInventory: [{ name: "rig", gpus: [{ model: "rtx3080", vendor: "nvidia", ramGi: null, interface: "pcie", free: 100_000 }], cpuMillis: 100_000_000, memoryBytes: String(2 ** 50), ephemeralBytes: String(2 ** 55), storageClasses: {} }],
    });
    const s = settings.get();
    settings.update({ policies: { ...s.policies, maxConcurrentBids: 100_000, pauseWhileGaming: false } });
    const reservations = new DeclaredReservations(() => settings.get().declaredInventory);
    const blockStream = new BlockStream({ pool, wsUrl: () => devnet.wsUrl });
    stream.stop = () => blockStream.stop();
    const engine = new LiveBidEngine({
      pool: () => pool, stream: blockStream, queue: () => queue, provider, network: "local",
      intents: new IntentRepo(db, Date.now), decisions: new DecisionRepo(db, () => new Date()), settings,
      cursor: { get: () => null, set: () => {} }, reservations, inventory: async () => reservations.inventory(), now: () => new Date(),
    });
    await engine.start();

    const createdAt = new Map<string, number>();
    let dseq = 5_000n;
    let windowStart = 0;
    let windowBlocks = 0;
    for (let b = 0; b < BLOCKS; b++) {
      const msgs = Array.from({ length: ORDERS_PER_BLOCK }, () => {
        dseq += 1n;
        createdAt.set(`${tenant}/${dseq}/1/1`, -1);
        return { typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: { id: { owner: tenant, dseq }, groups: [gpuSpec("1000")], hash: new Uint8Array(32).fill(1), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } } };
      });
      await client.signAndBroadcastSync(tenant, msgs, { amount: [{ denom: "uakt", amount: "200000" }], gas: "20000000" });
      if (b === WARMUP) {
        windowStart = requests();
        byMethod.clear();
      }
      const block = devnet.produceBlock();
      if (b >= WARMUP) windowBlocks++;
      for (const [key, h] of createdAt) if (h === -1) createdAt.set(key, block.height);
      await sleep(BLOCK_MS);
    }
    const windowRequests = requests() - windowStart;
    if (process.env.BENCH_DEBUG) console.error("[bench] requests by method", JSON.stringify([...byMethod].map(([m, n]) => [m, +(n / (BLOCKS - WARMUP)).toFixed(2)])));
    for (let i = 0; i < 4; i++) {
      devnet.produceBlock();
      await sleep(BLOCK_MS);
    }
    await engine.settle();
    await engine.stop();

    const bidHeights = new Map<string, number>();
    let key: Uint8Array = new Uint8Array();
    for (;;) {
      const page = await abciQuery(pool, "/akash.market.v1beta5.Query/Bids", QueryBidsRequest, { filters: { provider }, pagination: { key, limit: 1000n, offset: 0n, countTotal: false, reverse: false } } as never, QueryBidsResponse);
      for (const { bid } of page.bids) if (bid?.id) bidHeights.set(`${bid.id.owner}/${bid.id.dseq.toString()}/${bid.id.gseq}/${bid.id.oseq}`, Number(bid.createdAt.toString()));
      const next = page.pagination?.nextKey;
      if (!next || next.length === 0) break;
      key = next;
    }
    const latencies: number[] = [];
    for (const [k, created] of createdAt) {
      const bidAt = bidHeights.get(k);
      latencies.push(bidAt === undefined ? Number.POSITIVE_INFINITY : bidAt - created);
    }
    latencies.sort((a, b) => a - b);
    if (process.env.BENCH_DEBUG) console.error("[bench] latencies", JSON.stringify(latencies));
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
    const missing = latencies.filter((l) => !Number.isFinite(l)).length;
    if (missing > latencies.length / 10) throw new Error(`${missing} of ${latencies.length} orders got no bid`);

    db.close();
    const rss = await headlessRssWith10kOrders(devnet);
    if (process.env.BENCH_DEBUG) console.error("[bench] headless rss", JSON.stringify(rss));
    return [
      { figure: "bidengine.bid_latency_blocks_p50", value: pct(50), unit: "blocks" },
      { figure: "bidengine.bid_latency_blocks_p95", value: pct(95), unit: "blocks" },
      { figure: "bidengine.rpc_per_block", value: Math.round((windowRequests / windowBlocks) * 100) / 100, unit: "requests/block" },
      { figure: "bidengine.rss_mb_10k_orders", value: rss.rssMb, unit: "MB" },
      { figure: "bidengine.catch_up_10k_orders_s", value: rss.catchUpS, unit: "s" },
    ];
  } finally {
    stream.stop();
    await devnet.stop();
  }
}
