import { sha256 } from "@cosmjs/crypto";
import { DirectSecp256k1Wallet, type EncodeObject } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, type DeliverTxResponse, type IndexedTx } from "@cosmjs/stargate";
import { akashRegistry, startDevnet, type Devnet, type DevnetOptions } from "../../../main/devnet/index";

export interface Actor {
  address: string;
  client: SigningStargateClient;
  wallet: DirectSecp256k1Wallet;
}

/** A devnet with manual blocks and a fixed AKT price, so a test decides when time passes. */
export async function testDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  return startDevnet({ blockTimeMs: 0, seed: 7, oracle: { kind: "fixed", price: "2.000000000000000000" }, ...options });
}

export async function actor(devnet: Devnet, name: string, fundUakt: bigint | null = 10_000_000_000n): Promise<Actor> {
  const wallet = await DirectSecp256k1Wallet.fromKey(sha256(new TextEncoder().encode(`devnet-test/${name}`)), "akash");
  const [account] = await wallet.getAccounts();
  if (!account) throw new Error("no account");
  if (fundUakt !== null) devnet.faucet(account.address, fundUakt);
  const client = await SigningStargateClient.connectWithSigner(devnet.rpcUrl, wallet, {
    registry: akashRegistry(),
    gasPrice: GasPrice.fromString("0.025uakt"),
    broadcastPollIntervalMs: 20,
  });
  return { address: account.address, client, wallet };
}

/** Signs with "auto" fee (simulate), broadcasts, produces the block, returns the indexed result. */
export async function submit(devnet: Devnet, who: Actor, msgs: EncodeObject[], fee: "auto" | { amount: Array<{ denom: string; amount: string }>; gas: string } = "auto"): Promise<IndexedTx> {
  const hash = await who.client.signAndBroadcastSync(who.address, msgs, fee);
  devnet.produceBlock();
  const tx = await who.client.getTx(hash);
  if (!tx) throw new Error(`tx ${hash} not found after a block`);
  return tx;
}

export function expectOk(tx: IndexedTx | DeliverTxResponse): void {
  if (tx.code !== 0) throw new Error(`tx failed with code ${tx.code}: ${"rawLog" in tx ? tx.rawLog : ""}`);
}

export const FIXED_FEE = { amount: [{ denom: "uakt", amount: "5000" }], gas: "2000000" };
