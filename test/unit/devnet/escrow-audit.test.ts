import { LeaseClosedReason, Lease_State, Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryDeploymentRequest, QueryDeploymentResponse, Group_State } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { QueryLeasesRequest, QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Devnet } from "../../../main/devnet/index";
import { actor, expectOk, FIXED_FEE, submit, testDevnet, type Actor } from "./harness";
import { gpuGroup, PROVIDER_ATTRIBUTES } from "./fixtures";
import { abci } from "./query";

describe("escrow overdraw and audited placement", () => {
  let devnet: Devnet;
  let provider: Actor;
  let tenant: Actor;
  let auditor: Actor;

  beforeAll(async () => {
    devnet = await testDevnet({ bme: { minEpochBlocks: 1 } });
    provider = await actor(devnet, "provider");
    tenant = await actor(devnet, "tenant");
    auditor = await actor(devnet, "auditor");
    expectOk(await submit(devnet, provider, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: provider.address, hostUri: "https://p.example.com:8443", attributes: PROVIDER_ATTRIBUTES, info: { email: "", website: "" } } }]));
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "100000000" } } }]));
    devnet.produceBlock();
  });
  afterAll(async () => {
    await devnet.stop();
  });

  const deploy = (dseq: number, group: ReturnType<typeof gpuGroup>, deposit = "500000") => ({
    typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment",
    value: { id: { owner: tenant.address, dseq }, groups: [group], hash: new Uint8Array(32).fill(3), deposit: { amount: { denom: "uact", amount: deposit }, sources: [Source.balance] } },
  });
  const bidId = (dseq: number) => ({ owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: provider.address, bseq: 0 });
  const bid = (dseq: number, price: string) => ({
    typeUrl: "/akash.market.v1beta5.MsgCreateBid",
    value: { id: bidId(dseq), price: { denom: "uact", amount: price }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] },
  });

  it("an overdrawn deployment closes its lease with insufficient_funds on the provider's withdraw", async () => {
    expectOk(await submit(devnet, tenant, [deploy(11, gpuGroup("200000"))]));
    expectOk(await submit(devnet, provider, [bid(11, "100000")]));
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId: bidId(11) } }]));
    for (let i = 0; i < 10; i++) devnet.produceBlock();
    const before = BigInt((await provider.client.getBalance(provider.address, "uact")).amount);
    const tx = await submit(devnet, provider, [{ typeUrl: "/akash.market.v1beta5.MsgWithdrawLease", value: { id: bidId(11) } }]);
    expectOk(tx);
    const closed = tx.events.find((e) => e.type === "akash.market.v1.EventLeaseClosed");
    expect(closed?.attributes.find((a) => a.key === "reason")?.value).toBe(JSON.stringify("lease_closed_reason_insufficient_funds"));
    // The provider got every uact the deployment held, and not one more.
    expect(BigInt((await provider.client.getBalance(provider.address, "uact")).amount) - before).toBe(500000n);
    const q = await abci(devnet.rpcUrl);
    const leases = await q.query("/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, QueryLeasesResponse, { filters: { owner: tenant.address, dseq: 11 } });
    expect(leases.leases[0]?.lease?.state).toBe(Lease_State.insufficient_funds);
    expect(leases.leases[0]?.lease?.reason).toBe(LeaseClosedReason.lease_closed_reason_insufficient_funds);
    expect(Number(leases.leases[0]?.escrowPayment?.state?.unsettled?.amount)).toBeGreaterThan(0);
    const deployment = await q.query("/akash.deployment.v1beta4.Query/Deployment", QueryDeploymentRequest, QueryDeploymentResponse, { id: { owner: tenant.address, dseq: 11 } });
    expect(deployment.groups[0]?.state).toBe(Group_State.insufficient_funds);
    q.close();
  });

  it("a top-up (MsgAccountDeposit) before running dry keeps the lease alive", async () => {
    expectOk(await submit(devnet, tenant, [deploy(12, gpuGroup("200000"))]));
    expectOk(await submit(devnet, provider, [bid(12, "100000")]));
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId: bidId(12) } }]));
    expectOk(
      await submit(devnet, tenant, [
        { typeUrl: "/akash.escrow.v1.MsgAccountDeposit", value: { signer: tenant.address, id: { scope: 1, xid: `${tenant.address}/12` }, deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } } },
      ]),
    );
    for (let i = 0; i < 10; i++) devnet.produceBlock();
    const tx = await submit(devnet, provider, [{ typeUrl: "/akash.market.v1beta5.MsgWithdrawLease", value: { id: bidId(12) } }]);
    expectOk(tx);
    expect(tx.events.some((e) => e.type === "akash.market.v1.EventLeaseClosed")).toBe(false);
  });

  it("orders with signed_by need the auditor's signature on the provider's attributes", async () => {
    const group = gpuGroup();
    group.requirements = { signedBy: { allOf: [auditor.address], anyOf: [] }, attributes: [{ key: "host", value: "akash" }] };
    expectOk(await submit(devnet, tenant, [deploy(13, group, "5000000")]));
    const refused = await submit(devnet, provider, [bid(13, "500")], FIXED_FEE);
    expect(refused.code).toBe(5);
    expect(refused.rawLog).toContain("attribute mismatch");
    expectOk(await submit(devnet, auditor, [{ typeUrl: "/akash.audit.v1.MsgSignProviderAttributes", value: { owner: provider.address, auditor: auditor.address, attributes: [{ key: "host", value: "akash" }] } }]));
    expectOk(await submit(devnet, provider, [bid(13, "500")]));
  });
});
