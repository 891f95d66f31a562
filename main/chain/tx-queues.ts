import type { NetworkId } from "../../common/schemas";
import type { ChainRegistry } from "./chain-registry";
import { TxQueue, type TxSigner } from "./tx-queue";
import type { TxRepo } from "./tx-repo";

// One queue per (network, signer): a signer's sequence numbers are only ever used by one queue.

export interface TxQueuesOptions {
  chains: ChainRegistry;
  repo: TxRepo;
  /** The signer for a network's wallet (throws a clear error while it is locked or absent). */
  signer: (network: NetworkId) => TxSigner;
  /** "low" | "average" | "high" step of the network's gas prices; average by default. */
  gasStep?: "low" | "average" | "high";
  gasMultiplier?: string;
  /** How often to ask for a sent tx's hash, per network. */
  pollMs?: (network: NetworkId) => number;
}

export class TxQueues {
  private readonly queues = new Map<string, TxQueue>();

  constructor(private readonly o: TxQueuesOptions) {}

  for(network: NetworkId): TxQueue {
    const signer = this.o.signer(network);
    const key = `${network}|${signer.address}`;
    let queue = this.queues.get(key);
    if (!queue) {
      const profile = this.o.chains.profile(network);
      queue = new TxQueue({
        network,
        chainId: profile.chainInfo.chainId,
        pool: this.o.chains.pool(network),
        repo: this.o.repo,
        signer: () => {
          const current = this.o.signer(network);
          if (current.address !== signer.address) throw new Error("the wallet changed under a running queue");
          return current;
        },
        gasPrice: profile.gasPrices[this.o.gasStep ?? "average"],
        gasMultiplier: this.o.gasMultiplier ?? "1.3",
        ...(this.o.pollMs ? { pollMs: this.o.pollMs(network) } : {}),
      });
      this.queues.set(key, queue);
    }
    return queue;
  }
}

/** The app's queues: signed by each network's wallet; the devnet (blocks about every second) is polled faster. */
export function createTxQueues(chains: ChainRegistry, repo: TxRepo, signer: (network: NetworkId) => TxSigner): TxQueues {
  return new TxQueues({ chains, repo, signer, pollMs: (network) => (network === "local" ? 200 : 1000) });
}
