import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Order_State } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockStream } from "../../../main/chain/block-stream";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { TxQueue } from "../../../main/chain/tx-queue";
import { TxRepo } from "../../../main/chain/tx-repo";
import type { Devnet } from "../../../main/devnet";
import { BidSettingsRepo } from "../../../main/bidengine/bid-settings-repo";
import { DeclaredReservations } from "../../../main/bidengine/declared-reservations";
import { DecisionRepo } from "../../../main/bidengine/decision-repo";
import { IntentRepo } from "../../../main/bidengine/intent-repo";
import { LiveBidEngine } from "../../../main/bidengine/live-engine";
import { ourBids } from "../../../main/bidengine/market-client";
import { ProviderService } from "../../../main/provider/provider-service";
import { openDatabase, type Db } from "../../../main/store/database";
import { WalletService } from "../../../main/wallet";
import { actor, expectOk, submit, testDevnet, type Actor } from "../devnet/harness";
import { gpuGroup } from "../devnet/fixtures";
import { fastPassphraseStore } from "../wallet/fakes";

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
  devnet = await testDevnet();
  db = openDatabase(":memory:");
  pool = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: [devnet.rpcUrl] });
  const wallet = new WalletService({ network: "local", file: join(mkdtempSync(join(tmpdir(), "apd-grp-")), "local.keystore.json"), passphraseStore: fastPassphraseStore(), now });
  const created = wallet.create();
  await wallet.confirmBackup(created.confirmPositions.map((p) => ({ position: p, word: created.words[p - 1]! })), "devnet passphrase");
  provider = wallet.address()!;
  devnet.faucet(provider);
  let t = 0;
  queue = new TxQueue({ network: "local", chainId: devnet.chainId, pool, repo: new TxRepo(db, now), signer: () => wallet.signer(), gasPrice: "0.025", now: () => t, sleep: async (ms) => { t += ms; devnet.produceBlock(); } });
  const service = new ProviderService({ pool: () => pool, queue: () => queue, owner: () => provider, hardware: { gpus: async () => [{ model: "rtx3080", vram: "10Gi", interface: "pcie" }], storage: async () => [] } });
  const input = { hostUri: "https://rig.example.com:8443" };
  await service.apply(input, (await service.plan(input)).fingerprint);
  tenant = await actor(devnet, "group-tenant", 100_000_000_000n);
  expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "10000000000" } } }]));
  for (let i = 0; i < 12; i++) devnet.produceBlock();
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
