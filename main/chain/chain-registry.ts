import { ContractFailure } from "../../common/envelope";
import type { NetworkId } from "../../common/schemas";
import { networkProfile, type LocalOverrides, type NetworkProfile } from "./network-profiles";
import { BlockStream, websocketUrl } from "./block-stream";
import { RpcPool } from "./rpc-pool";

// One RPC pool per network, built on first use. Switching network in Settings just asks for another
// pool; the old one keeps its health history for when the user switches back. The user's own
// endpoints (their own node, or where the local devnet listens) come first.

export interface ChainRegistryOptions {
  local?: LocalOverrides;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

export interface EndpointStore {
  get(network: NetworkId): string[];
  set(network: NetworkId, urls: readonly string[]): void;
}

export class ChainRegistry {
  private readonly pools = new Map<NetworkId, RpcPool>();
  private readonly streams = new Map<NetworkId, BlockStream>();

  constructor(
    private readonly o: ChainRegistryOptions = {},
    private readonly custom: EndpointStore | null = null,
  ) {}

  profile(network: NetworkId): NetworkProfile {
    const base = networkProfile(network, this.o.local);
    const own = this.custom?.get(network) ?? [];
    if (own.length === 0) return base;
    // For the devnet the user's endpoint replaces the default port; elsewhere it is tried first.
    const endpoints = network === "local" ? own : [...own, ...base.rpcEndpoints.filter((u) => !own.includes(u))];
    return { ...base, rpcEndpoints: endpoints };
  }

  pool(network: NetworkId): RpcPool {
    let pool = this.pools.get(network);
    if (!pool) {
      const profile = this.profile(network);
      pool = new RpcPool({
        network,
        chainId: profile.chainInfo.chainId,
        endpoints: profile.rpcEndpoints,
        ...(this.o.fetch ? { fetch: this.o.fetch } : {}),
        ...(this.o.now ? { now: this.o.now } : {}),
        ...(this.o.timeoutMs ? { timeoutMs: this.o.timeoutMs } : {}),
      });
      this.pools.set(network, pool);
    }
    return pool;
  }

  /** The network's block/event stream (subscribers call start(); one stream per network). */
  stream(network: NetworkId): BlockStream {
    let stream = this.streams.get(network);
    if (!stream) {
      const pool = this.pool(network);
      stream = new BlockStream({ pool, wsUrl: () => websocketUrl(pool.snapshot().active ?? this.profile(network).rpcEndpoints[0]!) });
      this.streams.set(network, stream);
    }
    return stream;
  }

  /** Replaces the user's endpoints for a network; its pool starts over with the new list. */
  setEndpoints(network: NetworkId, urls: readonly string[]): void {
    if (!this.custom) throw new Error("no endpoint store configured");
    const clean = [...new Set(urls.map((u) => checkEndpoint(u)))];
    this.custom.set(network, clean);
    this.pools.get(network)?.stop();
    this.pools.delete(network);
    this.streams.get(network)?.stop();
    this.streams.delete(network);
  }

  stopAll(): void {
    for (const pool of this.pools.values()) pool.stop();
    for (const stream of this.streams.values()) stream.stop();
  }
}

function checkEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ContractFailure("INVALID_INPUT", `"${raw.slice(0, 100)}" is not a URL. An RPC endpoint looks like https://rpc.example.com:443.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ContractFailure("INVALID_INPUT", "An RPC endpoint must be an http(s) URL.");
  if (url.username || url.password || url.search || url.hash) throw new ContractFailure("INVALID_INPUT", "An RPC endpoint must not carry credentials, a query or a fragment.");
  return url.toString().replace(/\/+$/u, "");
}
