import type { ReasonCode } from "../../common/bidengine-schemas";
import { formatShort } from "./decimal";
import { fitOrder, type Placement } from "./capacity";
import { BID_DENOM, checkChainRules, type OrderFacts } from "./chain-rules";
import type { CompiledContext } from "./engine-context";
import type { Details, Fix } from "./decline";
import type { NormalizedOrder } from "./order-model";
import { priceOrder, type PriceQuote } from "./pricing";
import { checkPolicies } from "./owner-policies";

// One order → one decision, purely: the chain's rules, then capacity, then the owner's policies, then
// the price. The same function serves the live engine and screening; it has no side effects.

export interface Decision {
  order: NormalizedOrder;
  decidedAt: Date;
  outcome: "bid" | "declined";
  reason: ReasonCode | null;
  message: string;
  details: Details;
  fix: Fix | null;
  /** Present when outcome is "bid"; also when a price was computed before a decline. */
  quote: PriceQuote | null;
  /** Where the bid's replicas go (for the reservation); empty when declined. */
  placements: Placement[];
  denom: string;
}

export function decide(order: NormalizedOrder, ctx: CompiledContext, facts?: OrderFacts): Decision {
  const declined = (d: { reason: ReasonCode; message: string; details: Details; fix: Fix | null }, quote: PriceQuote | null = null): Decision => ({
    order,
    decidedAt: ctx.now,
    outcome: "declined",
    reason: d.reason,
    message: d.message,
    details: d.details,
    fix: d.fix,
    quote,
    placements: [],
    denom: BID_DENOM,
  });
  const rule = checkChainRules(order, ctx, facts);
  if (rule) return declined(rule);
  const fit = fitOrder(order, ctx);
  if (!fit.ok) return declined(fit.decline);
  const policy = checkPolicies(order, ctx);
  if (policy) return declined(policy);
  const priced = priceOrder(order, fit.placements, ctx);
  if (!priced.ok) return declined(priced.decline);
  const { quote } = priced;
  return {
    order,
    decidedAt: ctx.now,
    outcome: "bid",
    reason: null,
    message: bidMessage(quote),
    // The floor's tariff is named on every bid: a floor that moves with a time-of-use band says why.
    details: { placements: fit.placements.map((p) => `${p.replicas}×${p.gpuModel ?? "cpu"}@${p.node}`).join(", "), tariff: ctx.tariff.text },
    fix: null,
    quote,
    placements: fit.placements,
    denom: BID_DENOM,
  };
}

function bidMessage(q: PriceQuote): string {
  const capped = q.price === q.max && q.asked > q.max ? " (capped at the order's max)" : q.price === q.floor && q.asked < q.floor ? " (raised to your floor)" : "";
  return `bid ${formatShort(q.price)} uact/block${capped}; floor ${formatShort(q.floor)}, order max ${formatShort(q.max)}`;
}

/**
 * A "bid" whose reservation the hardware ledger refused: between the decision and the bid, its
 * capacity was taken (another bid, a lease, the desktop reserve counted against this PC).
 */
export function reservationRefused(bid: Decision, at: Date): Decision {
  return {
    ...bid,
    decidedAt: at,
    outcome: "declined",
    reason: "reservation_refused",
    message: "capacity was gone when the bid was sent: this PC's ledger (your desktop reserve plus what other bids and leases hold) refused to reserve it; decided again when capacity frees up",
    fix: { setting: "hardware.reserve", hint: "the desktop reserve keeps CPU, memory and disk for you; lower it to sell more" },
    placements: [],
  };
}
