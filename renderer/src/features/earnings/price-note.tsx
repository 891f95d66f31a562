import type { AktPrice } from "../../../../common/earnings-schemas";
import { formatDateTime } from "../../format/date-time";

/** "AKT $2.00 as of …" with a visible warning when the oracle price is stale or unreadable. */
export function PriceNote({ price }: { price: AktPrice }) {
  return (
    <p className="earn-price" data-stale={price.stale ? "true" : "false"}>
      {price.usd ? `AKT $${Number(price.usd).toFixed(4)} (chain oracle) as of ${price.asOf ? formatDateTime(price.asOf) : "unknown"}` : "AKT price not read yet"}
      {price.stale && <strong className="earn-warn"> — stale: AKT values may be off until the chain's price can be read again.</strong>}
      {price.error && <span className="earn-sub"> {price.error}</span>}
    </p>
  );
}
