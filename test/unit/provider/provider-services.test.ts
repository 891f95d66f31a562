import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { TxQueue } from "../../../main/chain/tx-queue";
import { TxRepo } from "../../../main/chain/tx-repo";
import { CertificateService } from "../../../main/provider/certificate-service";
import { ProviderService, type HardwarePort } from "../../../main/provider/provider-service";
import { Treasury } from "../../../main/provider/treasury";
import { openDatabase, type Db } from "../../../main/store/database";
import { WalletService } from "../../../main/wallet";
import { startFakeChain, type FakeChain } from "../chain/fake-chain";
import { fastPassphraseStore } from "../wallet/fakes";
import { installAkash, type AkashState } from "./fake-akash";

const MNEMONIC = `${"abandon ".repeat(11)}about`;
const OWNER = "akash19rl4cm2hmr8afy4kldpxz3fka4jguq0a3mq6x0";
const COLD = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l";
const VALOPER = "akashvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq9f2j3";

let chain: FakeChain;
let akash: AkashState;
let db: Db;
let queue: TxQueue;
let pool: RpcPool;
let wallet: WalletService;

const hardware: HardwarePort = {
  gpus: async () => [{ model: "rtx4090", vram: "24Gi", interface: "pcie" }],
  storage: async () => [{ class: "beta3", persistent: true }],
};

beforeEach(async () => {
  chain = await startFakeChain();
  chain.accounts.set(OWNER, { number: 1n, sequence: 0n });
  akash = installAkash(chain);
  db = openDatabase(":memory:");
  pool = new RpcPool({ network: "local", chainId: "akash-local-1", endpoints: [chain.comet.url] });
  wallet = new WalletService({ network: "local", file: join(mkdtempSync(join(tmpdir(), "apd-prov-")), "k.json"), passphraseStore: fastPassphraseStore(), now: () => new Date() });
  await wallet.import(MNEMONIC, "provider passphrase");
  const hd = await DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC, { prefix: "akash" });
  expect((await hd.getAccounts())[0]!.address).toBe(OWNER);
  let t = 0;
  queue = new TxQueue({ network: "local", chainId: "akash-local-1", pool, repo: new TxRepo(db, () => new Date()), signer: () => wallet.signer(), gasPrice: "0.0025", now: () => t, sleep: async (ms) => void (t += ms) });
});
afterEach(async () => {
  db.close();
  await chain.close();
});

async function failure(p: Promise<unknown>): Promise<ContractFailure> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ContractFailure);
  return e as ContractFailure;
}

describe("ProviderService", () => {
  const service = () => new ProviderService({ pool: () => pool, queue: () => queue, owner: () => OWNER, hardware });
  const input = { hostUri: "https://rig.example.com:8443", region: "eu-west", email: "me@example.com" };

  it("plans a create with attributes from the hardware, applies exactly that plan, then reports nothing to do", async () => {
    const plan = await service().plan(input);
    expect(plan.action).toBe("create");
    expect(plan.current).toBeNull();
    expect(plan.changes.find((c) => c.key === "capabilities/gpu/vendor/nvidia/model/rtx4090/interface/pcie/ram/24Gi")).toMatchObject({ from: null, to: "true" });
    const { tx } = await service().apply(input, plan.fingerprint);
    expect(tx).toMatchObject({ kind: "provider.create", status: "confirmed" });
    expect(akash.providers.get(OWNER)).toMatchObject({ hostUri: "https://rig.example.com:8443", info: { email: "me@example.com", website: "" } });
    const again = await service().plan(input);
    expect(again).toMatchObject({ action: "none", changes: [] });
    expect((await service().apply(input, again.fingerprint)).tx).toBeNull();
  });

  it("adopts an existing provider owned by this wallet and shows the diff before updating", async () => {
    akash.providers.set(OWNER, { owner: OWNER, hostUri: "https://old.example.com:8443", attributes: [{ key: "host", value: "akash" }, { key: "legacy", value: "x" }], info: { email: "", website: "" } });
    const plan = await service().plan(input);
    expect(plan.action).toBe("update");
    expect(plan.changes).toContainEqual({ field: "hostUri", key: null, from: "https://old.example.com:8443", to: "https://rig.example.com:8443" });
    expect(plan.changes).toContainEqual({ field: "attribute", key: "legacy", from: "x", to: null });
    // Someone changes the record after the review: apply refuses instead of sending a stale diff.
    akash.providers.get(OWNER)!.hostUri = "https://other.example.com:8443";
    expect((await failure(service().apply(input, plan.fingerprint))).message).toMatch(/changed since you reviewed/);
    const fresh = await service().plan(input);
    const { tx } = await service().apply(input, fresh.fingerprint);
    expect(tx?.kind).toBe("provider.update");
    expect(akash.providers.get(OWNER)!.attributes.some((a) => a.key === "legacy")).toBe(false);
  });

  it("refuses a bad host URI before touching the chain", async () => {
    expect((await failure(service().plan({ hostUri: "http://rig.example.com:8443" }))).message).toMatch(/https/);
    expect(chain.broadcasts).toEqual([]);
  });
});

describe("CertificateService", () => {
  const service = () => new CertificateService({ pool: () => pool, queue: () => queue, wallet: () => ({ address: () => OWNER, getExtra: (n) => wallet.getExtra(n), setExtra: (n, v) => wallet.setExtra(n, v) }), now: () => new Date() });

  it("publishes a certificate whose key stays in the keystore, rotates and revokes", async () => {
    const first = await service().publish({ host: "rig.example.com", isIp: false });
    expect(first.tx.kind).toBe("cert.publish");
    expect(akash.certs).toHaveLength(1);
    expect(akash.certs[0]!.serial).toBe(first.serial);
    const serving = await service().serving();
    expect(serving?.serial).toBe(first.serial);
    expect(serving?.keyPem).toContain("BEGIN PRIVATE KEY");
    expect(await service().status()).toMatchObject({ current: { serial: first.serial, onChain: "valid", hasKey: true } });

    const second = await service().publish({ host: "rig.example.com", isIp: false });
    expect(second.revoked?.kind).toBe("cert.revoke");
    expect(akash.certs.map((c) => [c.serial, c.state])).toEqual([
      [first.serial, 2],
      [second.serial, 1],
    ]);
    expect(wallet.getExtra(`provider-tls-key:${first.serial}`)).toBeUndefined();
  });

  it("drops the new key again when the chain refuses the certificate", async () => {
    chain.checkTxCode = { code: 5, codespace: "sdk", log: "insufficient funds" };
    await failure(service().publish({ host: "rig.example.com", isIp: false }));
    expect(await service().status()).toMatchObject({ current: null, onChain: [] });
    expect((await service().serving())).toBeNull();
  });
});

describe("Treasury", () => {
  const treasury = () => new Treasury({ pool: () => pool, queue: () => queue, address: () => OWNER, reserve: () => ({ maxConcurrentBids: 2, bidDeposit: 500_000n, feeRunway: 1_000_000n }) });

  it("reports balances and the reserve, converts ACT, stakes and sweeps only the surplus", async () => {
    akash.balances.set(OWNER, new Map([["uakt", 5_000_000n], ["uact", 3_000_000n]]));
    akash.validators.push({ operatorAddress: VALOPER, moniker: "val-1", rate: "0.050000000000000000", tokens: "1000000", jailed: false });
    expect(await treasury().balances()).toMatchObject({ uakt: "5000000", uact: "3000000", staked: "0", rewards: "0", pendingActToAkt: "0", reserve: { required: "2000000", status: "ok" } });

    expect((await treasury().burnAct(1_000_000n)).kind).toBe("treasury.burnAct");
    expect(akash.burns).toEqual([{ owner: OWNER, amount: "1000000" }]);

    expect((await treasury().validators()).map((v) => [v.moniker, v.commission])).toEqual([["val-1", "0.05"]]);
    expect((await failure(treasury().stake(VALOPER, 4_000_000n))).message).toMatch(/Only 3 AKT is above the bidding reserve/);
    await treasury().stake(VALOPER, 1_000_000n);
    expect(akash.delegations.get(VALOPER)).toBe(1_000_000n);

    akash.rewards.set(VALOPER, "1234.567");
    expect((await treasury().balances()).rewards).toBe("1234");
    expect((await treasury().claimRewards())?.kind).toBe("treasury.claimRewards");
    expect(await treasury().claimRewards()).toBeNull();

    expect(await treasury().previewSweep()).toEqual({ amount: "2001234" });
    expect((await failure(treasury().sweep(OWNER))).message).toMatch(/cold wallet/);
    expect((await failure(treasury().sweep("cosmos1xyz"))).message).toMatch(/valid akash1/);
    await treasury().sweep(COLD);
    expect(akash.balances.get(COLD)?.get("uakt")).toBe(2_001_234n);
    expect(await treasury().sweep(COLD)).toBeNull();
    expect((await treasury().balances()).reserve.status).toBe("ok");
  });

  it("runs exactly the previewed policy moves against the chain", async () => {
    akash.balances.set(OWNER, new Map([["uakt", 9_000_000n], ["uact", 7_000_000n]]));
    const policy = { burnActAbove: 5_000_000n, sweepAbove: 1_000_000n, sweepTo: COLD };
    const plan = await treasury().planPolicy(policy);
    expect(plan.map((m) => [m.kind, m.amount])).toEqual([
      ["burnAct", 7_000_000n],
      ["sweep", 7_000_000n],
    ]);
    const done = await treasury().runPolicy(policy);
    expect(done.map((d) => d.tx?.kind)).toEqual(["treasury.burnAct", "treasury.sweep"]);
    expect(akash.burns).toEqual([{ owner: OWNER, amount: "7000000" }]);
    expect(akash.balances.get(COLD)?.get("uakt")).toBe(7_000_000n);
  });

  it("warns before bidding stalls", () => {
    const t = treasury();
    expect(t.reserveStatus(1_500_000n).status).toBe("low");
    expect(t.reserveStatus(100_000n)).toMatchObject({ status: "stalled", message: expect.stringMatching(/Bidding has stopped/) });
  });
});
