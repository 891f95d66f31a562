import { Secp256k1Wallet } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import { GasPrice, QueryClient, SigningStargateClient } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import type { ChainNode } from "../chain-node";
import { DEMAND_MIX, demandEntries } from "../demand/mix";
import { akashRegistry } from "../registry";
import { Rng } from "../util/rng";
import type { TenantOptions } from "./options";
import { Tenant, type TenantSettings } from "./tenant";

export interface Tenants {
  readonly addresses: string[];
  /** Per-tenant counters (deployments, leases, closes, top-ups, failures). */
  stats(): Array<Tenant["stats"] & { address: string }>;
  stop(): Promise<void>;
}

export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  count: 4,
  meanBlocksBetweenDeployments: 20,
  bidWindowBlocks: 5,
  meanLeaseBlocks: 120,
  topUpProbability: 0.5,
  kinds: DEMAND_MIX.map((e) => e.name),
  auditedShare: 0.1,
};
const TENANT_GRANT = 100_000_000_000n; // 100,000 AKT each

/**
 * Starts the synthetic tenants: deterministic keys from the seed, funded by the faucet, acting on
 * every new block through their own SigningStargateClient against the devnet's RPC.
 */
export async function startTenants(node: ChainNode, rpcUrl: string, options: TenantOptions, seed: number, log: (m: string) => void = () => undefined): Promise<Tenants> {
  const settings: TenantSettings = { ...DEFAULT_TENANT_SETTINGS, ...options };
  if (!Number.isInteger(settings.count) || settings.count < 0 || settings.count > 100) throw new Error("tenants.count must be an integer 0–100");
  demandEntries(settings.kinds); // refuses unknown or no kinds before any wallet is funded
  if (!(settings.auditedShare >= 0 && settings.auditedShare <= 1)) throw new Error("tenants.auditedShare must be between 0 and 1");
  const comet = await Comet38Client.connect(rpcUrl);
  const query = new QueryClient(comet);
  const tenants: Array<{ address: string; tenant: Tenant; client: SigningStargateClient }> = [];
  for (let i = 0; i < settings.count; i++) {
    const key = sha256(new TextEncoder().encode(`devnet-tenant/${seed}/${i}`));
    const wallet = await DirectSecp256k1Wallet.fromKey(key, "akash");
    const amino = await Secp256k1Wallet.fromKey(key, "akash");
    const [account] = await wallet.getAccounts();
    if (!account) throw new Error("tenant wallet has no account");
    if (node.bank.balance(account.address, "uakt") < TENANT_GRANT / 10n) node.bank.mint(account.address, "uakt", TENANT_GRANT);
    const client = await SigningStargateClient.connectWithSigner(rpcUrl, wallet, { registry: akashRegistry(), gasPrice: GasPrice.fromString("0.025uakt"), broadcastPollIntervalMs: 200 });
    const tenant = new Tenant({ client, query, address: account.address, rng: new Rng(seed * 1000 + i + 1), settings, log, amino }, node.height);
    tenants.push({ address: account.address, tenant, client });
  }
  const inFlight = new Set<Promise<void>>();
  const unsubscribe = node.producer.onBlock((block) => {
    for (const { tenant } of tenants) {
      const run = tenant.onBlock(block.height);
      inFlight.add(run);
      void run.finally(() => inFlight.delete(run));
    }
  });
  return {
    addresses: tenants.map((t) => t.address),
    stats: () => tenants.map((t) => ({ address: t.address, ...t.tenant.stats })),
    stop: async () => {
      unsubscribe();
      for (const t of tenants) t.tenant.stop();
      await Promise.allSettled([...inFlight]);
      for (const t of tenants) t.client.disconnect();
      comet.disconnect();
    },
  };
}
