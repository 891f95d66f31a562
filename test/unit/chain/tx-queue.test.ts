import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { MsgSend } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { encodeMsg, TxQueue, type TxSigner } from "../../../main/chain/tx-queue";
import { TxRepo } from "../../../main/chain/tx-repo";
import { openDatabase, type Db } from "../../../main/store/database";
import { startFakeChain, type FakeChain } from "./fake-chain";

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

function queue(options: { signer?: () => TxSigner; confirmTimeoutMs?: number } = {}) {
  const clock = { t: 0 };
  const pool = new RpcPool({ network: "local", chainId: "akash-local-1", endpoints: [chain.comet.url], timeoutMs: 2000 });
  const repo = new TxRepo(db, () => new Date("2026-11-21T22:00:00Z"));
  const q = new TxQueue({
    network: "local",
    chainId: "akash-local-1",
    pool,
    repo,
    signer: options.signer ?? (() => signer),
    gasPrice: "0.025",
    gasMultiplier: "1.3",
    now: () => clock.t,
    sleep: async (ms) => void (clock.t += ms),
    confirmTimeoutMs: options.confirmTimeoutMs ?? 30_000,
    pollMs: 1000,
    broadcastTimeoutMs: 150,
  });
  return { q, repo };
}

const send = (amount: string, memo = "") => ({
  kind: "treasury.sweep",
  memo,
  messages: [encodeMsg(MsgSend, { fromAddress: ADDRESS, toAddress: "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", amount: [{ denom: "uakt", amount }] })],
});

async function failure(p: Promise<unknown>): Promise<ContractFailure> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ContractFailure);
  return e as ContractFailure;
}

describe("TxQueue against a CometBFT JSON-RPC server", () => {
  it("simulates, prices gas exactly, signs (verified by the node), broadcasts, confirms and records", async () => {
    const { q, repo } = queue();
    chain.hideForPolls = 2;
    const tx = await q.submit(send("1000", "first"));
    // gas = ceil(80000 × 1.3) = 104000; fee = ceil(104000 × 0.025) = 2600 uakt
    expect(tx).toMatchObject({ status: "confirmed", kind: "treasury.sweep", signer: ADDRESS, gasWanted: "104000", gasUsed: "71234", fee: { amount: "2600", denom: "uakt" }, code: 0, memo: "first" });
    const included = chain.included.get(tx.hash)!;
    expect(included).toMatchObject({ sequence: 3n, fee: "2600uakt", gasLimit: 104000n, height: tx.height, memo: "first" });
    expect(repo.list("local")).toEqual([tx]);

    // The next tx uses the next sequence without asking the chain again.
    const second = await q.submit(send("2000"));
    expect(chain.included.get(second.hash)!.sequence).toBe(4n);
    expect(chain.accountQueries).toBe(1);
  });

  it("runs concurrent submissions one at a time, in order", async () => {
    const { q } = queue();
    const results = await Promise.all([q.submit(send("1", "a")), q.submit(send("2", "b")), q.submit(send("3", "c"))]);
    expect(results.map((r) => chain.included.get(r.hash)!.sequence)).toEqual([3n, 4n, 5n]);
    expect(results.map((r) => r.memo)).toEqual(["a", "b", "c"]);
  });

  it("on a sequence mismatch refreshes the account and retries once", async () => {
    const { q, repo } = queue();
    await q.submit(send("1"));
    chain.accounts.get(ADDRESS)!.sequence += 1n; // another instance of this wallet sent a tx
    const tx = await q.submit(send("2"));
    expect(tx.status).toBe("confirmed");
    expect(chain.included.get(tx.hash)!.sequence).toBe(5n);
    expect(chain.accountQueries).toBe(2);
    // Caught by the simulation: nothing was broadcast with the stale sequence.
    expect(repo.list("local").map((r) => r.status)).toEqual(["confirmed", "confirmed"]);

    // A tx landing between simulation and broadcast: CheckTx refuses, the retry goes through.
    chain.bumpBeforeCheckTx = true;
    const third = await q.submit(send("3"));
    expect(third.status).toBe("confirmed");
    expect(chain.included.get(third.hash)!.sequence).toBe(7n);
    expect(chain.accountQueries).toBe(3);
    const rows = repo.list("local");
    expect(rows.map((r) => [r.status, r.code])).toEqual([
      ["confirmed", 0],
      ["failed", 32],
      ["confirmed", 0],
      ["confirmed", 0],
    ]);
  });

  it("gives up after a second mismatch with a message, not a loop", async () => {
    const { q } = queue();
    await q.submit(send("1"));
    chain.accounts.get(ADDRESS)!.sequence += 1n;
    chain.checkTxCode = { code: 32, codespace: "sdk", log: "account sequence mismatch, expected 9, got 5: incorrect account sequence" };
    // First attempt fails on the external bump, the retry on the injected mismatch.
    const message = (await failure(q.submit(send("2")))).message;
    expect(message).toMatch(/failed twice on the account sequence/);
  });

  it("a stalled broadcast whose tx did land is found by hash and never resent", async () => {
    const { q, repo } = queue();
    chain.stallBroadcast = "included";
    const tx = await q.submit(send("5"));
    expect(tx.status).toBe("confirmed");
    expect(chain.broadcasts.filter((h) => h === tx.hash)).toHaveLength(1);
    expect(repo.list("local")).toHaveLength(1);
  });

  it("a stalled broadcast that got lost is resent as the identical bytes (same hash), executed once", async () => {
    const { q, repo } = queue();
    chain.stallBroadcast = "lost";
    const tx = await q.submit(send("6"));
    expect(tx.status).toBe("confirmed");
    expect(chain.broadcasts).toEqual([tx.hash, tx.hash]);
    expect(chain.included.size).toBe(1);
    expect(repo.list("local")).toHaveLength(1);
  });

  it("maps CheckTx and DeliverTx rejections to clear messages and records them", async () => {
    const { q, repo } = queue();
    chain.checkTxCode = { code: 5, codespace: "sdk", log: "spendable balance 10uakt is smaller than 2600uakt: insufficient funds" };
    const poor = await failure(q.submit(send("999999999")));
    expect(poor.message).toMatch(/^Not enough funds for treasury.sweep: the wallet akash1.* Add AKT/);
    chain.deliverCode = { code: 11, log: "out of gas in location: WriteFlat; gasWanted: 104000, gasUsed: 104500" };
    const gas = await failure(q.submit(send("1")));
    expect(gas.message).toMatch(/ran out of gas on chain/);
    expect(repo.list("local").map((r) => [r.status, r.code])).toEqual([
      ["failed", 11],
      ["failed", 5],
    ]);
  });

  it("records nothing when the simulation already shows the chain would refuse", async () => {
    const { q, repo } = queue();
    chain.simulateError = { code: 5, codespace: "sdk", log: "insufficient funds" };
    expect((await failure(q.submit(send("1")))).message).toMatch(/Not enough funds/);
    expect(repo.list("local")).toEqual([]);
    expect(chain.broadcasts).toEqual([]);
  });

  it("an unconfirmed tx is left 'unknown', not resent, and settled later by hash", async () => {
    const { q, repo } = queue({ confirmTimeoutMs: 5000 });
    chain.hideForPolls = 1_000;
    const pending = await failure(q.submit(send("7")));
    expect(pending.code).toBe("UNAVAILABLE");
    expect(pending.message).toMatch(/will not be sent again/);
    const [row] = repo.list("local");
    expect(row!.status).toBe("unknown");
    chain.hideForPolls = 0;
    const settled = await q.recheckUnsettled();
    expect(settled.map((t) => [t.hash, t.status])).toEqual([[row!.hash, "confirmed"]]);
    expect(chain.broadcasts).toHaveLength(1);
  });

  it("says what to do for an unfunded wallet and a locked one, recording nothing", async () => {
    chain.accounts.clear();
    chain.accounts.set("akash1other", { number: 1n, sequence: 0n });
    const { q, repo } = queue();
    expect((await failure(q.submit(send("1")))).message).toMatch(/has never received funds/);
    const locked = queue({ signer: () => { throw new ContractFailure("UNAUTHORIZED", "The wallet is locked. Unlock it first."); } });
    expect((await failure(locked.q.submit(send("1")))).code).toBe("UNAUTHORIZED");
    expect(repo.list("local")).toEqual([]);
  });
});
