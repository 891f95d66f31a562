import { sha256 } from "@cosmjs/crypto";
import { toBase64 } from "@cosmjs/encoding";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { SigningStargateClient, StargateClient } from "@cosmjs/stargate";
import { spawn } from "node:child_process";
import { TxRaw } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { Order, Order_State } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drawDeployment } from "../../main/devnet/demand/mix";
import { akashRegistry, startDevnet, type Devnet } from "../../main/devnet/index";
import { Rng } from "../../main/devnet/util/rng";
import type { Figure } from "./figure";

// devnet.tx_per_s: pre-signed bank sends broadcast over HTTP (broadcast_tx_sync, 16 in flight),
// counting the ones CheckTx accepts, while 1 s blocks are produced.
// devnet.block_interval_ms_p95: with 1,000 open orders in state, SQLite persistence on and a
// steady tx load, the p95 of the wall-clock gap between consecutive blocks at blockTimeMs 1000.

const SENDERS = 32;
const TXS_PER_SENDER = 50;

interface Chain {
  rpcUrl: string;
  chainId: string;
  fund(address: string): Promise<number | bigint>;
}

/** Funds each sender and signs its txs offline (sequences 0…n-1), before any timing starts. */
async function signBatch(chain: Chain, senders = SENDERS, perSender = TXS_PER_SENDER): Promise<string[][]> {
  const txs: string[][] = [];
  for (let s = 0; s < senders; s++) {
    const wallet = await DirectSecp256k1Wallet.fromKey(sha256(new TextEncoder().encode(`bench-sender/${s}`)), "akash");
    const [account] = await wallet.getAccounts();
    if (!account) throw new Error("no account");
    const accountNumber = await chain.fund(account.address);
    const client = await SigningStargateClient.offline(wallet, { registry: akashRegistry() });
    const list: string[] = [];
    for (let seq = 0; seq < perSender; seq++) {
      const msg = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: account.address, toAddress: account.address, amount: [{ denom: "uakt", amount: "1" }] } };
      const signed = await client.sign(account.address, [msg], { amount: [{ denom: "uakt", amount: "500" }], gas: "200000" }, "", { accountNumber: BigInt(accountNumber), sequence: seq, chainId: chain.chainId });
      list.push(toBase64(TxRaw.encode(signed).finish()));
    }
    txs.push(list);
  }
  return txs;
}

function inProcess(devnet: Devnet): Chain {
  return {
    rpcUrl: devnet.rpcUrl,
    chainId: devnet.chainId,
    fund: async (address) => {
      devnet.faucet(address, 100_000_000_000n);
      return devnet.node.auth.get(address)?.accountNumber ?? 0;
    },
  };
}

async function broadcast(url: string, tx: string, id: number): Promise<number> {
  const response = await fetch(url, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id, method: "broadcast_tx_sync", params: { tx } }) });
  const body = (await response.json()) as { result?: { code: number } };
  return body.result?.code ?? -1;
}

/**
 * The devnet runs as `npm run devnet` does, in its own process (the bench client must not steal
 * its CPU); one HTTP request in flight per sender keeps each sender's sequences in order.
 */
async function txPerSecond(): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", "main/cli/devnet.ts", "--memory", "--port", "0", "--tenants", "0", "--block-time", "1000"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const rpcUrl = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /RPC\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1] as string);
      });
      child.once("exit", (code) => reject(new Error(`devnet exited with ${code}`)));
      setTimeout(() => reject(new Error("devnet did not start in 30 s")), 30_000);
    });
    const reader = await StargateClient.connect(rpcUrl);
    const chainId = await reader.getChainId();
    const txs = await signBatch({
      rpcUrl,
      chainId,
      fund: async (address) => {
        const response = await fetch(`${rpcUrl}/faucet`, { method: "POST", body: JSON.stringify({ address, amount: "100000000000" }) });
        if (!response.ok) throw new Error(`faucet: ${await response.text()}`);
        return (await reader.getAccount(address))?.accountNumber ?? 0;
      },
    });
    reader.disconnect();
    let accepted = 0;
    const started = performance.now();
    await Promise.all(
      txs.map(async (list, s) => {
        for (let i = 0; i < list.length; i++) if ((await broadcast(rpcUrl, list[i] as string, s * 1000 + i)) === 0) accepted++;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = txs.reduce((sum, list) => sum + list.length, 0);
    if (accepted < total * 0.99) throw new Error(`only ${accepted} of ${total} txs accepted`);
    return Math.round(accepted / seconds);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

async function blockIntervalP95(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), "devnet-bench-"));
  const devnet = await startDevnet({ dataDir, blockTimeMs: 1000, oracle: { kind: "fixed", price: "1.0" }, tenants: { count: 4, meanBlocksBetweenDeployments: 3 } });
  try {
    const rng = new Rng(99);
    for (let i = 0; i < 1000; i++) {
      const drawn = drawDeployment(rng);
      devnet.node.market.importOrder(Order.fromPartial({ id: { owner: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", dseq: 10_000 + i, gseq: 1, oseq: 1 }, state: Order_State.open, spec: drawn.groups[0], createdAt: 1 }));
    }
    const load = (await signBatch(inProcess(devnet), 6, 40)).flat();
    const times: number[] = [];
    const off = devnet.node.producer.onBlock(() => times.push(performance.now()));
    let sent = 0;
    // ~60 tx/s of background load while blocks are timed.
    const loader = setInterval(() => {
      for (let i = 0; i < 6 && sent < load.length; i++, sent++) void broadcast(devnet.rpcUrl, load[sent] as string, sent);
    }, 100);
    while (times.length < 16) await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(loader);
    off();
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number)).sort((a, b) => a - b);
    return Math.round(gaps[Math.min(gaps.length - 1, Math.ceil(gaps.length * 0.95) - 1)] as number);
  } finally {
    await devnet.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<Figure[]> {
  const tps = await txPerSecond();
  const p95 = await blockIntervalP95();
  return [
    { figure: "devnet.tx_per_s", value: tps, unit: "tx/s" },
    { figure: "devnet.block_interval_ms_p95", value: p95, unit: "ms" },
  ];
}
