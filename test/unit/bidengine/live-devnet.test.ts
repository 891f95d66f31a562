import { LeaseClosedReason, Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockStream } from "../../../main/chain/block-stream";
import { RpcPool } from "../../../main/chain/rpc-pool";
import type { TxQueue } from "../../../main/chain/tx-queue";
import type { Devnet } from "../../../main/devnet";
import type { BidEngineChanged } from "../../../common/bidengine-live-schemas";
import { BidEngineHost } from "../../../main/bidengine/engine-host";
import { BidSettingsRepo } from "../../../main/bidengine/bid-settings-repo";
import { DeclaredReservations } from "../../../main/bidengine/declared-reservations";
import { DecisionRepo } from "../../../main/bidengine/decision-repo";
import { IntentRepo } from "../../../main/bidengine/intent-repo";
import { LiveBidEngine, type EngineEvent } from "../../../main/bidengine/live-engine";
import { ourBids } from "../../../main/bidengine/market-client";
import type { Db } from "../../../main/store/database";
import { actor, expectOk, submit, type Actor } from "../devnet/harness";
import { gpuGroup } from "../devnet/fixtures";
import { devnetWithProvider } from "./live-provider";

// The live bid engine against the devnet over real HTTP: the app's provider (wallet + provider
// service, funded by the faucet) catches up on an open order, bids on it through the tx queue,
// declines what it cannot serve with reasons, wins the lease the tenant creates, re-bids when the
// lease ends, closes a bid that timed out (MsgCloseBid 10002) and, after a restart, reconciles
// without a duplicate bid. Blocks are produced by hand (blockTimeMs 0); the clock is injected.

let devnet: Devnet;
let db: Db;
let pool: RpcPool;
let queue: TxQueue;
let provider: string;
let tenant: Actor;
let clock = Date.parse("2026-11-21T12:00:00Z");
const now = () => new Date(clock);
let dseq = 1000n;

function buildEngine(reservations: DeclaredReservations, events: EngineEvent[], cursor: { h: number | null }, rpc: RpcPool = pool) {
  const settings = new BidSettingsRepo(db, now);
  const stream = new BlockStream({ pool: rpc, wsUrl: () => null, pollMs: 3_600_000 });
  const engine = new LiveBidEngine({
    pool: () => rpc,
    stream,
    queue: () => queue,
    provider,
    network: "local",
    intents: new IntentRepo(db, () => clock),
    decisions: new DecisionRepo(db, now),
    settings,
    cursor: { get: () => cursor.h, set: (h) => (cursor.h = h) },
    reservations,
    inventory: async () => reservations.inventory(),
    now,
    emit: (e) => events.push(e),
  });
  return { engine, stream, settings };
}

async function deploy(model: string): Promise<string> {
  dseq += 1n;
  const group = gpuGroup("1000");
  for (const r of group.resources) for (const a of r.resource?.gpu?.attributes ?? []) a.key = `vendor/nvidia/model/${model}`;
  const tx = await submit(devnet, tenant, [
    { typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: { id: { owner: tenant.address, dseq }, groups: [group], hash: new Uint8Array(32).fill(7), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } } },
  ]);
  expectOk(tx);
  return `${tenant.address}/${dseq}/1/1`;
}

/** One more block, delivered to the engine, and whatever it sent settled. */
async function step(engine: LiveBidEngine, stream: BlockStream): Promise<void> {
  devnet.produceBlock();
  await stream.pollOnce();
  await engine.idle();
  await engine.settle();
  await stream.pollOnce();
  await engine.idle();
}

beforeAll(async () => {
  ({ devnet, db, pool, queue, provider, tenant } = await devnetWithProvider("bid-tenant", now));
}, 60_000);

afterAll(async () => {
  db?.close();
  await devnet?.stop();
});

describe("live bid engine on the devnet", () => {
  const declared = [{ name: "this-pc", gpus: [{ model: "rtx3080", vendor: "nvidia", ramGi: null, interface: "pcie" as const, free: 1 }], cpuMillis: 8000, memoryBytes: String(16 * 2 ** 30), ephemeralBytes: String(200 * 2 ** 30), storageClasses: {} }];
  const reservations = new DeclaredReservations(() => declared);
  const cursor: { h: number | null } = { h: null };
  const events: EngineEvent[] = [];
  let a = "";

  it("refuses to run without a provider record, with the reason", async () => {
    const { engine } = buildEngine(reservations, [], { h: null });
    (engine as unknown as { d: { provider: string } }).d.provider = tenant.address;
    await engine.start();
    expect(engine.status()).toMatchObject({ state: "offline", reason: expect.stringMatching(/no provider record/) });
  });

  it("catches up, bids, declines with reasons, wins the lease, re-bids, times out, and reconciles after a restart", async () => {
    a = await deploy("rtx3080"); // open before the engine starts: found by the catch-up
    const first = buildEngine(reservations, events, cursor);
    first.settings.update({ declaredInventory: declared });
    await first.engine.start();
    await first.engine.settle();
    expect(first.engine.status()).toMatchObject({ state: "running", openBids: 1 });
    expect((await ourBids(pool, provider)).get(a)).toBe("open");
    expect(events.some((e) => e.type === "bid_placed" && e.key === a)).toBe(true);

    // Two more orders in one block: the only GPU is held by A's bid; an rtx4090 we do not have.
    const b = await deploy("rtx3080");
    const c = await deploy("rtx4090");
    await step(first.engine, first.stream);
    const decisions = new DecisionRepo(db, now);
    expect(decisions.list({ orderKey: b })[0]?.view).toMatchObject({ outcome: "declined", reason: "insufficient_gpu" });
    expect(decisions.list({ orderKey: c })[0]?.view.outcome).toBe("declined");
    expect(decisions.list({ orderKey: c })[0]?.view.reason).toMatch(/gpu|attributes/);

    // The tenant leases our bid: the engine records the lease and tells the gateway port.
    const [owner, d] = a.split("/");
    const bidId = { owner, dseq: BigInt(d!), gseq: 1, oseq: 1, provider, bseq: 0 };
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId } }]));
    await step(first.engine, first.stream);
    expect(first.engine.status()).toMatchObject({ activeLeases: 1, openBids: 0 });
    expect(events.some((e) => e.type === "lease_won" && e.lease.key === a)).toBe(true);

    // The tenant ends the lease: the GPU is free again, and B is decided again and bid on.
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCloseLease", value: { id: bidId, reason: LeaseClosedReason.lease_closed_owner } }]));
    await step(first.engine, first.stream);
    expect(events.some((e) => e.type === "lease_closed" && e.key === a)).toBe(true);
    await step(first.engine, first.stream);
    expect((await ourBids(pool, provider)).get(b)).toBe("open");
    expect(first.engine.status()).toMatchObject({ activeLeases: 0, openBids: 1 });

    // Restart: a new engine on the same database resumes; no duplicate bid, the bid is still ours.
    await first.engine.stop();
    const second = buildEngine(reservations, events, cursor);
    await second.engine.start();
    await second.engine.settle();
    expect(second.engine.status()).toMatchObject({ state: "running", openBids: 1 });
    const bidsOnB = [...(await ourBids(pool, provider)).entries()].filter(([k]) => k === b);
    expect(bidsOnB).toEqual([[b, "open"]]);

    // No lease within the bid timeout: MsgCloseBid 10002 and the GPU is released.
    clock += 5 * 60_000 + 1;
    await step(second.engine, second.stream);
    await step(second.engine, second.stream);
    expect((await ourBids(pool, provider)).get(b)).toBe("closed");
    expect(second.engine.status().openBids).toBe(0);
    expect(reservations.inventory()[0]!.gpus[0]!.free).toBe(1);
    await second.engine.stop();
    second.stream.stop();
    first.stream.stop();
  }, 60_000);

  it("a lease won by another provider: our bid is closed as lost and the GPU released", async () => {
    const rival = await actor(devnet, "rival-provider");
    expectOk(await submit(devnet, rival, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: rival.address, hostUri: "https://rival.example.com:8443", attributes: [{ key: "host", value: "akash" }, { key: "capabilities/gpu/vendor/nvidia/model/rtx3080", value: "true" }], info: { email: "", website: "" } } }]));
    const e = buildEngine(reservations, events, cursor);
    await e.engine.start();
    const d = await deploy("rtx3080");
    await step(e.engine, e.stream);
    expect((await ourBids(pool, provider)).get(d)).toBe("open");
    const [owner, dd] = d.split("/");
    const rivalBid = { owner, dseq: BigInt(dd!), gseq: 1, oseq: 1, provider: rival.address, bseq: 0 };
    expectOk(await submit(devnet, rival, [{ typeUrl: "/akash.market.v1beta5.MsgCreateBid", value: { id: rivalBid, price: { denom: "uact", amount: "900" }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] } }]));
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId: rivalBid } }]));
    await step(e.engine, e.stream);
    await step(e.engine, e.stream);
    expect((await ourBids(pool, provider)).get(d)).toBe("closed");
    expect(e.engine.status()).toMatchObject({ openBids: 0, activeLeases: 0 });
    expect(reservations.inventory()[0]!.gpus[0]!.free).toBe(1);
    expect(events.some((x) => x.type === "lease_won" && x.lease.key === d)).toBe(false);
    await e.engine.stop();
    e.stream.stop();
  }, 60_000);

  it("survives a dead primary RPC endpoint: the pool fails over and no order is missed", async () => {
    const failover = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: ["http://127.0.0.1:1", devnet.rpcUrl] });
    const e = buildEngine(reservations, events, cursor, failover);
    await e.engine.start();
    expect(e.engine.status().state).toBe("running");
    const d = await deploy("rtx3080");
    await step(e.engine, e.stream);
    expect((await ourBids(pool, provider)).get(d)).toBe("open");
    expect(e.engine.status().height).toBe(devnet.height);
    await e.engine.stop();
    e.stream.stop();
  }, 60_000);

  it("the host runs the engine only while the wallet is unlocked, and reports why not", async () => {
    const changes: BidEngineChanged[] = [];
    let unlocked: string | null = null;
    const host = new BidEngineHost({
      db,
      now,
      log: () => {},
      network: () => "local",
      address: () => unlocked,
      pool: () => pool,
      stream: () => new BlockStream({ pool, wsUrl: () => null, pollMs: 3_600_000 }),
      queue: () => queue,
      settings: new BidSettingsRepo(db, now),
      decisions: new DecisionRepo(db, now),
      reservations,
      inventory: async () => reservations.inventory(),
      emit: (c) => changes.push(c),
    });
    await host.ensure();
    expect(host.status()).toMatchObject({ state: "stopped", reason: expect.stringMatching(/wallet is locked/) });
    unlocked = tenant.address; // a wallet without a provider record
    await host.ensure();
    expect(host.status()).toMatchObject({ state: "offline", reason: expect.stringMatching(/no provider record/) });
    unlocked = provider;
    await host.ensure();
    expect(host.status()).toMatchObject({ state: "running", network: "local" });
    expect((await host.setGaming(true)).state).toBe("gaming");
    expect((await host.pause()).state).toBe("paused");
    expect((await host.resume()).state).toBe("gaming");
    expect((await host.setGaming(false)).state).toBe("running");
    expect(changes.map((c) => c.status.state)).toEqual(expect.arrayContaining(["offline", "running", "gaming", "paused"]));
    unlocked = null;
    await host.ensure();
    expect(host.status().state).toBe("stopped");
    await host.close();
  }, 60_000);
});
