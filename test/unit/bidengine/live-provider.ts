import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { TxQueue } from "../../../main/chain/tx-queue";
import { TxRepo } from "../../../main/chain/tx-repo";
import type { Devnet } from "../../../main/devnet";
import { ProviderService } from "../../../main/provider/provider-service";
import { openDatabase, type Db } from "../../../main/store/database";
import { WalletService } from "../../../main/wallet";
import { actor, expectOk, submit, testDevnet, type Actor } from "../devnet/harness";
import { fastPassphraseStore } from "../wallet/fakes";

// The live-engine tests' chain: a devnet on which our wallet registered an rtx3080 rig through the
// app's own tx queue (its waits make the blocks), and a tenant holding ACT to deploy with.

export interface LiveProvider {
  devnet: Devnet;
  db: Db;
  pool: RpcPool;
  queue: TxQueue;
  provider: string;
  tenant: Actor;
}

export async function devnetWithProvider(tenantName: string, now: () => Date, fetchImpl?: typeof fetch): Promise<LiveProvider> {
  const devnet = await testDevnet();
  const db = openDatabase(":memory:");
  const pool = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: [devnet.rpcUrl], ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const wallet = new WalletService({ network: "local", file: join(mkdtempSync(join(tmpdir(), "apd-live-")), "local.keystore.json"), passphraseStore: fastPassphraseStore(), now });
  const created = wallet.create();
  await wallet.confirmBackup(created.confirmPositions.map((p) => ({ position: p, word: created.words[p - 1]! })), "devnet passphrase");
  const provider = wallet.address()!;
  devnet.faucet(provider);
  let t = 0;
  const queue = new TxQueue({ network: "local", chainId: devnet.chainId, pool, repo: new TxRepo(db, now), signer: () => wallet.signer(), gasPrice: "0.025", now: () => t, sleep: async (ms) => { t += ms; devnet.produceBlock(); } });
  const service = new ProviderService({ pool: () => pool, queue: () => queue, owner: () => provider, hardware: { gpus: async () => [{ model: "rtx3080", vram: "10Gi", interface: "pcie" }], storage: async () => [] } });
  const input = { hostUri: "https://rig.example.com:8443" };
  await service.apply(input, (await service.plan(input)).fingerprint);
  const tenant = await actor(devnet, tenantName, 100_000_000_000n);
  expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "10000000000" } } }]));
  for (let i = 0; i < 12; i++) devnet.produceBlock();
  return { devnet, db, pool, queue, provider, tenant };
}
