import type { BlockRecord } from "./state/block-store";
import { ChainNode } from "./chain-node";
import { DEFAULT_BLOCK_TIME_MS, type DevnetOptions } from "./config";
import { DEFAULT_FAUCET_GRANT, faucetRoute, grant } from "./faucet";
import { startRpcServer } from "./rpc/server";
import { SqlitePersistence } from "./state/sqlite-persistence";
import { startTenants, type Tenants } from "./tenants/tenants";

export type { DevnetOptions } from "./config";
export type { TenantOptions } from "./tenants/options";
export type { Tenants } from "./tenants/tenants";
export { DEFAULT_FAUCET_GRANT } from "./faucet";
export { akashRegistry } from "./registry";

export interface Devnet {
  rpcUrl: string;
  /** ws://127.0.0.1:port/websocket for raw WebSocket clients (cosmjs takes ws://127.0.0.1:port and appends /websocket itself). */
  wsUrl: string;
  faucetUrl: string;
  chainId: string;
  port: number;
  /** Mints uakt (default 1,000 AKT) to an address; it shows in queries at once and on disk with the next block. */
  faucet(address: string, amount?: bigint | string): void;
  /** Produces one block now (tests use blockTimeMs: 0 and call this). */
  produceBlock(): BlockRecord;
  readonly height: number;
  /** The chain itself, for tests and tools that seed state (e.g. importing mainnet orders). */
  readonly node: ChainNode;
  readonly tenants?: Tenants;
  stop(): Promise<void>;
}

/** Deletes a devnet's chain data in dataDir (the `reset` the app offers). */
export function resetDevnet(dataDir: string): void {
  SqlitePersistence.reset(dataDir);
}

/** Starts a local Akash-compatible chain with a CometBFT RPC on 127.0.0.1. */
export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const node = new ChainNode(options);
  const limit = options.faucetLimit ?? 1_000_000_000_000n;
  let rpcUrl = "";
  let server;
  try {
    server = await startRpcServer(
      {
        chainId: node.chainId,
        app: node.app,
        producer: node.producer,
        validators: node.validators,
        nodeId: node.nodeId(),
        moniker: "akash-devnet",
        rpcAddress: () => rpcUrl.replace("http://", "tcp://"),
      },
      options.port ?? 0,
      faucetRoute(node, limit),
    );
  } catch (error) {
    node.close();
    throw error;
  }
  rpcUrl = server.url;
  const produceBlock = () => node.producer.produce();
  let tenants: Tenants | undefined;
  try {
    tenants = options.tenants ? await startTenants(node, rpcUrl, options.tenants, options.seed ?? 1, options.log) : undefined;
  } catch (error) {
    await server.close();
    node.close();
    throw error;
  }

  const blockTimeMs = options.blockTimeMs ?? DEFAULT_BLOCK_TIME_MS;
  const timer =
    blockTimeMs > 0
      ? setInterval(() => {
          try {
            produceBlock();
          } catch (error) {
            options.log?.(`block production failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }, blockTimeMs)
      : undefined;

  let stopped = false;
  return {
    rpcUrl,
    wsUrl: `${rpcUrl.replace("http://", "ws://")}/websocket`,
    faucetUrl: `${rpcUrl}/faucet`,
    chainId: node.chainId,
    port: server.port,
    faucet: (address, amount = DEFAULT_FAUCET_GRANT) => grant(node, address, BigInt(amount), limit),
    produceBlock,
    get height() {
      return node.height;
    },
    node,
    tenants,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      await tenants?.stop();
      await server.close();
      node.close();
    },
  };
}
