import { DecisionView, type ReasonCode } from "../../common/bidengine-schemas";
import type { Db } from "../store/database";

// Every decision the engine makes, kept 30 days, queried newest first with the Bids view's filters.

export const DECISION_RETENTION_MS = 30 * 24 * 3600 * 1000;

export interface DecisionFilter {
  outcome?: "bid" | "declined";
  reason?: ReasonCode;
  tenant?: string;
  orderKey?: string;
  /** Inclusive lower bound on decidedAt. */
  since?: Date;
  /** Rows with an id below this (paging newest → oldest). */
  beforeId?: number;
  limit?: number;
}

export interface StoredDecision {
  id: number;
  view: DecisionView;
}

export class DecisionRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  record(views: readonly DecisionView[]): void {
    if (views.length === 0) return;
    const insert = this.db.prepare("INSERT INTO bid_decisions (order_key, tenant, decided_ms, outcome, reason, view) VALUES (?, ?, ?, ?, ?, ?)");
    this.db.transaction(() => {
      for (const v of views) insert.run(v.key, v.orderId.owner, Date.parse(v.decidedAt), v.outcome, v.reason, JSON.stringify(v));
    })();
  }

  list(filter: DecisionFilter = {}): StoredDecision[] {
    const where: string[] = ["decided_ms >= ?"];
    const args: (string | number)[] = [Math.max(filter.since?.getTime() ?? 0, this.now().getTime() - DECISION_RETENTION_MS)];
    const add = (clause: string, value: string | number | undefined) => {
      if (value === undefined || value === "") return;
      where.push(clause);
      args.push(value);
    };
    add("outcome = ?", filter.outcome);
    add("reason = ?", filter.reason);
    add("tenant = ?", filter.tenant);
    add("order_key = ?", filter.orderKey);
    add("id < ?", filter.beforeId);
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
    const rows = this.db
      .prepare(`SELECT id, view FROM bid_decisions WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT ${limit}`)
      .all(...args) as { id: number; view: string }[];
    const out: StoredDecision[] = [];
    for (const row of rows) {
      // A row this version cannot read is skipped, not fatal: the list is a history, not a ledger.
      try {
        const parsed = DecisionView.safeParse(JSON.parse(row.view));
        if (parsed.success) out.push({ id: row.id, view: parsed.data });
      } catch {
        continue;
      }
    }
    return out;
  }

  /** Deletes what is older than 30 days; returns how many rows went. */
  prune(): number {
    return this.db.prepare("DELETE FROM bid_decisions WHERE decided_ms < ?").run(this.now().getTime() - DECISION_RETENTION_MS).changes;
  }
}
