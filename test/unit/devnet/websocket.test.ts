import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Devnet } from "../../../main/devnet/index";
import { actor, testDevnet } from "./harness";

describe("devnet websocket subscriptions", () => {
  let devnet: Devnet;
  beforeAll(async () => {
    devnet = await testDevnet();
  });
  afterAll(async () => {
    await devnet.stop();
  });

  it("streams NewBlockHeader and NewBlock to Comet38Client", async () => {
    const comet = await Comet38Client.connect(devnet.rpcUrl.replace("http://", "ws://"));
    const headers: number[] = [];
    const blocks: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      comet.subscribeNewBlockHeader().subscribe({
        next: (header) => {
          headers.push(header.height);
        },
        error: reject,
      });
      comet.subscribeNewBlock().subscribe({
        next: (block) => {
          blocks.push(block.header.height);
          if (blocks.length === 3) resolve();
        },
        error: reject,
      });
    });
    // Let the subscribe requests reach the server before producing blocks.
    await comet.status();
    const start = devnet.height;
    for (let i = 0; i < 3; i++) devnet.produceBlock();
    await done;
    expect(blocks).toEqual([start + 1, start + 2, start + 3]);
    expect(headers.slice(0, 3)).toEqual([start + 1, start + 2, start + 3]);
    comet.disconnect();
  });

  it("streams a tx event matching tm.event='Tx' AND message.sender", async () => {
    const sender = await actor(devnet, "ws-sender");
    const comet = await Comet38Client.connect(devnet.rpcUrl.replace("http://", "ws://"));
    const seen = new Promise<{ height: number; code: number }>((resolve, reject) => {
      comet.subscribeTx(`message.sender='${sender.address}'`).subscribe({ next: (tx) => resolve({ height: tx.height, code: tx.result.code }), error: reject });
    });
    await comet.status();
    const hash = await sender.client.signAndBroadcastSync(sender.address, [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: sender.address, toAddress: sender.address, amount: [{ denom: "uakt", amount: "1" }] } }], "auto");
    const block = devnet.produceBlock();
    expect(block.txHashes).toContain(hash);
    expect(await seen).toEqual({ height: block.height, code: 0 });
    comet.disconnect();
    sender.client.disconnect();
  });

  it("refuses subscriptions it cannot serve with a JSON-RPC error", async () => {
    const ws = new WebSocket(devnet.wsUrl);
    await new Promise((resolve) => ws.addEventListener("open", resolve));
    const reply = new Promise<{ error?: { code: number; data: string } }>((resolve) => ws.addEventListener("message", (e) => resolve(JSON.parse(String(e.data)))));
    ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "subscribe", params: { query: "tm.event='Bogus'" } }));
    expect((await reply).error?.code).toBe(-32603);
    ws.close();
  });
});
