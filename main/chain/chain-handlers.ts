import type { Handlers } from "../../common/contract";
import { ContractFailure } from "../../common/envelope";
import type { NetworkId } from "../../common/schemas";
import type { ChainRegistry } from "./chain-registry";
import { requestDevnetFaucet } from "./faucet-client";
import { recheckUnsettled } from "./tx-queue";
import type { TxRepo } from "./tx-repo";

type ChainMethods = "chain.rpcStatus" | "chain.transactions" | "chain.setEndpoints" | "chain.faucet";

export interface ChainHandlerDeps {
  chains: ChainRegistry;
  txs: TxRepo;
  network: () => NetworkId;
  /** The current network's wallet address (null without a wallet). */
  address: () => string | null;
}

export function chainHandlers(d: ChainHandlerDeps): Pick<Handlers, ChainMethods> {
  return {
    // A refresh (or a pool nobody has used yet) probes every endpoint; otherwise the last known state.
    "chain.rpcStatus": async (input) => {
      const pool = d.chains.pool(d.network());
      const snapshot = pool.snapshot();
      if (input?.refresh || snapshot.endpoints.every((e) => e.status === "unknown")) return pool.checkHealth();
      return snapshot;
    },
    // Listing also settles what is still unconfirmed (by hash), so the UI never shows a stale "unknown".
    "chain.transactions": async (input) => {
      const network = d.network();
      if (d.txs.unsettled(network).length > 0) await recheckUnsettled(d.chains.pool(network), d.txs, network).catch(() => []);
      return d.txs.list(network, input?.limit ?? 100);
    },
    "chain.setEndpoints": async (input) => {
      d.chains.setEndpoints(input.network, input.endpoints);
      return d.chains.pool(input.network).checkHealth();
    },
    "chain.faucet": async () => {
      if (d.network() !== "local") throw new ContractFailure("CONFLICT", "The faucet button is for the local devnet. On sandbox-2 use the sandbox faucet web page; on mainnet, send AKT from an exchange or wallet.");
      const address = d.address();
      if (!address) throw new ContractFailure("NOT_FOUND", "Create or import a wallet first; the faucet funds its address.");
      const pool = d.chains.pool("local");
      const endpoint = pool.snapshot().active ?? d.chains.profile("local").rpcEndpoints[0]!;
      const granted = await requestDevnetFaucet(endpoint, address);
      return { address, ...granted };
    },
  };
}
