import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCreateProvider } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { MsgCreateBid } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { EnergyQuery, EnergyReport } from "../../../common/hardware-schemas";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { encodeMsg, TxQueue, type TxSigner } from "../../../main/chain/tx-queue";
import { TxRepo } from "../../../main/chain/tx-repo";
import type { Devnet } from "../../../main/devnet/index";
import { EarningsService, EarningsSettingsStore, LedgerRepo } from "../../../main/earnings";
import { openDatabase, type Db } from "../../../main/store/database";
import { actor, expectOk, submit, testDevnet, type Actor } from "../devnet/harness";
import { gpuGroup, PROVIDER_ATTRIBUTES } from "../devnet/fixtures";

// A provider and a tenant on a manual-block devnet: the provider's transactions go through a real
// TxQueue (as the app's do), the tenant signs with cosmjs. Blocks are produced while the queue waits.

export const GPU = "0000:01:00.0";

/** Electricity stand-in: every hour costs $0.05 on one GPU (its channel) and $0.01 for the rest. */
export function flatEnergy(query: EnergyQuery): EnergyReport {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const hours: { start: string; cost: string }[] = [];
  for (let h = Math.floor(from / 3_600_000) * 3_600_000; h < to; h += 3_600_000) hours.push({ start: new Date(h).toISOString(), cost: "0.06" });
  const total = (to - from) / 3_600_000;
  const fmt = (usd: number) => usd.toFixed(6);
  return {
    from: query.from,
    to: query.to,
    currency: "USD",
    total: { energyWh: 0, servingWh: 0, idleWh: 0, cost: fmt(total * 0.06), servingCost: null, idleCost: null },
    channels: [
      { channel: GPU, energyWh: 0, servingWh: 0, idleWh: 0, cost: fmt(total * 0.05) },
      { channel: "system", energyWh: 0, servingWh: 0, idleWh: 0, cost: fmt(total * 0.01) },
    ],
    buckets: hours.map((b) => ({ start: b.start, energyWh: 0, servingWh: 0, idleWh: 0, cost: b.cost })),
  };
}

export interface Rig {
  devnet: Devnet;
  provider: Actor;
  tenant: Actor;
  queue: TxQueue;
  pool: RpcPool;
  db: Db;
  txRepo: TxRepo;
  clock: { ms: number };
  service: (db?: Db) => EarningsService;
  deploy(dseq: number, priceUact: string, depositUact: string): Promise<void>;
  leaseId(dseq: number): string;
  stop(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const devnet = await testDevnet({ bme: { minEpochBlocks: 1 } });
  const provider = await actor(devnet, "earnings-provider");
  const tenant = await actor(devnet, "earnings-tenant");
  const db = openDatabase(":memory:");
  const pool = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: [devnet.rpcUrl] });
  const txRepo = new TxRepo(db, () => new Date());
  const signer: TxSigner = { address: provider.address, getAccounts: () => provider.wallet.getAccounts(), signDirect: (a, d) => provider.wallet.signDirect(a, d) };
  let t = 0;
  const queue = new TxQueue({ network: "local", chainId: devnet.chainId, pool, repo: txRepo, signer: () => signer, gasPrice: "0.025", now: () => t, sleep: async (ms) => void ((t += ms), devnet.produceBlock()) });
  const clock = { ms: Date.parse("2026-11-21T12:00:00.000Z") };
  await queue.submit({ kind: "provider.create", messages: [encodeMsg(MsgCreateProvider, { owner: provider.address, hostUri: "https://rig.example.com:8443", attributes: PROVIDER_ATTRIBUTES, info: { email: "", website: "" } })] });
  expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "1000000000" } } }]));
  devnet.produceBlock();
  const bidId = (dseq: number) => ({ owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: provider.address, bseq: 0 });
  const rig: Rig = {
    devnet,
    provider,
    tenant,
    queue,
    pool,
    db,
    txRepo,
    clock,
    service: (other = db) =>
      new EarningsService({
        repo: new LedgerRepo(other),
        settings: new EarningsSettingsStore(other),
        network: () => "local",
        provider: () => provider.address,
        pool: () => pool,
        txs: () => txRepo.list("local", 500),
        send: (request) => queue.submit(request),
        energy: flatEnergy,
        leaseGpus: (id) => (id === rig.leaseId(1) ? [{ channel: GPU, startMs: clock.ms - 3_600_000, endMs: null }] : []),
        now: () => new Date(clock.ms),
      }),
    async deploy(dseq, priceUact, depositUact) {
      expectOk(
        await submit(devnet, tenant, [
          {
            typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment",
            value: { id: { owner: tenant.address, dseq }, groups: [gpuGroup("200000")], hash: new Uint8Array(32).fill(3), deposit: { amount: { denom: "uact", amount: depositUact }, sources: [Source.balance] } },
          },
        ]),
      );
      // The provider's bid goes through the app's tx queue, as the bid engine's do.
      await queue.submit({
        kind: "bid.create",
        messages: [encodeMsg(MsgCreateBid, { id: bidId(dseq), price: { denom: "uact", amount: priceUact }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] })],
      });
      expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId: bidId(dseq) } }]));
    },
    leaseId: (dseq) => `${tenant.address}/${dseq}/1/1/${provider.address}`,
    async stop() {
      db.close();
      await devnet.stop();
    },
  };
  return rig;
}
