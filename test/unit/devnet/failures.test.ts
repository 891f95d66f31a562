import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { BroadcastTxError } from "@cosmjs/stargate";
import { TxRaw } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { Registry } from "@cosmjs/proto-signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Devnet } from "../../../main/devnet/index";
import { akashRegistry } from "../../../main/devnet/index";
import { actor, expectOk, FIXED_FEE, submit, testDevnet, type Actor } from "./harness";
import { gpuGroup, PROVIDER_ATTRIBUTES } from "./fixtures";
import { snapshot } from "./snapshot";

const send = (from: string, to: string, amount: string) => ({ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: from, toAddress: to, amount: [{ denom: "uakt", amount }] } });

async function rejectCheckTx(promise: Promise<unknown>): Promise<BroadcastTxError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BroadcastTxError) return error;
    throw error;
  }
  throw new Error("expected the broadcast to be rejected");
}

describe("devnet failure classes: chain error codes and no state change", () => {
  let devnet: Devnet;
  let alice: Actor;
  let bob: Actor;
  let provider: Actor;
  let tenant: Actor;

  beforeAll(async () => {
    devnet = await testDevnet({ bme: { minEpochBlocks: 1 }, market: { orderMaxBids: 2 } });
    alice = await actor(devnet, "alice");
    bob = await actor(devnet, "bob");
    provider = await actor(devnet, "provider");
    tenant = await actor(devnet, "tenant");
    devnet.produceBlock();
  });
  afterAll(async () => {
    await devnet.stop();
  });

  it("wrong sequence → sdk 32 at CheckTx, nothing changes", async () => {
    const before = snapshot(devnet);
    const account = await alice.client.getSequence(alice.address);
    const signed = await alice.client.sign(alice.address, [send(alice.address, bob.address, "1")], FIXED_FEE, "", {
      accountNumber: account.accountNumber,
      sequence: account.sequence + 5,
      chainId: devnet.chainId,
    });
    const error = await rejectCheckTx(alice.client.broadcastTxSync(TxRaw.encode(signed).finish()));
    expect(error.code).toBe(32);
    expect(error.codespace).toBe("sdk");
    expect(error.log).toContain(`account sequence mismatch, expected ${account.sequence}, got ${account.sequence + 5}`);
    devnet.produceBlock();
    expect(snapshot(devnet)).toBe(before);
  });

  it("bad signature (wrong chain id or tampered bytes) → sdk 4, nothing changes", async () => {
    const before = snapshot(devnet);
    const account = await alice.client.getSequence(alice.address);
    const wrongChain = await alice.client.sign(alice.address, [send(alice.address, bob.address, "1")], FIXED_FEE, "", { ...account, chainId: "akashnet-2" });
    expect((await rejectCheckTx(alice.client.broadcastTxSync(TxRaw.encode(wrongChain).finish()))).code).toBe(4);
    const good = await alice.client.sign(alice.address, [send(alice.address, bob.address, "1")], FIXED_FEE, "", { ...account, chainId: devnet.chainId });
    const tampered = TxRaw.fromPartial({ ...good, signatures: [good.signatures[0]?.map((b, i) => (i === 5 ? b ^ 1 : b)) ?? new Uint8Array()] });
    const error = await rejectCheckTx(alice.client.broadcastTxSync(TxRaw.encode(tampered).finish()));
    expect(error.code).toBe(4);
    expect(error.log).toContain("signature verification failed");
    devnet.produceBlock();
    expect(snapshot(devnet)).toBe(before);
  });

  it("insufficient funds: for the fee → sdk 5 at CheckTx; for the message → sdk 5 in the block, only the fee is spent", async () => {
    const before = snapshot(devnet);
    const poor = await actor(devnet, "poor", 1_000n);
    const beforePoor = snapshot(devnet);
    const error = await rejectCheckTx(poor.client.signAndBroadcastSync(poor.address, [send(poor.address, bob.address, "1")], FIXED_FEE));
    expect(error.code).toBe(5);
    devnet.produceBlock();
    expect(snapshot(devnet)).toBe(beforePoor);
    expect(before).not.toBe(beforePoor);

    const aliceBalance = BigInt((await alice.client.getBalance(alice.address, "uakt")).amount);
    const bobBalance = (await alice.client.getBalance(bob.address, "uakt")).amount;
    const untouched = snapshot(devnet, ["auth.accounts", "bank.balances"]);
    const tx = await submit(devnet, alice, [send(alice.address, bob.address, (aliceBalance * 2n).toString())], FIXED_FEE);
    expect(tx.code).toBe(5);
    expect(tx.rawLog).toContain("insufficient funds");
    expect(BigInt((await alice.client.getBalance(alice.address, "uakt")).amount)).toBe(aliceBalance - 5000n);
    expect((await alice.client.getBalance(bob.address, "uakt")).amount).toBe(bobBalance);
    expect(snapshot(devnet, ["auth.accounts", "bank.balances"])).toBe(untouched);
  });

  it("unknown message type → sdk 6, nothing changes", async () => {
    const before = snapshot(devnet);
    const registry = akashRegistry() as Registry;
    registry.register("/akash.nope.v1.MsgNope", registry.lookupType("/cosmos.bank.v1beta1.MsgSend") as never);
    const { SigningStargateClient, GasPrice } = await import("@cosmjs/stargate");
    const client = await SigningStargateClient.connectWithSigner(devnet.rpcUrl, alice.wallet, { registry, gasPrice: GasPrice.fromString("0.025uakt") });
    const error = await rejectCheckTx(client.signAndBroadcastSync(alice.address, [{ typeUrl: "/akash.nope.v1.MsgNope", value: { fromAddress: alice.address, toAddress: bob.address, amount: [] } }], FIXED_FEE));
    expect(error.code).toBe(6);
    expect(error.log).toContain("unrecognized message type: /akash.nope.v1.MsgNope");
    devnet.produceBlock();
    expect(snapshot(devnet)).toBe(before);
    client.disconnect();
  });

  it("module validation failures return the module's codespace and code and roll back the message", async () => {
    const ignore = ["auth.accounts", "bank.balances"];
    const expectRejected = async (who: Actor, msg: { typeUrl: string; value: unknown }, codespace: string, code: number, log?: string) => {
      const before = snapshot(devnet, ignore);
      const tx = await submit(devnet, who, [msg], FIXED_FEE);
      expect({ code: tx.code, rawLog: tx.rawLog }).toMatchObject({ code });
      expect(tx.events.some((e) => e.type.startsWith("akash."))).toBe(false);
      if (log) expect(tx.rawLog).toContain(log);
      expect(snapshot(devnet, ignore)).toBe(before);
      // The simulation ("auto" fee) refuses the same message with the same code.
      await expect(who.client.simulate(who.address, [msg as never], "")).rejects.toThrow(new RegExp(`\\(${code}\\)`));
      void codespace;
    };
    const createProvider = (owner: string, hostUri: string, attributes = PROVIDER_ATTRIBUTES) => ({
      typeUrl: "/akash.provider.v1beta4.MsgCreateProvider",
      value: { owner, hostUri, attributes, info: { email: "", website: "" } },
    });
    await expectRejected(provider, createProvider(provider.address, "http://insecure.example.com:8443"), "provider", 1, "must use https");
    await expectRejected(provider, createProvider(provider.address, "https://p.example.com:8443/path"), "provider", 1, "must not have a path");
    await expectRejected(provider, createProvider(provider.address, "https://p.example.com", [{ key: "host", value: "a" }, { key: "host", value: "b" }]), "provider", 6, "duplicated");
    expectOk(await submit(devnet, provider, [createProvider(provider.address, "https://p.example.com:8443")]));
    await expectRejected(provider, createProvider(provider.address, "https://p.example.com:8443"), "provider", 4, "already exists");

    const certPem = new TextEncoder().encode("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    await expectRejected(provider, { typeUrl: "/akash.cert.v1.MsgCreateCertificate", value: { owner: provider.address, cert: certPem, pubkey: new Uint8Array() } }, "cert", 7);

    // Tenant funds: ACT through BME (epoch every block here).
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "100000000" } } }]));
    devnet.produceBlock();
    await expectRejected(tenant, { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: tenant.address, toAddress: bob.address, amount: [{ denom: "uact", amount: "1" }] } }, "bank", 8, "transfers are currently disabled");

    const deployment = (dseq: number, denom = "uact", depositDenom = "uact") => {
      const group = gpuGroup();
      for (const unit of group.resources) if (unit.price) unit.price.denom = denom;
      return {
        typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment",
        value: { id: { owner: tenant.address, dseq }, groups: [group], hash: new Uint8Array(32).fill(1), deposit: { amount: { denom: depositDenom, amount: "5000000" }, sources: [Source.balance] } },
      };
    };
    await expectRejected(tenant, deployment(7, "uakt"), "deployment", 24, "unsupported denomination");
    await expectRejected(tenant, deployment(7, "uact", "uakt"), "deployment", 20, "AKT deposits are only allowed via AccountDeposit");
    expectOk(await submit(devnet, tenant, [deployment(7)]));

    const bidId = (who: string, bseq = 0) => ({ owner: tenant.address, dseq: 7, gseq: 1, oseq: 1, provider: who, bseq });
    const bid = (who: string, price = "500", deposit = "500000", bseq = 0) => ({
      typeUrl: "/akash.market.v1beta5.MsgCreateBid",
      value: { id: bidId(who, bseq), price: { denom: "uact", amount: price }, deposit: { amount: { denom: "uakt", amount: deposit }, sources: [Source.balance] }, resourcesOffer: [] },
    });
    await expectRejected(provider, bid(provider.address, "1000.000001"), "market", 4, "bid price above max order price");
    await expectRejected(provider, bid(provider.address, "500", "499999"), "market", 28, "below the minimum");
    await expectRejected(provider, bid(provider.address, "500", "500000", 1), "market", 31, "bseq must be 0");
    await expectRejected(alice, bid(alice.address), "market", 30, "unknown provider");
    // A provider without the GPU model the order asks for.
    expectOk(await submit(devnet, bob, [createProvider(bob.address, "https://bob.example.com:8443", [{ key: "host", value: "akash" }, { key: "capabilities/gpu/vendor/nvidia/model/rtx4090", value: "true" }])]));
    await expectRejected(bob, bid(bob.address), "market", 32, "capabilities mismatch");
    expectOk(await submit(devnet, provider, [bid(provider.address)]));
    await expectRejected(provider, bid(provider.address), "market", 21, "bid exists");
    await expectRejected(provider, { typeUrl: "/akash.market.v1beta5.MsgCloseBid", value: { id: bidId(provider.address), reason: 1 } }, "market", 33, "provider range");
    // order_max_bids is 2 in this devnet: a third bid is refused.
    expectOk(await submit(devnet, alice, [createProvider(alice.address, "https://alice.example.com:8443")]));
    expectOk(await submit(devnet, alice, [bid(alice.address, "400")]));
    const carol = await actor(devnet, "carol");
    expectOk(await submit(devnet, carol, [createProvider(carol.address, "https://carol.example.com:8443")]));
    await expectRejected(carol, bid(carol.address, "300"), "market", 31, "already has 2 bids");
  });
});
