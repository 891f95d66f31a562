import type { BlockEvents } from "../chain/block-stream";

// The market events a provider acts on, read from one block's `block_results`. Cosmos typed events
// carry each field as proto-JSON (`id` = `{"owner":…,"dseq":"12","gseq":1,"oseq":1,"provider":…}`),
// so a key is rebuilt from the parsed id. Only successful txs count (a failed tx's events are
// discarded by the chain, but be strict). Anything malformed is skipped, never thrown.

export type MarketEventType = "order_created" | "order_closed" | "bid_created" | "bid_closed" | "lease_created" | "lease_closed";

export interface MarketEvent {
  type: MarketEventType;
  /** The order key "owner/dseq/gseq/oseq". */
  key: string;
  /** The bid/lease's provider; null for order events. */
  provider: string | null;
}

const TYPES: Record<string, MarketEventType> = {
  "akash.market.v1.EventOrderCreated": "order_created",
  "akash.market.v1.EventOrderClosed": "order_closed",
  "akash.market.v1.EventBidCreated": "bid_created",
  "akash.market.v1.EventBidClosed": "bid_closed",
  "akash.market.v1.EventLeaseCreated": "lease_created",
  "akash.market.v1.EventLeaseClosed": "lease_closed",
};

export function marketEvents(block: BlockEvents): MarketEvent[] {
  const out: MarketEvent[] = [];
  const take = (list: BlockEvents["block"]) => {
    for (const event of list) {
      const type = TYPES[event.type];
      if (!type) continue;
      const id = event.attributes.find((a) => a.key === "id");
      const parsed = id ? parseId(id.value) : null;
      if (parsed) out.push({ type, ...parsed });
    }
  };
  for (const tx of block.txs) if (tx.code === 0) take(tx.events);
  take(block.block);
  return out;
}

/** The proto-JSON id of an order, bid or lease → its order key and provider; null when malformed. */
export function parseId(text: string): { key: string; provider: string | null } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const id = raw as Record<string, unknown>;
  const owner = id.owner;
  const dseq = typeof id.dseq === "number" ? String(id.dseq) : id.dseq;
  const gseq = Number(id.gseq ?? 0);
  const oseq = Number(id.oseq ?? 0);
  if (typeof owner !== "string" || owner.length === 0 || typeof dseq !== "string" || !/^\d{1,20}$/u.test(dseq)) return null;
  if (!Number.isSafeInteger(gseq) || gseq < 0 || !Number.isSafeInteger(oseq) || oseq < 0) return null;
  const provider = typeof id.provider === "string" && id.provider.length > 0 ? id.provider : null;
  return { key: `${owner}/${BigInt(dseq).toString()}/${gseq}/${oseq}`, provider };
}
