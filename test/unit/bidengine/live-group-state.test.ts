import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Order_State } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockStream } from "../../../main/chain/block-stream";
import type { RpcPool } from "../../../main/chain/rpc-pool";
import type { TxQueue } from "../../../main/chain/tx-queue";
import type { Devnet } from "../../../main/devnet";
import { BidSettingsRepo } from "../../../main/bidengine/bid-settings-repo";
import { DeclaredReservations } from "../../../main/bidengine/declared-reservations";
import { DecisionRepo } from "../../../main/bidengine/decision-repo";
import { IntentRepo } from "../../../main/bidengine/intent-repo";
import { LiveBidEngine } from "../../../main/bidengine/live-engine";
import { ourBids } from "../../../main/bidengine/market-client";
import { openDatabase, type Db } from "../../../main/store/database";
import { expectOk, submit, type Actor } from "../devnet/harness";
import { gpuGroup } from "../devnet/fixtures";
import { devnetWithProvider } from "./live-provider";

// The live engine reads the group state of a catch-up order before bidding on it: mainnet holds
// open orders whose group is closed (stale state), and a bid on one is a refused tx. On the devnet:
// an order left "open" in a closed deployment (imported as mainnet's stale ones are) is declined
// with the group's state and no bid is sent; a live order beside it is bid on.

let devnet: Devnet;
let db: Db;
let pool: RpcPool;
let queue: TxQueue;
let provider: string;
let tenant: Actor;
const clock = Date.parse("2026-11-21T12:00:00Z");
const now = () => new Date(clock);

async function deploy(dseq: bigint): Promise<string> {
  expectOk(
    await submit(devnet, tenant, [
      { typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: { id: { owner: tenant.address, dseq }, groups: [gpuGroup("1000")], hash: new Uint8Array(32).fill(7), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } } },
    ]),
  );
  return `${tenant.address}/${dseq}/1/1`;
}

beforeAll(async () => {
  ({ devnet, db, pool, queue, provider, tenant } = await devnetWithProvider("group-tenant", now));
}, 60_000);

afterAll(async () => {
  db?.close();
  await devnet?.stop();
});

describe("live engine: group state of catch-up orders", () => {
  it("declines an open order of a closed group without a bid, and bids on the live one", async () => {
    const stale = await deploy(7001n);
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.deployment.v1beta4.MsgCloseDeployment", value: { id: { owner: tenant.address, dseq: 7001n } } }]));
    const closed = devnet.node.market.orders.get(stale)!;
    expect(closed.state).toBe(Order_State.closed);
    devnet.node.market.importOrder({ ...closed, state: Order_State.open }); // as mainnet's stale orders are
    const live = await deploy(7002n);

    const declared = [{ name: "this-pc", gpus: [{ model: "rtx3080", vendor: "nvidia", ramGi: null, interface: "pcie" as const, free: 2 }], cpuMillis: 8000, memoryBytes: String(16 * 2 ** 30), ephemeralBytes: String(200 * 2 ** 30), storageClasses: {} }];
    const reservations = new DeclaredReservations(() => declared);
    const settings = new BidSettingsRepo(db, now);
    settings.update({ declaredInventory: declared });
    const decisions = new DecisionRepo(db, now);
    const stream = new BlockStream({ pool, wsUrl: () => null, pollMs: 3_600_000 });
    const engine = new LiveBidEngine({
      pool: () => pool,
      stream,
      queue: () => queue,
      provider,
      network: "local",
      intents: new IntentRepo(db, () => clock),
      decisions,
      settings,
      cursor: { get: () => null, set: () => {} },
      reservations,
      inventory: async () => reservations.inventory(),
      now,
      // The owner's hardware tariff reaches the live engine's floor, and its decisions name it.
      electricityRate: () => ({ ok: true, attoUsdPerKwh: 2n * 10n ** 17n, text: "your USD flat tariff: $0.20/kWh" }),
      emit: () => {},
    });
    try {
      await engine.start();
      await engine.settle();
      expect(engine.status()).toMatchObject({ state: "running", openBids: 1 });
      expect(decisions.list({ orderKey: stale })[0]?.view).toMatchObject({ outcome: "declined", reason: "order_not_open", details: { groupState: "closed" } });
      expect(decisions.list({ orderKey: live })[0]?.view).toMatchObject({ outcome: "bid", details: { tariff: "your USD flat tariff: $0.20/kWh" } });
      const bids = await ourBids(pool, provider);
      expect(bids.get(live)).toBe("open");
      expect(bids.has(stale)).toBe(false);
    } finally {
      await engine.stop();
      stream.stop();
    }
  });

  it("a bid whose reservation is refused is recorded as declined, not as a bid, and nothing is sent", async () => {
    const order = await deploy(7003n);
    const own = openDatabase(":memory:");
    const declared = [{ name: "this-pc", gpus: [{ model: "rtx3080", vendor: "nvidia", ramGi: null, interface: "pcie" as const, free: 2 }], cpuMillis: 8000, memoryBytes: String(16 * 2 ** 30), ephemeralBytes: String(200 * 2 ** 30), storageClasses: {} }];
    const inventory = new DeclaredReservations(() => declared);
    // The decision sees free capacity; the ledger then refuses it (taken meanwhile, or the desktop reserve).
    const refusing = { reserve: () => false, release: () => {}, allocate: () => {} };
    const settings = new BidSettingsRepo(own, now);
    settings.update({ declaredInventory: declared });
    const decisions = new DecisionRepo(own, now);
    const stream = new BlockStream({ pool, wsUrl: () => null, pollMs: 3_600_000 });
    const engine = new LiveBidEngine({
      pool: () => pool, stream, queue: () => queue, provider, network: "local",
      intents: new IntentRepo(own, () => clock), decisions, settings,
      cursor: { get: () => null, set: () => {} }, reservations: refusing, inventory: async () => inventory.inventory(), now, emit: () => {},
    });
    try {
      await engine.start();
      await engine.settle();
      const [latest, first] = decisions.list({ orderKey: order }).map((d) => d.view);
      expect(first).toMatchObject({ outcome: "bid" });
      expect(latest).toMatchObject({ outcome: "declined", reason: "reservation_refused", fix: { setting: "hardware.reserve" } });
      expect(engine.status().openBids).toBe(0);
      expect((await ourBids(pool, provider)).has(order)).toBe(false);
    } finally {
      await engine.stop();
      stream.stop();
      own.close();
    }
  });
});
