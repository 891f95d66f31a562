import { ErrorMessage } from "../../components/error-message";
import { Loading } from "../../components/loading";
import { formatUactPerBlock, formatUsd } from "./format-amount";
import type { PreviewState } from "./use-price-preview";

/** The live preview: for each reference workload, the bid per block, the floor, and $/day. */
export function PricePreview({ state, invalid }: { state: PreviewState; invalid: boolean }) {
  const value = state.status === "ok" ? state.value : state.status === "loading" ? state.last : null;
  return (
    <div className="pf-preview" aria-live="polite" aria-busy={state.status === "loading"}>
      {invalid ? <p className="notice">Fix the highlighted fields to update the preview. The preview shows the last valid draft.</p> : null}
      {state.status === "error" ? <ErrorMessage error={state.error} /> : null}
      {value === null ? (
        state.status === "error" ? null : <Loading label="Pricing the reference workloads…" />
      ) : (
        <>
          <ul className="pf-refs" aria-label="What your draft prices would bid">
            {value.references.map((r) => (
              <li key={r.label} className="pf-ref" data-testid={`preview-${r.gpuModel ?? "cpu"}`}>
                <p className="pf-ref-title">{r.label}</p>
                {r.raisedToFloor ? <p className="pf-flag">Your price is below the cost floor: the bid is raised to the floor.</p> : null}
                {r.marketFallback ? <p className="pf-flag">No market data for this model yet: priced at your fixed price.</p> : null}
                <dl className="pf-figures">
                  <div>
                    <dt>Bid</dt>
                    <dd>{formatUactPerBlock(r.price)}</dd>
                  </div>
                  <div>
                    <dt>Cost floor</dt>
                    <dd>{formatUactPerBlock(r.floor)}</dd>
                  </div>
                  <div>
                    <dt>Per hour</dt>
                    <dd>{formatUsd(r.usdPerHour, 4)}</dd>
                  </div>
                  <div>
                    <dt>Est. per day</dt>
                    <dd>
                      {formatUsd(r.usdPerDay)} <span className="pf-sub">(floor {formatUsd(r.floorUsdPerDay)})</span>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <p className="footnote">{value.assumption}</p>
        </>
      )}
    </div>
  );
}
