import { z } from "zod";
import type { Db } from "../store/database";
import type { BidIntent, IntentStore } from "./bid-lifecycle";

// Bid intents in SQLite: each put is its own (synchronous, durable under WAL) write, so an intent is
// on disk before the broadcast that follows it.

const Intent = z.object({
  key: z.string(),
  order: z.object({ owner: z.string(), dseq: z.string().regex(/^\d+$/), gseq: z.number().int(), oseq: z.number().int() }),
  price: z.object({ denom: z.string(), amount: z.string() }),
  deposit: z.object({ denom: z.string(), amount: z.string() }),
  placements: z.array(z.object({ node: z.string(), unitIndex: z.number().int(), replicas: z.number().int(), gpuModel: z.string().nullable() })),
  state: z.enum(["intent", "open", "won", "closing"]),
  createdMs: z.number(),
  openedMs: z.number().nullable(),
});

export class IntentRepo implements IntentStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly log: (line: string) => void = () => {},
  ) {}

  get(key: string): BidIntent | undefined {
    const row = this.db.prepare("SELECT intent FROM bid_intents WHERE order_key = ?").get(key) as { intent: string } | undefined;
    return row ? this.read(key, row.intent) : undefined;
  }

  put(intent: BidIntent): void {
    this.db
      .prepare("INSERT INTO bid_intents (order_key, state, intent, updated_ms) VALUES (?, ?, ?, ?) ON CONFLICT(order_key) DO UPDATE SET state = excluded.state, intent = excluded.intent, updated_ms = excluded.updated_ms")
      .run(intent.key, intent.state, JSON.stringify(intent), this.now());
  }

  delete(key: string): void {
    this.db.prepare("DELETE FROM bid_intents WHERE order_key = ?").run(key);
  }

  all(): BidIntent[] {
    const rows = this.db.prepare("SELECT order_key, intent FROM bid_intents ORDER BY updated_ms").all() as { order_key: string; intent: string }[];
    return rows.map((r) => this.read(r.order_key, r.intent)).filter((i): i is BidIntent => i !== undefined);
  }

  /** A row this version cannot read is logged and left alone (never silently dropped: it may hold a deposit). */
  private read(key: string, text: string): BidIntent | undefined {
    try {
      const parsed = Intent.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      this.log(`[bidengine] unreadable bid intent ${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    } catch {
      this.log(`[bidengine] unreadable bid intent ${key}: not JSON`);
    }
    return undefined;
  }
}
