import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { StargateClient } from "@cosmjs/stargate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Devnet } from "../../../main/devnet/index";
import { actor, expectOk, submit, testDevnet } from "./harness";

describe("devnet RPC speaks CometBFT 0.38 to cosmjs", () => {
  let devnet: Devnet;
  beforeAll(async () => {
    devnet = await testDevnet();
  });
  afterAll(async () => {
    await devnet.stop();
  });

  it("status, block, validators and abci_info decode with Comet38Client", async () => {
    devnet.produceBlock();
    const comet = await Comet38Client.connect(devnet.rpcUrl);
    const status = await comet.status();
    expect(status.nodeInfo.network).toBe(devnet.chainId);
    expect(status.nodeInfo.version).toMatch(/^0\.38\./);
    expect(status.syncInfo.latestBlockHeight).toBe(devnet.height);
    const block = await comet.block(2);
    expect(block.block.header.height).toBe(2);
    expect(block.block.header.lastBlockId?.hash.length).toBe(32);
    const first = await comet.block(1);
    expect(first.block.lastCommit).toBeNull();
    const validators = await comet.validators({});
    expect(validators.validators).toHaveLength(3);
    const info = await comet.abciInfo();
    expect(info.lastBlockHeight).toBe(devnet.height);
    comet.disconnect();
  });

  it("a bank send goes through sign → broadcast → block → getTx, and balances move", async () => {
    const alice = await actor(devnet, "alice");
    const bob = await actor(devnet, "bob", null);
    const tx = await submit(devnet, alice, [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: alice.address, toAddress: bob.address, amount: [{ denom: "uakt", amount: "12345" }] } }]);
    expectOk(tx);
    const reader = await StargateClient.connect(devnet.rpcUrl);
    expect((await reader.getBalance(bob.address, "uakt")).amount).toBe("12345");
    expect(await reader.getSequence(alice.address)).toMatchObject({ sequence: 1 });
    const account = await reader.getAccount(alice.address);
    expect(account?.pubkey).not.toBeNull();
    const stranger = await actor(devnet, "stranger", null);
    expect(await reader.getAccount(stranger.address)).toBeNull();
    await expect(reader.getAccount("akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")).rejects.toThrow(/\(7\).*invalid address/);
    const found = await reader.searchTx(`tx.height=${tx.height}`);
    expect(found.map((t) => t.hash)).toContain(tx.hash);
    reader.disconnect();
  });

  it("answers the URI (GET) form and JSON-RPC errors like CometBFT", async () => {
    const status = (await (await fetch(`${devnet.rpcUrl}/status`)).json()) as { result: { node_info: { network: string } } };
    expect(status.result.node_info.network).toBe(devnet.chainId);
    const block = (await (await fetch(`${devnet.rpcUrl}/block?height=1`)).json()) as { result: { block: { header: { height: string } } } };
    expect(block.result.block.header.height).toBe("1");
    const missing = (await (await fetch(`${devnet.rpcUrl}/block?height=999999`)).json()) as { error: { code: number; data: string } };
    expect(missing.error.code).toBe(-32603);
    const unknown = (await (await fetch(devnet.rpcUrl, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 5, method: "nope" }) })).json()) as { id: number; error: { code: number } };
    expect(unknown).toMatchObject({ id: 5, error: { code: -32601 } });
    const garbage = (await (await fetch(devnet.rpcUrl, { method: "POST", body: "{not json" })).json()) as { error: { code: number } };
    expect(garbage.error.code).toBe(-32700);
  });
});
