import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodeMsg, TxQueue } from "../../../main/chain/tx-queue";
import { BlockStream, headerHeight, websocketUrl, type BlockEvents } from "../../../main/chain/block-stream";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { TxRepo } from "../../../main/chain/tx-repo";
import { startDevnet, type Devnet } from "../../../main/devnet";
import { openDatabase } from "../../../main/store/database";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { MsgSend } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";

let devnet: Devnet;
let pool: RpcPool;
let stream: BlockStream | null = null;

beforeEach(async () => {
  devnet = await startDevnet({ blockTimeMs: 0 });
  pool = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: [devnet.rpcUrl] });
});
afterEach(async () => {
  stream?.stop();
  stream = null;
  await devnet.stop();
});

describe("BlockStream against the devnet", () => {
  it("delivers each new block once, in order, over the WebSocket, with its tx events", async () => {
    stream = new BlockStream({ pool, wsUrl: () => websocketUrl(devnet.rpcUrl) });
    const seen: BlockEvents[] = [];
    stream.subscribe((b) => seen.push(b));
    await stream.start();
    await expect.poll(() => stream!.mode()).toBe("websocket");
    const start = devnet.height;

    // A real transaction so a block carries tx events.
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(`${"abandon ".repeat(11)}about`, { prefix: "akash" });
    const [account] = await wallet.getAccounts();
    devnet.faucet(account!.address);
    const db = openDatabase(":memory:");
    const queue = new TxQueue({
      network: "local",
      chainId: devnet.chainId,
      pool,
      repo: new TxRepo(db, () => new Date()),
      signer: () => ({ address: account!.address, getAccounts: () => wallet.getAccounts(), signDirect: (a, d) => wallet.signDirect(a, d) }),
      gasPrice: "0.025",
      sleep: async () => void devnet.produceBlock(),
    });
    const msg = encodeMsg(MsgSend, { fromAddress: account!.address, toAddress: "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l", amount: [{ denom: "uakt", amount: "1" }] });
    const tx = await queue.submit({ kind: "test.send", messages: [msg] });
    devnet.produceBlock();
    devnet.produceBlock();
    await expect.poll(() => seen.at(-1)?.height ?? 0).toBe(devnet.height);
    expect(seen.map((b) => b.height)).toEqual(Array.from({ length: devnet.height - start }, (_, i) => start + 1 + i));
    const withTx = seen.find((b) => b.height === tx.height)!;
    expect(withTx.txs).toHaveLength(1);
    expect(withTx.txs[0]!.events.some((e) => e.type === "transfer")).toBe(true);
    db.close();
  });

  it("falls back to polling when the WebSocket is unavailable, without skipping or repeating", async () => {
    stream = new BlockStream({ pool, wsUrl: () => "ws://127.0.0.1:9/websocket", reconnectMs: 60_000, pollMs: 60_000 });
    const seen: number[] = [];
    stream.subscribe((b) => seen.push(b.height));
    const from = devnet.height;
    await stream.start();
    await expect.poll(() => stream!.mode()).toBe("polling");
    devnet.produceBlock();
    devnet.produceBlock();
    await stream.pollOnce();
    devnet.produceBlock();
    await stream.pollOnce();
    await stream.pollOnce();
    expect(seen).toEqual([from + 1, from + 2, from + 3]);
  });

  it("bounds the catch-up after a long gap", async () => {
    stream = new BlockStream({ pool, wsUrl: () => null, maxCatchUp: 3, pollMs: 60_000 });
    const seen: number[] = [];
    stream.subscribe((b) => seen.push(b.height));
    await stream.start(1);
    for (let i = 0; i < 10; i++) devnet.produceBlock();
    await stream.pollOnce();
    expect(seen).toEqual([devnet.height - 2, devnet.height - 1, devnet.height]);
  });

  it("parses only NewBlockHeader messages", () => {
    expect(headerHeight('{"jsonrpc":"2.0","id":1,"result":{}}')).toBeNull();
    expect(headerHeight("garbage")).toBeNull();
    expect(headerHeight(JSON.stringify({ result: { data: { type: "tendermint/event/NewBlockHeader", value: { header: { height: "42" } } } } }))).toBe(42);
    expect(headerHeight(JSON.stringify({ result: { data: { type: "tendermint/event/NewBlockHeader", value: { header: { height: "-1" } } } } }))).toBeNull();
    expect(websocketUrl("https://rpc.example.com:443/")).toBe("wss://rpc.example.com:443/websocket");
  });
});
