import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { queryBalances, queryCertificates, queryDelegations, queryProvider } from "../../../main/chain/queries";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { encodeMsg, TxQueue } from "../../../main/chain/tx-queue";
import { MsgMintACT } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { TxRepo } from "../../../main/chain/tx-repo";
import { startDevnet, type Devnet } from "../../../main/devnet";
import { CertificateService } from "../../../main/provider/certificate-service";
import { ProviderService } from "../../../main/provider/provider-service";
import { Treasury } from "../../../main/provider/treasury";
import { openDatabase, type Db } from "../../../main/store/database";
import { WalletService } from "../../../main/wallet";
import { fastPassphraseStore } from "../wallet/fakes";

// The provider identity end to end against the devnet over real HTTP: a fresh wallet is funded by
// the faucet, registers a provider, publishes a certificate, converts ACT, stakes and sweeps.
// Blocks are produced by the queue's wait (blockTimeMs 0), so nothing sleeps for real time.

const COLD = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l";
let devnet: Devnet;
let db: Db;
let pool: RpcPool;
let queue: TxQueue;
let wallet: WalletService;
let owner: string;

beforeAll(async () => {
  devnet = await startDevnet({ blockTimeMs: 0 });
  db = openDatabase(":memory:");
  pool = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: [devnet.rpcUrl] });
  wallet = new WalletService({ network: "local", file: join(mkdtempSync(join(tmpdir(), "apd-devnet-")), "local.keystore.json"), passphraseStore: fastPassphraseStore(), now: () => new Date() });
  const created = wallet.create();
  await wallet.confirmBackup(created.confirmPositions.map((p) => ({ position: p, word: created.words[p - 1]! })), "devnet passphrase");
  owner = wallet.address()!;
  let t = 0;
  queue = new TxQueue({
    network: "local",
    chainId: devnet.chainId,
    pool,
    repo: new TxRepo(db, () => new Date()),
    signer: () => wallet.signer(),
    gasPrice: "0.025",
    now: () => t,
    sleep: async (ms) => {
      t += ms;
      devnet.produceBlock();
    },
  });
});

afterAll(async () => {
  db?.close();
  await devnet?.stop();
});

describe("provider identity on the devnet", () => {
  it("an unfunded wallet gets a message that says to fund it", async () => {
    const treasury = new Treasury({ pool: () => pool, queue: () => queue, address: () => owner });
    const error = await treasury.burnAct(1n).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContractFailure);
    expect((error as ContractFailure).message).toMatch(/never received funds/);
  });

  it("registers the provider and publishes its certificate; the chain shows both", async () => {
    devnet.faucet(owner);
    const provider = new ProviderService({
      pool: () => pool,
      queue: () => queue,
      owner: () => owner,
      hardware: { gpus: async () => [{ model: "rtx4090", vram: "24Gi", interface: "pcie" }], storage: async () => [{ class: "beta3", persistent: true }] },
    });
    const input = { hostUri: "https://rig.example.com:8443", region: "eu-west", organization: "Home rig" };
    const plan = await provider.plan(input);
    expect(plan.action).toBe("create");
    const { tx } = await provider.apply(input, plan.fingerprint);
    expect(tx).toMatchObject({ kind: "provider.create", status: "confirmed" });
    expect(tx!.height).toBeGreaterThan(1);
    const onChain = await queryProvider(pool, owner);
    expect(onChain?.hostUri).toBe("https://rig.example.com:8443");
    expect(onChain?.attributes).toContainEqual({ key: "capabilities/gpu/vendor/nvidia/model/rtx4090/ram/24Gi/interface/pcie", value: "true" });
    expect((await provider.plan(input)).action).toBe("none");

    const certs = new CertificateService({ pool: () => pool, queue: () => queue, wallet: () => ({ address: () => owner, getExtra: (n) => wallet.getExtra(n), setExtra: (n, v) => wallet.setExtra(n, v) }), now: () => new Date() });
    const published = await certs.publish({ host: "rig.example.com", isIp: false });
    const list = await queryCertificates(pool, owner);
    expect(list).toEqual([expect.objectContaining({ serial: published.serial, state: "valid" })]);
    expect((await certs.serving())?.certPem).toContain("BEGIN CERTIFICATE");
  });

  it("a bad update is refused by the chain with a clear message and leaves the record as it was", async () => {
    const provider = new ProviderService({ pool: () => pool, queue: () => queue, owner: () => owner, hardware: { gpus: async () => [], storage: async () => [] } });
    const error = await provider.plan({ hostUri: "https://rig.example.com:8443/path" }).then(() => null, (e: unknown) => e);
    expect((error as ContractFailure).message).toMatch(/must not have a path/);
    expect((await queryProvider(pool, owner))?.hostUri).toBe("https://rig.example.com:8443");
  });

  it("treasury: balances, ACT→AKT, stake, sweep", async () => {
    const treasury = new Treasury({ pool: () => pool, queue: () => queue, address: () => owner, reserve: () => ({ maxConcurrentBids: 2, bidDeposit: 500_000n, feeRunway: 1_000_000n }) });
    const before = await treasury.balances();
    expect(BigInt(before.uakt)).toBeGreaterThan(900_000_000n);
    expect(before.reserve.status).toBe("ok");

    const validators = await treasury.validators();
    expect(validators.length).toBeGreaterThan(0);
    await treasury.stake(validators[0]!.operatorAddress, 10_000_000n);
    expect(await queryDelegations(pool, owner)).toContainEqual({ validator: validators[0]!.operatorAddress, amount: { denom: "uakt", amount: "10000000" } });

    // Earn some ACT the quick way (mint from AKT; a lease withdrawal pays uact the same), then convert it back.
    await queue.submit({ kind: "test.mintAct", messages: [encodeMsg(MsgMintACT, { owner, to: owner, coinsToBurn: { denom: "uakt", amount: "50000000" } })] });
    for (let i = 0; i < 12 && (await treasury.balances()).uact === "0"; i++) devnet.produceBlock();
    const act = BigInt((await treasury.balances()).uact);
    expect(act).toBeGreaterThanOrEqual(10_000_000n);
    const burn = await treasury.burnAct(act);
    expect(burn).toMatchObject({ kind: "treasury.burnAct", status: "confirmed" });
    expect((await treasury.balances()).pendingActToAkt).toBe(act.toString());
    for (let i = 0; i < 12 && (await treasury.balances()).uact !== "0"; i++) devnet.produceBlock();
    expect((await treasury.balances()).uact).toBe("0");

    await treasury.sweep(COLD, 5_000_000n);
    expect(await queryBalances(pool, COLD)).toEqual([{ denom: "uakt", amount: "5000000" }]);
    const after = await treasury.balances();
    expect(after.staked).toBe("10000000");
    expect(BigInt(after.uakt)).toBeLessThan(BigInt(before.uakt) - 15_000_000n); // stake + sweep + fees, ACT round trip
  });
});
