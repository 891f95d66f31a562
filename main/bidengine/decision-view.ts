import type { DecisionView } from "../../common/bidengine-schemas";
import { formatDec18 } from "./decimal";
import type { Decision } from "./decide";

/** The contract's (JSON-safe) form of a decision: bigints become decimal strings. */
export function toDecisionView(d: Decision): DecisionView {
  const q = d.quote;
  return {
    orderId: { owner: d.order.owner, dseq: d.order.dseq.toString(), gseq: d.order.gseq, oseq: d.order.oseq },
    key: d.order.key,
    decidedAt: d.decidedAt.toISOString(),
    outcome: d.outcome,
    reason: d.reason,
    message: d.message,
    details: d.details,
    fix: d.fix,
    price: d.outcome === "bid" && q ? { denom: d.denom, amount: formatDec18(q.price) } : null,
    floor: q ? formatDec18(q.floor) : null,
    maxPrice: q ? formatDec18(q.max) : null,
    marketReference: q?.marketReference != null ? formatDec18(q.marketReference) : null,
    strategy: q ? q.strategy : null,
  };
}
