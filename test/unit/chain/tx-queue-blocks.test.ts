import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { MsgSend } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { encodeMsg, TxQueue, type TxSigner } from "../../../main/chain/tx-queue";
import { TxRepo } from "../../../main/chain/tx-repo";
import { openDatabase, type Db } from "../../../main/store/database";
import { startFakeChain, type FakeChain } from "./fake-chain";

// Confirmations pushed from blocks someone else reads, and the opt-in gas cache.

const MNEMONIC = `${"abandon ".repeat(11)}about`;
const ADDRESS = "akash19rl4cm2hmr8afy4kldpxz3fka4jguq0a3mq6x0";
let signer: TxSigner;
let chain: FakeChain;
let db: Db;

beforeEach(async () => {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC, { prefix: "akash" });
  signer = { address: ADDRESS, getAccounts: () => wallet.getAccounts(), signDirect: (a, d) => wallet.signDirect(a, d) };
  chain = await startFakeChain();
  chain.accounts.set(ADDRESS, { number: 7n, sequence: 3n });
  db = openDatabase(":memory:");
});
afterEach(async () => {
  db.close();
  await chain.close();
});

/** `pushed`: the injected wait never ends, so only pushed blocks can move a confirmation on. */
function queue(mode: "pushed" | "polled") {
  const clock = { t: 1_000_000 };
  const pool = new RpcPool({ network: "local", chainId: "akash-local-1", endpoints: [chain.comet.url], timeoutMs: 2000 });
  const repo = new TxRepo(db, () => new Date("2026-11-21T22:00:00Z"));
  const sleep = mode === "pushed" ? () => new Promise<void>(() => {}) : async (ms: number) => void (clock.t += ms);
  const q = new TxQueue({ network: "local", chainId: "akash-local-1", pool, repo, signer: () => signer, gasPrice: "0.025", now: () => clock.t, sleep, pollMs: 1000, confirmTimeoutMs: 30_000 });
  return { q, repo };
}

const send = (amount: string, cacheGas = false) => ({
  kind: "bidengine.createBid",
  cacheGas,
  messages: [encodeMsg(MsgSend, { fromAddress: ADDRESS, toAddress: "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", amount: [{ denom: "uakt", amount }] })],
});
const calls = (method: string) => chain.comet.calls.filter((c) => c.method === method).length;
const simulations = () => chain.comet.calls.filter((c) => c.method === "abci_query" && c.params.path === "/cosmos.tx.v1beta1.Service/Simulate").length;
const lastHash = () => [...chain.included.keys()].at(-1)!;

describe("TxQueue confirmations from pushed blocks", () => {
  it("a pushed block with the hash confirms the tx without a single `tx` request", async () => {
    const { q, repo } = queue("pushed");
    q.observeBlock(10, []); // someone is pushing blocks
    const done = q.submit(send("5"));
    await vi.waitFor(() => expect(q.awaitingConfirmation()).toBe(true));
    q.observeBlock(11, [{ hash: "AB".repeat(32), code: 0 }, { hash: lastHash().toLowerCase(), code: 0, gasUsed: "70000" }]);
    const tx = await done;
    expect(tx).toMatchObject({ status: "confirmed", height: 11, hash: lastHash(), gasUsed: "70000" });
    expect(repo.get(tx.id)?.status).toBe("confirmed");
    expect(calls("tx")).toBe(0);
    expect(q.awaitingConfirmation()).toBe(false);
  });

  it("a tx missing from pushed blocks is looked up once per block, from the second block on", async () => {
    const { q } = queue("pushed");
    q.observeBlock(10, []);
    chain.hideForPolls = 100; // the node does not show it yet
    const done = q.submit(send("5"));
    await vi.waitFor(() => expect(q.awaitingConfirmation()).toBe(true));
    q.observeBlock(11, []); // may have closed before the broadcast: no lookup
    await vi.waitFor(() => expect(q.awaitingConfirmation()).toBe(true));
    expect(calls("tx")).toBe(0);
    for (const [height, expected] of [[12, 1], [13, 2], [14, 3]] as const) {
      q.observeBlock(height, [{ hash: "CD".repeat(32), code: 0 }]);
      await vi.waitFor(() => {
        expect(calls("tx")).toBe(expected);
        expect(q.awaitingConfirmation()).toBe(true);
      });
    }
    q.observeBlock(15, [{ hash: lastHash(), code: 0 }]);
    await expect(done).resolves.toMatchObject({ status: "confirmed", height: 15 });
    expect(calls("tx")).toBe(3);
  });

  it("a failed result in a pushed block is looked up for its log and rejected, never resent", async () => {
    const { q, repo } = queue("pushed");
    q.observeBlock(10, []);
    chain.deliverCode = { code: 5, log: "spendable balance 1uakt is smaller than 5uakt: insufficient funds" };
    const done = q.submit(send("5"));
    await vi.waitFor(() => expect(q.awaitingConfirmation()).toBe(true));
    q.observeBlock(11, [{ hash: lastHash(), code: 5 }]);
    const error = await done.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContractFailure);
    expect((error as ContractFailure).message).toMatch(/Not enough funds/u);
    expect(calls("tx")).toBe(1);
    expect(calls("broadcast_tx_sync")).toBe(1);
    expect(repo.list("local").at(0)).toMatchObject({ status: "failed", code: 5 });
  });

  it("ignores garbage heights and keeps polling on its own timer when nobody pushes", async () => {
    const { q } = queue("polled");
    q.observeBlock(0, [{ hash: "x", code: 0 }]);
    q.observeBlock(Number.NaN, []);
    await expect(q.submit(send("5"))).resolves.toMatchObject({ status: "confirmed" });
    expect(calls("tx")).toBe(1);
  });
});

describe("TxQueue gas cache (opt-in)", () => {
  it("simulates a shape once when asked, and every time otherwise", async () => {
    const { q } = queue("polled");
    await q.submit(send("1", true));
    await q.submit(send("2", true));
    await q.submit(send("3", true));
    expect(simulations()).toBe(1);
    const gasLimits = [...chain.included.values()].map((t) => t.gasLimit);
    expect(gasLimits).toEqual([104_000n, 104_000n, 104_000n]); // 80,000 simulated × 1.3
    await q.submit(send("4"));
    await q.submit(send("5"));
    expect(simulations()).toBe(3);
  });

  it("a cached estimate that runs out of gas is re-simulated once and sent as a new tx", async () => {
    const { q } = queue("polled");
    await q.submit(send("1", true));
    chain.gasUsed = 200_000n; // the next shape costs more than the cached figure covers
    chain.deliverCode = { code: 11, log: "out of gas in location: WriteFlat; gasWanted: 104000, gasUsed: 150000: out of gas" };
    const tx = await q.submit(send("2", true));
    expect(tx.status).toBe("confirmed");
    expect(tx.gasWanted).toBe("260000");
    expect(simulations()).toBe(2);
    const sent = [...chain.included.values()];
    expect(sent.map((t) => t.code)).toEqual([0, 11, 0]);
    expect(new Set(sent.map((t) => t.hash)).size).toBe(3);
    // The fresh figure is cached from then on.
    await q.submit(send("3", true));
    expect(simulations()).toBe(2);
  });

  it("an out-of-gas failure of a freshly simulated tx is not retried", async () => {
    const { q } = queue("polled");
    chain.deliverCode = { code: 11, log: "out of gas" };
    await expect(q.submit(send("1", true))).rejects.toThrow(/ran out of gas/u);
    expect(calls("broadcast_tx_sync")).toBe(1);
  });
});
