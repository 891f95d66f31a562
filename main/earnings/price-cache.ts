import type { AktPrice } from "../../common/earnings-schemas";
import { formatDec, parseDec } from "./dec";
import type { LedgerRepo } from "./ledger-repo";

// The chain's own oracle price of AKT, read at most once per `ttlMs`, kept in the database (so the
// last known price and its time survive a restart or an unreachable node) and flagged stale when it
// is older than `staleMs`.

export interface PriceCacheOptions {
  network: () => string;
  fetch: () => Promise<{ usd: bigint; at: Date | null; height?: number | null }>;
  now: () => Date;
  ttlMs?: number;
  staleMs?: number;
}

export class PriceCache {
  private lastError: string | null = null;
  private lastFetchMs = -Infinity;
  private inflight: Promise<void> | null = null;

  constructor(
    private readonly repo: LedgerRepo,
    private readonly o: PriceCacheOptions,
  ) {}

  /** The current price (refreshing it when older than the TTL); never throws. */
  async current(): Promise<AktPrice> {
    const nowMs = this.o.now().getTime();
    if (nowMs - this.lastFetchMs >= (this.o.ttlMs ?? 5 * 60_000)) {
      this.inflight ??= this.refresh(nowMs).finally(() => (this.inflight = null));
      await this.inflight;
    }
    return this.view();
  }

  /** The price to value a row with (scaled decimal USD per AKT), 0n when never known. */
  async usd(): Promise<bigint> {
    const price = await this.current();
    return price.usd ? parseDec(price.usd) : 0n;
  }

  view(): AktPrice {
    const saved = this.repo.latestPrice(this.o.network(), "uakt");
    const nowMs = this.o.now().getTime();
    return {
      usd: saved?.usd ?? null,
      asOf: saved ? new Date(saved.asOfMs).toISOString() : null,
      stale: !saved || nowMs - saved.asOfMs > (this.o.staleMs ?? 60 * 60_000),
      source: "chain oracle (akash.oracle.v1 AggregatedPrice, uakt)",
      error: this.lastError,
    };
  }

  private async refresh(nowMs: number): Promise<void> {
    try {
      const { usd, at, height } = await this.o.fetch();
      // The oracle's own timestamp is when the price was true; a missing one falls back to now.
      const asOf = at && !Number.isNaN(at.getTime()) && at.getTime() <= nowMs ? at.getTime() : nowMs;
      this.repo.savePrice(this.o.network(), "uakt", formatDec(usd), asOf, height ?? null);
      this.lastError = null;
      this.lastFetchMs = nowMs;
    } catch (error) {
      this.lastError = `Could not read the AKT price from the chain: ${(error as Error).message}`;
      // Retry on the next call after a short pause, not a full TTL.
      this.lastFetchMs = nowMs - (this.o.ttlMs ?? 5 * 60_000) + 30_000;
    }
  }
}
