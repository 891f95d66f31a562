import type { NetworkId } from "../../common/schemas";
import type { RpcPool } from "../chain/rpc-pool";
import { activeLeasesPage, groupSpecOf, type ActiveLease } from "./market-leases";
import { gpuProfileOf, groupSamples, priceSample, SkipTally, type GpuProfile } from "./market-samples";
import { realTimer, type Timer } from "../interval-timer";

export type { Timer } from "../interval-timer";

// The market reference for the "market" pricing strategy and the Pricing page: per-GPU prices of the
// chain's active leases, by GPU model, refreshed off the hot path. A refresh reads a bounded number of
// lease pages (mainnet holds thousands of leases: at most maxPages × pageSize are sampled), then the
// GroupSpec of each group not seen before (a group's resources never change, so its profile is cached
// for as long as it has an active lease; at most maxGroupReads new groups per refresh, the rest next
// time). Steady state on mainnet: ~maxPages requests per 10 minutes, nothing per block. A refresh that
// fails (node down, undecodable answer) keeps the last good snapshot.

export interface MarketSnapshot {
  network: NetworkId;
  takenAt: Date;
  /** Active leases read (bounded by the page cap). */
  leases: number;
  /** More active leases exist than were read. */
  truncated: boolean;
  /** Per-GPU prices by model, atto-uact per block, ascending. */
  prices: ReadonlyMap<string, readonly bigint[]>;
}

export interface MarketPriceFeedDeps {
  pool: (network: NetworkId) => RpcPool;
  now: () => Date;
  log: (line: string) => void;
  timer?: Timer;
  /** Default 10 minutes. */
  intervalMs?: number;
  /** Leases per page (default 100) and pages per refresh (default 10). */
  pageSize?: number;
  maxPages?: number;
  /** New groups whose GroupSpec one refresh reads (default 250), this many at a time (default 4). */
  maxGroupReads?: number;
  concurrency?: number;
}

export class MarketPriceFeed {
  private readonly snapshots = new Map<NetworkId, MarketSnapshot>();
  /** GroupSpec profiles by "network|owner/dseq/gseq". */
  private readonly profiles = new Map<string, GpuProfile>();
  private readonly running = new Map<NetworkId, Promise<boolean>>();
  private readonly timer: Timer;
  private following: NetworkId | null = null;
  private handle: unknown = null;
  private first: Promise<void> = Promise.resolve();

  constructor(private readonly d: MarketPriceFeedDeps) {
    this.timer = d.timer ?? realTimer;
  }

  /** The last good snapshot of a network; undefined before the first successful refresh. */
  snapshot(network: NetworkId): MarketSnapshot | undefined {
    return this.snapshots.get(network);
  }

  /** What the engine's context and the pricing preview take (`marketGpuPrices`). */
  prices(network: NetworkId): ReadonlyMap<string, readonly bigint[]> | undefined {
    return this.snapshots.get(network)?.prices;
  }

  /**
   * Keeps `network`'s snapshot fresh: a refresh now, then every interval (null stops the timer; the
   * snapshots are kept). Resolves when the first refresh has ended, whatever its outcome.
   */
  follow(network: NetworkId | null): Promise<void> {
    if (network === this.following) return this.first;
    if (this.handle !== null) this.timer.clearInterval(this.handle);
    this.handle = null;
    this.following = network;
    if (network === null) return (this.first = Promise.resolve());
    this.handle = this.timer.setInterval(() => void this.refresh(network), this.d.intervalMs ?? 10 * 60_000);
    return (this.first = this.refresh(network).then(() => undefined));
  }

  stop(): void {
    void this.follow(null);
  }

  /** One refresh of `network` (concurrent calls share it). True when a new snapshot was taken; never throws. */
  refresh(network: NetworkId): Promise<boolean> {
    const current = this.running.get(network);
    if (current) return current;
    const run = this.read(network)
      .then((snapshot) => {
        this.snapshots.set(network, snapshot);
        return true;
      })
      .catch((error: unknown) => {
        const last = this.snapshots.get(network);
        this.d.log(`[bidengine] market prices on ${network} not refreshed (${error instanceof Error ? error.message : String(error)}); ${last ? `keeping the snapshot of ${last.takenAt.toISOString()}` : "no market data yet"}`);
        return false;
      })
      .finally(() => this.running.delete(network));
    this.running.set(network, run);
    return run;
  }

  private async read(network: NetworkId): Promise<MarketSnapshot> {
    const pool = this.d.pool(network);
    const pageSize = this.d.pageSize ?? 100;
    const maxPages = this.d.maxPages ?? 10;
    const skipped = new SkipTally();
    const leases: ActiveLease[] = [];
    let key: Uint8Array | null = null;
    let truncated = false;
    for (let i = 0; ; i++) {
      const page = await activeLeasesPage(pool, key, pageSize);
      leases.push(...page.leases);
      for (const reason of page.rejected) skipped.add("malformed", reason);
      if (!page.nextKey) break;
      if (i + 1 >= maxPages) {
        truncated = true;
        break;
      }
      key = page.nextKey;
    }

    const groups = new Map<string, ActiveLease>();
    for (const lease of leases) groups.set(`${network}|${lease.group}`, lease);
    const unread = [...groups.keys()].filter((g) => !this.profiles.has(g));
    const toRead = unread.slice(0, this.d.maxGroupReads ?? 250);
    const missing = await this.readProfiles(pool, toRead.map((g) => [g, groups.get(g)!] as const));

    const samples = [];
    for (const lease of leases) {
      const profile = this.profiles.get(`${network}|${lease.group}`);
      if (!profile) {
        if (missing.has(`${network}|${lease.group}`)) skipped.add("group_missing", `the chain has no group ${lease.group}`);
        else skipped.add("group_unread", `group ${lease.group} is read in a later refresh`);
        continue;
      }
      const sample = priceSample(lease.price, profile);
      if (sample.ok) samples.push(sample);
      else skipped.add(sample.reason, sample.detail);
    }
    // Forget groups that no longer have an active lease here (the cache stays the size of the market).
    for (const g of this.profiles.keys()) if (g.startsWith(`${network}|`) && !groups.has(g)) this.profiles.delete(g);

    const prices = groupSamples(samples);
    const models = [...prices.entries()].map(([m, list]) => `${m} ×${list.length}`).join(", ") || "none";
    this.d.log(
      `[bidengine] market prices on ${network}: ${leases.length} active lease(s)${truncated ? " (page cap reached)" : ""}, ${samples.length} GPU sample(s): ${models}` +
        (skipped.total > 0 ? `; left out: ${skipped.summary()}` : ""),
    );
    return { network, takenAt: this.d.now(), leases: leases.length, truncated, prices };
  }

  /**
   * Reads the GroupSpecs, a few at a time; the first RPC failure fails the refresh (profiles read so
   * far are kept). Returns the groups the chain does not have.
   */
  private async readProfiles(pool: RpcPool, todo: readonly (readonly [string, ActiveLease])[]): Promise<Set<string>> {
    const missing = new Set<string>();
    let next = 0;
    let failure: unknown = null;
    const worker = async () => {
      while (failure === null && next < todo.length) {
        const [key, lease] = todo[next++]!;
        try {
          const spec = await groupSpecOf(pool, lease);
          // A group the chain does not have is not cached: it may be a node lagging behind.
          if (spec === null) missing.add(key);
          else this.profiles.set(key, gpuProfileOf(spec));
        } catch (error) {
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.d.concurrency ?? 4) }, worker));
    if (failure !== null) throw failure;
    return missing;
  }
}
