import { QueryProviderRequest, QueryProviderResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { StargateClient } from "@cosmjs/stargate";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resetDevnet } from "../../../main/devnet/index";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { gpuGroup, PROVIDER_ATTRIBUTES } from "./fixtures";
import { actor, expectOk, submit, testDevnet } from "./harness";
import { abci } from "./query";

describe("devnet persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "devnet-persist-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps state, blocks and txs across a restart; reset wipes them", async () => {
    let devnet = await testDevnet({ dataDir: dir });
    const provider = await actor(devnet, "persist-provider");
    const tx = await submit(devnet, provider, [
      { typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: provider.address, hostUri: "https://p.example.com:8443", attributes: [{ key: "host", value: "akash" }], info: { email: "", website: "" } } },
    ]);
    expectOk(tx);
    devnet.produceBlock();
    const height = devnet.height;
    const balance = (await provider.client.getBalance(provider.address, "uakt")).amount;
    provider.client.disconnect();
    await devnet.stop();

    devnet = await testDevnet({ dataDir: dir });
    expect(devnet.height).toBe(height);
    devnet.produceBlock();
    const reader = await StargateClient.connect(devnet.rpcUrl);
    expect((await reader.getBalance(provider.address, "uakt")).amount).toBe(balance);
    expect((await reader.getTx(tx.hash))?.height).toBe(tx.height);
    expect(await reader.getSequence(provider.address)).toMatchObject({ sequence: 1 });
    const q = await abci(devnet.rpcUrl);
    const record = await q.query("/akash.provider.v1beta4.Query/Provider", QueryProviderRequest, QueryProviderResponse, { owner: provider.address });
    expect(record.provider?.hostUri).toBe("https://p.example.com:8443");
    q.close();
    reader.disconnect();
    // A restarted chain keeps accepting the same account's next tx (sequence survived).
    const again = await actor(devnet, "persist-provider", null);
    expectOk(await submit(devnet, again, [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: again.address, toAddress: again.address, amount: [{ denom: "uakt", amount: "1" }] } }]));
    again.client.disconnect();
    await devnet.stop();

    resetDevnet(dir);
    devnet = await testDevnet({ dataDir: dir });
    expect(devnet.height).toBe(1);
    const fresh = await StargateClient.connect(devnet.rpcUrl);
    expect(await fresh.getAccount(provider.address)).toBeNull();
    fresh.disconnect();
    await devnet.stop();
  });

  it("market, escrow and BME records survive a restart byte for byte (as the queries encode them)", async () => {
    const market = mkdtempSync(join(tmpdir(), "devnet-market-"));
    let devnet = await testDevnet({ dataDir: market, bme: { minEpochBlocks: 1 } });
    const provider = await actor(devnet, "p-provider");
    const tenant = await actor(devnet, "p-tenant");
    expectOk(await submit(devnet, provider, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: provider.address, hostUri: "https://p.example.com:8443", attributes: PROVIDER_ATTRIBUTES, info: { email: "", website: "" } } }]));
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "100000000" } } }]));
    devnet.produceBlock();
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: { id: { owner: tenant.address, dseq: 5 }, groups: [gpuGroup()], hash: new Uint8Array(32).fill(9), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } } }]));
    const bidId = { owner: tenant.address, dseq: 5, gseq: 1, oseq: 1, provider: provider.address, bseq: 0 };
    expectOk(await submit(devnet, provider, [{ typeUrl: "/akash.market.v1beta5.MsgCreateBid", value: { id: bidId, price: { denom: "uact", amount: "250.5" }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] } }]));
    expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId } }]));
    const paths = ["/akash.market.v1beta5.Query/Leases", "/akash.market.v1beta5.Query/Bids", "/akash.market.v1beta5.Query/Orders", "/akash.deployment.v1beta4.Query/Deployments", "/akash.escrow.v1.Query/Accounts", "/akash.bme.v1.Query/LedgerRecords", "/cosmos.staking.v1beta1.Query/Validators"];
    const answers = (d: typeof devnet) => paths.map((path) => Buffer.from(d.node.app.query(path, new Uint8Array(), d.height).value).toString("base64"));
    const before = answers(devnet);
    provider.client.disconnect();
    tenant.client.disconnect();
    await devnet.stop();
    devnet = await testDevnet({ dataDir: market, bme: { minEpochBlocks: 1 } });
    expect(answers(devnet)).toEqual(before);
    // The indexes came back too: the provider's leases are found through the provider index.
    expect(devnet.node.market.leasesByProvider.count(provider.address)).toBe(1);
    await devnet.stop();
    rmSync(market, { recursive: true, force: true });
  });

  it("refuses data written for another chain id", async () => {
    const other = mkdtempSync(join(tmpdir(), "devnet-chain-"));
    const devnet = await testDevnet({ dataDir: other, chainId: "akash-devnet-a" });
    await devnet.stop();
    await expect(testDevnet({ dataDir: other, chainId: "akash-devnet-b" })).rejects.toThrow(/akash-devnet-a/);
    rmSync(other, { recursive: true, force: true });
  });
});
