import { certificateManager } from "@akashnetwork/chain-sdk";
import { Cert_State, LeaseClosedReason, Lease_State, QueryCertificatesRequest, QueryCertificatesResponse, Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryDeploymentRequest, QueryDeploymentResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import {
  Bid_State,
  Order_State,
  QueryBidsRequest,
  QueryBidsResponse,
  QueryLeasesRequest,
  QueryLeasesResponse,
  QueryOrdersRequest,
  QueryOrdersResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { QueryDelegationTotalRewardsRequest, QueryDelegationTotalRewardsResponse, QueryValidatorsRequest, QueryValidatorsResponse } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { StargateClient } from "@cosmjs/stargate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Devnet } from "../../../main/devnet/index";
import { gpuGroup, PROVIDER_ATTRIBUTES } from "./fixtures";
import { actor, expectOk, submit, testDevnet, type Actor } from "./harness";
import { abci } from "./query";

const utf8 = new TextEncoder();

describe("provider life on the devnet, end to end over RPC", () => {
  let devnet: Devnet;
  let provider: Actor;
  let tenant: Actor;
  let q: Awaited<ReturnType<typeof abci>>;
  let reader: StargateClient;
  const dseq = 1001;

  beforeAll(async () => {
    devnet = await testDevnet({ bme: { minEpochBlocks: 2 } });
    provider = await actor(devnet, "provider");
    tenant = await actor(devnet, "tenant");
    q = await abci(devnet.rpcUrl);
    reader = await StargateClient.connect(devnet.rpcUrl);
  });
  afterAll(async () => {
    q.close();
    reader.disconnect();
    await devnet.stop();
  });

  it("registers a provider and publishes a self-signed P-256 certificate", async () => {
    expectOk(
      await submit(devnet, provider, [
        { typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: provider.address, hostUri: "https://provider.example.com:8443", attributes: PROVIDER_ATTRIBUTES, info: { email: "ops@example.com", website: "https://example.com" } } },
      ]),
    );
    const pem = await certificateManager.generatePEM(provider.address);
    expectOk(await submit(devnet, provider, [{ typeUrl: "/akash.cert.v1.MsgCreateCertificate", value: { owner: provider.address, cert: utf8.encode(pem.cert), pubkey: utf8.encode(pem.publicKey) } }]));
    const certs = await q.query("/akash.cert.v1.Query/Certificates", QueryCertificatesRequest, QueryCertificatesResponse, { filter: { owner: provider.address, state: "valid" } });
    expect(certs.certificates).toHaveLength(1);
    expect(certs.certificates[0]?.certificate?.state).toBe(Cert_State.valid);
    expect(new TextDecoder().decode(certs.certificates[0]?.certificate?.cert)).toBe(pem.cert);
  });

  it("tenant mints ACT through BME: pending until the epoch, then paid at the oracle price", async () => {
    const tx = await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "100000000" } } }]);
    expectOk(tx);
    // Oracle 2 USD/AKT, mint spread 25 bps: 100 AKT → 199.5 ACT.
    while ((await reader.getBalance(tenant.address, "uact")).amount === "0") devnet.produceBlock();
    expect((await reader.getBalance(tenant.address, "uact")).amount).toBe("199500000");
  });

  it("deployment → order → bid → lease → withdraw → close, with typed events and escrow", async () => {
    const created = await submit(devnet, tenant, [
      {
        typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment",
        value: { id: { owner: tenant.address, dseq }, groups: [gpuGroup()], hash: new Uint8Array(32).fill(7), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } },
      },
    ]);
    expectOk(created);
    const results = await q.comet.blockResults(created.height);
    const orderEvent = results.results.flatMap((r) => r.events).find((e) => e.type === "akash.market.v1.EventOrderCreated");
    expect(orderEvent).toBeDefined();
    const idAttr = orderEvent?.attributes.find((a) => a.key === "id");
    expect(JSON.parse(idAttr?.value ?? "{}")).toEqual({ owner: tenant.address, dseq: String(dseq), gseq: 1, oseq: 1 });

    const open = await q.query("/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, QueryOrdersResponse, { filters: { state: "open", owner: tenant.address } });
    expect(open.orders).toHaveLength(1);
    const orderId = open.orders[0]?.id;
    const bidId = { owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: provider.address, bseq: 0 };
    const aktBefore = BigInt((await reader.getBalance(provider.address, "uakt")).amount);
    const bid = await submit(devnet, provider, [
      { typeUrl: "/akash.market.v1beta5.MsgCreateBid", value: { id: bidId, price: { denom: "uact", amount: "500" }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] } },
    ]);
    expectOk(bid);
    expect(orderId?.dseq.toString()).toBe(String(dseq));
    const bids = await q.query("/akash.market.v1beta5.Query/Bids", QueryBidsRequest, QueryBidsResponse, { filters: { provider: provider.address } });
    expect(bids.bids[0]?.bid?.state).toBe(Bid_State.open);
    expect(bids.bids[0]?.escrowAccount?.id?.xid).toBe(`${tenant.address}/${dseq}/1/1/${provider.address}`);
    expect(bids.bids[0]?.escrowAccount?.state?.funds[0]).toMatchObject({ denom: "uakt" });

    const lease = await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId } }]);
    expectOk(lease);
    const leaseHeight = lease.height;
    for (let i = 0; i < 10; i++) devnet.produceBlock();
    const withdraw = await submit(devnet, provider, [{ typeUrl: "/akash.market.v1beta5.MsgWithdrawLease", value: { id: bidId } }]);
    expectOk(withdraw);
    // 500 uact per block from the lease's block to the withdraw's block.
    const earned = 500n * BigInt(withdraw.height - leaseHeight);
    expect(BigInt((await reader.getBalance(provider.address, "uact")).amount)).toBe(earned);
    const leases = await q.query("/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, QueryLeasesResponse, { filters: { provider: provider.address, state: "active" } });
    expect(leases.leases).toHaveLength(1);
    expect(leases.leases[0]?.escrowPayment?.state?.withdrawn?.amount).toBe(earned.toString());

    const close = await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCloseLease", value: { id: bidId, reason: LeaseClosedReason.lease_closed_owner } }]);
    expectOk(close);
    const closedEvents = close.events.map((e) => e.type);
    expect(closedEvents).toEqual(expect.arrayContaining(["akash.market.v1.EventLeaseClosed", "akash.market.v1.EventBidClosed", "akash.market.v1.EventOrderClosed"]));
    const after = await q.query("/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, QueryLeasesResponse, { filters: { provider: provider.address } });
    expect(after.leases[0]?.lease?.state).toBe(Lease_State.closed);
    expect(BigInt((await reader.getBalance(provider.address, "uact")).amount)).toBe(500n * BigInt(close.height - leaseHeight));
    // The bid deposit came back (only fees were spent in uakt).
    const aktAfter = BigInt((await reader.getBalance(provider.address, "uakt")).amount);
    const fees = [bid, withdraw].reduce((sum, t) => sum + BigInt(t.events.find((e) => e.type === "tx" && e.attributes.some((a) => a.key === "fee"))?.attributes.find((a) => a.key === "fee")?.value.replace("uakt", "") ?? "0"), 0n);
    expect(aktAfter).toBe(aktBefore - fees);

    const deployment = await q.query("/akash.deployment.v1beta4.Query/Deployment", QueryDeploymentRequest, QueryDeploymentResponse, { id: { owner: tenant.address, dseq } });
    expect(deployment.groups[0]?.state).toBeDefined();
    const orders = await q.query("/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, QueryOrdersResponse, { filters: { owner: tenant.address } });
    expect(orders.orders[0]?.state).toBe(Order_State.closed);
  });

  it("provider converts earned ACT back to AKT (MsgBurnACT) at the next epoch", async () => {
    const act = BigInt((await reader.getBalance(provider.address, "uact")).amount);
    const akt = BigInt((await reader.getBalance(provider.address, "uakt")).amount);
    const tx = await submit(devnet, provider, [{ typeUrl: "/akash.bme.v1.MsgBurnACT", value: { owner: provider.address, to: provider.address, coinsToBurn: { denom: "uact", amount: act.toString() } } }]);
    expectOk(tx);
    const fee = BigInt(tx.events.find((e) => e.type === "tx" && e.attributes.some((a) => a.key === "fee"))?.attributes.find((a) => a.key === "fee")?.value.replace("uakt", "") ?? "0");
    expect((await reader.getBalance(provider.address, "uact")).amount).toBe("0");
    devnet.produceBlock();
    devnet.produceBlock();
    // 2 USD/AKT, settle spread 0: uakt = uact / 2.
    expect(BigInt((await reader.getBalance(provider.address, "uakt")).amount)).toBe(akt - fee + act / 2n);
  });

  it("delegates to a validator, accrues rewards, withdraws them", async () => {
    const list = await q.query("/cosmos.staking.v1beta1.Query/Validators", QueryValidatorsRequest, QueryValidatorsResponse, { status: "BOND_STATUS_BONDED" });
    expect(list.validators).toHaveLength(3);
    const validator = list.validators[0]?.operatorAddress ?? "";
    expectOk(await submit(devnet, provider, [{ typeUrl: "/cosmos.staking.v1beta1.MsgDelegate", value: { delegatorAddress: provider.address, validatorAddress: validator, amount: { denom: "uakt", amount: "1000000000" } } }]));
    const delegation = await reader.getDelegation(provider.address, validator);
    expect(delegation?.amount).toBe("1000000000");
    for (let i = 0; i < 50; i++) devnet.produceBlock();
    const rewards = await q.query("/cosmos.distribution.v1beta1.Query/DelegationTotalRewards", QueryDelegationTotalRewardsRequest, QueryDelegationTotalRewardsResponse, { delegatorAddress: provider.address });
    expect(Number(rewards.total[0]?.amount ?? "0")).toBeGreaterThan(0);
    const before = BigInt((await reader.getBalance(provider.address, "uakt")).amount);
    const tx = await submit(devnet, provider, [{ typeUrl: "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward", value: { delegatorAddress: provider.address, validatorAddress: validator } }]);
    expectOk(tx);
    const fee = BigInt(tx.events.find((e) => e.type === "tx" && e.attributes.some((a) => a.key === "fee"))?.attributes.find((a) => a.key === "fee")?.value.replace("uakt", "") ?? "0");
    // 15 % APR on 1,000 AKT over 52 blocks of a 5,256,000-block year ≈ 1484 uakt.
    const gained = BigInt((await reader.getBalance(provider.address, "uakt")).amount) - before + fee;
    expect(gained).toBeGreaterThan(1400n);
    expect(gained).toBeLessThan(1600n);
  });
});
