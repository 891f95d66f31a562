import type { NetworkId } from "../../common/schemas";
import type { Db } from "../store/database";

/** The user's own RPC endpoints per network (e.g. their own full node), kept across restarts. */
export class EndpointsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  get(network: NetworkId): string[] {
    const row = this.db.prepare("SELECT urls FROM chain_endpoints WHERE network = ?").get(network) as { urls: string } | undefined;
    if (!row) return [];
    try {
      const parsed: unknown = JSON.parse(row.urls);
      return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === "string") : [];
    } catch {
      return []; // a hand-edited row: fall back to the defaults rather than refuse to start
    }
  }

  set(network: NetworkId, urls: readonly string[]): void {
    this.db
      .prepare("INSERT INTO chain_endpoints (network, urls, updated_at) VALUES (?, ?, ?) ON CONFLICT(network) DO UPDATE SET urls = excluded.urls, updated_at = excluded.updated_at")
      .run(network, JSON.stringify(urls), this.now().toISOString());
  }
}
