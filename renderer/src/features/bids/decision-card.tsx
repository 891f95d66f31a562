import type { DecisionView } from "../../../../common/bidengine-schemas";
import { formatDateTime } from "../../format/date-time";
import type { PageId } from "../../navigation/pages";
import { formatUactPerBlock } from "../pricing/format-amount";
import { reasonLabel, settingOnPricingPage } from "./reason-labels";

/** One decision: the order, the outcome and its reason in words, the numbers, and what would change it. */
export function DecisionCard({ decision, navigate }: { decision: DecisionView; navigate?: (page: PageId) => void }) {
  const d = decision;
  const details = Object.entries(d.details);
  return (
    <li className="bd-card" data-outcome={d.outcome} data-reason={d.reason ?? undefined}>
      <div className="bd-head">
        <span className={d.outcome === "bid" ? "bd-badge bd-badge-bid" : "bd-badge"}>{d.outcome === "bid" ? "Bid" : `Declined: ${reasonLabel(d.reason)}`}</span>
        <span className="bd-order" title={d.key}>
          {d.orderId.owner.slice(0, 12)}…/{d.orderId.dseq}/{d.orderId.gseq}/{d.orderId.oseq}
        </span>
        <span className="bd-time">{formatDateTime(d.decidedAt)}</span>
      </div>
      <p className="bd-message">{d.message}</p>
      {d.price || d.floor || d.maxPrice ? (
        <dl className="bd-numbers">
          {d.price ? (
            <div>
              <dt>Bid</dt>
              <dd>{formatUactPerBlock(d.price.amount)}</dd>
            </div>
          ) : null}
          {d.floor ? (
            <div>
              <dt>Your floor</dt>
              <dd>{formatUactPerBlock(d.floor)}</dd>
            </div>
          ) : null}
          {d.maxPrice ? (
            <div>
              <dt>Order pays at most</dt>
              <dd>{formatUactPerBlock(d.maxPrice)}</dd>
            </div>
          ) : null}
          {d.marketReference ? (
            <div>
              <dt>Market reference</dt>
              <dd>{formatUactPerBlock(d.marketReference)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {details.length > 0 ? (
        <details className="bd-details">
          <summary>The numbers behind it</summary>
          <dl className="kv">
            {details.map(([key, value]) => (
              <div key={key} className="bd-kv">
                <dt>{key}</dt>
                <dd>{value === null ? "—" : String(value)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      {d.fix ? (
        <div className="bd-fix">
          <p>
            <span className="bd-fix-label">What would change it:</span> {d.fix.hint} (<code>{d.fix.setting}</code>)
          </p>
          {navigate && settingOnPricingPage(d.fix.setting) ? (
            <button type="button" className="button" onClick={() => navigate("pricing")}>
              Open Pricing
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
