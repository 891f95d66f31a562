import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryBidsRequest } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockStream } from "../../../main/chain/block-stream";
import type { RpcPool } from "../../../main/chain/rpc-pool";
import type { TxQueue } from "../../../main/chain/tx-queue";
import type { Devnet } from "../../../main/devnet";
import { BidSettingsRepo } from "../../../main/bidengine/bid-settings-repo";
import { DeclaredReservations } from "../../../main/bidengine/declared-reservations";
import { DecisionRepo } from "../../../main/bidengine/decision-repo";
import { BidEngineHost } from "../../../main/bidengine/engine-host";
import type { LiveBidEngine } from "../../../main/bidengine/live-engine";
import { orderBidCount, ourBids } from "../../../main/bidengine/market-client";
import { MarketPriceFeed } from "../../../main/bidengine/market-prices";
import type { Db } from "../../../main/store/database";
import { actor, expectOk, FIXED_FEE, submit, type Actor } from "../devnet/harness";
import { gpuGroup, PROVIDER_ATTRIBUTES } from "../devnet/fixtures";
import { devnetWithProvider } from "./live-provider";

// Catch-up orders on the devnet: the engine does not know how many bids they hold, and the chain
// refuses bid 21. Before bidding on one it reads the order's bids: an order that 20 other providers
// already bid on is declined (too_many_bids) with no tx sent; one with a single other bid gets our
// bid; an order it would decline anyway costs no Bids query. The engine runs under the host with
// the market strategy, so its bid is priced from the feed's snapshot of the chain's active leases.

let devnet: Devnet;
let db: Db;
let pool: RpcPool;
let queue: TxQueue;
let provider: string;
let tenant: Actor;
let dseq = 9000n;
const clock = Date.parse("2026-11-21T12:00:00Z");
const now = () => new Date(clock);
/** dseqs of the Bids queries filtered by one order (not reconcile's by-provider query). */
const orderBidQueries: string[] = [];
const others: Actor[] = [];

async function deploy(model: string, price = "1000"): Promise<{ key: string; dseq: bigint }> {
  dseq += 1n;
  const group = gpuGroup(price);
  for (const r of group.resources) for (const a of r.resource?.gpu?.attributes ?? []) a.key = `vendor/nvidia/model/${model}`;
  expectOk(
    await submit(devnet, tenant, [
      { typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: { id: { owner: tenant.address, dseq }, groups: [group], hash: new Uint8Array(32).fill(5), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } } },
    ]),
  );
  return { key: `${tenant.address}/${dseq}/1/1`, dseq };
}

function bidMsg(who: Actor, order: bigint, price = "900") {
  const id = { owner: tenant.address, dseq: order, gseq: 1, oseq: 1, provider: who.address, bseq: 0 };
  return { typeUrl: "/akash.market.v1beta5.MsgCreateBid", value: { id, price: { denom: "uact", amount: price }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] } };
}

/** `count` other providers bid on the order, all in one block. */
async function otherBids(order: bigint, count: number): Promise<void> {
  const hashes = await Promise.all(others.slice(0, count).map((who) => who.client.signAndBroadcastSync(who.address, [bidMsg(who, order)], FIXED_FEE)));
  devnet.produceBlock();
  for (const [i, hash] of hashes.entries()) expectOk((await others[i]!.client.getTx(hash))!);
}

beforeAll(async () => {
  const counting: typeof fetch = (input, init) => {
    const body = JSON.parse(String(init?.body ?? "{}")) as { params?: { path?: string; data?: string } };
    if (body.params?.path === "/akash.market.v1beta5.Query/Bids") {
      const { filters } = QueryBidsRequest.decode(Buffer.from(body.params.data ?? "", "hex"));
      if (filters && !filters.provider) orderBidQueries.push(filters.dseq.toString());
    }
    return fetch(input, init);
  };
  ({ devnet, db, pool, queue, provider, tenant } = await devnetWithProvider("count-tenant", now, counting));
  // Twenty other providers, registered in one block.
  others.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => actor(devnet, `count-provider-${i}`)))));
  const registered = await Promise.all(
    others.map((who, i) =>
      who.client.signAndBroadcastSync(who.address, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: who.address, hostUri: `https://p${i}.example.com:8443`, attributes: PROVIDER_ATTRIBUTES, info: { email: "", website: "" } } }], FIXED_FEE),
    ),
  );
  devnet.produceBlock();
  for (const [i, hash] of registered.entries()) expectOk((await others[i]!.client.getTx(hash))!);
}, 90_000);

afterAll(async () => {
  db?.close();
  await devnet?.stop();
});

describe("bid count of catch-up orders", () => {
  it("reads the chain's count (open, active and closed bids; not lost ones)", async () => {
    const order = await deploy("rtx3080");
    await otherBids(order.dseq, 3);
    const id = { owner: tenant.address, dseq: order.dseq, gseq: 1, oseq: 1 };
    expect(await orderBidCount(pool, id, 21)).toBe(3);
    expectOk(await submit(devnet, others[0]!, [{ typeUrl: "/akash.market.v1beta5.MsgCloseBid", value: { id: { ...id, provider: others[0]!.address, bseq: 0 }, reason: 10002 } }], FIXED_FEE));
    expect(await orderBidCount(pool, id, 21)).toBe(3); // a closed bid still counts on chain
    expect(await orderBidCount(pool, id, 2)).toBe(2); // read only as far as needed
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.deployment.v1beta4.MsgCloseDeployment", value: { id: { owner: tenant.address, dseq: order.dseq } } }]));
  });

  it("declines a full order before bidding, bids on one with room at the market price, and reads nothing for a declined one", async () => {
    // The market: another provider holds a lease on an rtx3080 group at 600 uact/block.
    const leasedOrder = await deploy("rtx3080");
    const bidId = { owner: tenant.address, dseq: leasedOrder.dseq, gseq: 1, oseq: 1, provider: others[0]!.address, bseq: 0 };
    expectOk(await submit(devnet, others[0]!, [bidMsg(others[0]!, leasedOrder.dseq, "600")], FIXED_FEE));
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId } }]));

    const full = await deploy("rtx3080");
    await otherBids(full.dseq, 20);
    const room = await deploy("rtx3080");
    await otherBids(room.dseq, 1);
    const elsewhere = await deploy("rtx4090"); // a GPU this provider does not have

    const declared = [{ name: "this-pc", gpus: [{ model: "rtx3080", vendor: "nvidia", ramGi: null, interface: "pcie" as const, free: 4 }], cpuMillis: 16000, memoryBytes: String(32 * 2 ** 30), ephemeralBytes: String(400 * 2 ** 30), storageClasses: {} }];
    const reservations = new DeclaredReservations(() => declared);
    const settings = new BidSettingsRepo(db, now);
    const base = settings.get();
    settings.update({
      declaredInventory: declared,
      pricing: { ...base.pricing, strategy: "market", market: { percentile: 50, adjustBps: 0 }, usdPerHour: { ...base.pricing.usdPerHour, cpuThread: "0", memoryGiB: "0", storageGiB: {}, endpoint: "0" } },
      cost: { ...base.cost, tariffUsdPerKwh: "0", depreciationUsdPerGpuHour: "0" },
    });
    const decisions = new DecisionRepo(db, now);
    const lines: string[] = [];
    const market = new MarketPriceFeed({ pool: () => pool, now, log: (l) => lines.push(l), timer: { setInterval: () => 1, clearInterval: () => {} } });
    const host = new BidEngineHost({
      db,
      now,
      log: (l) => lines.push(l),
      network: () => "local",
      address: () => provider,
      pool: () => pool,
      stream: () => new BlockStream({ pool, wsUrl: () => null, pollMs: 3_600_000 }),
      queue: () => queue,
      settings,
      decisions,
      reservations,
      inventory: async () => reservations.inventory(),
      market,
      emit: () => {},
    });
    orderBidQueries.length = 0;
    try {
      await host.ensure();
      await (host as unknown as { engine: LiveBidEngine }).engine.settle(); // the bid's tx confirmed
      expect(host.status()).toMatchObject({ state: "running", openBids: 1 });
      expect(market.prices("local")?.get("rtx3080")).toEqual([600n * 10n ** 18n]);

      expect(decisions.list({ orderKey: full.key })[0]?.view).toMatchObject({ outcome: "declined", reason: "too_many_bids", details: { bidCount: 20, orderMaxBids: 20 } });
      expect(decisions.list({ orderKey: room.key })[0]?.view).toMatchObject({
        outcome: "bid",
        strategy: "market",
        marketReference: "600.000000000000000000",
        price: { denom: "uact", amount: "600.000000000000000000" },
      });
      expect(decisions.list({ orderKey: elsewhere.key })[0]?.view.outcome).toBe("declined");
      // Only the two orders that would get a bid were counted.
      expect(orderBidQueries.sort()).toEqual([String(full.dseq), String(room.dseq)].sort());

      const ours = await ourBids(pool, provider);
      expect(ours.get(room.key)).toBe("open");
      expect(ours.has(full.key)).toBe(false);
      expect(await orderBidCount(pool, { owner: tenant.address, dseq: full.dseq, gseq: 1, oseq: 1 }, 21)).toBe(20);
    } finally {
      await host.close();
    }
  });
});
