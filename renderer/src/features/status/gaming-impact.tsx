import { useEffect, useRef, type KeyboardEvent, type RefObject } from "react";
import type { ContractError } from "../../../../common/envelope";
import type { GpuReclaimImpact } from "../../../../common/serving-schemas";
import { ErrorMessage } from "../../components/error-message";
import { describeReclaimImpact, gamingModeEffect } from "./format-gaming-impact";

// The confirmation shown before gaming mode goes on while tenants' leases use the GPU, so no running
// lease is affected without the owner seeing it. Inline (no browser confirm()): focus moves into it,
// Escape cancels, and focus goes back to the switch that opened it when it closes.

/** What the impact check answered: the leases using GPUs, or why it could not tell. */
export type GamingCheck = { kind: "impact"; impact: GpuReclaimImpact } | { kind: "error"; error: ContractError };

export function GamingImpactPanel({
  check,
  pauseWhileGaming,
  busy,
  onConfirm,
  onCancel,
  returnFocus,
}: {
  check: GamingCheck;
  pauseWhileGaming: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes when the panel closes (the switch was disabled while checking, so it lost focus). */
  returnFocus?: RefObject<HTMLElement | null>;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    return () => returnFocus?.current?.focus();
  }, [returnFocus]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !busy) {
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="gi-panel" role="dialog" aria-modal="false" aria-labelledby="gi-title" aria-describedby="gi-effect" onKeyDown={onKeyDown} data-testid="gaming-impact">
      <h3 id="gi-title" className="gi-title" tabIndex={-1} ref={heading}>
        Turn on gaming mode?
      </h3>
      {check.kind === "impact" ? <ImpactDetails impact={check.impact} /> : <CheckFailed error={check.error} />}
      <p id="gi-effect" className="gi-effect">
        {gamingModeEffect(pauseWhileGaming)}
      </p>
      <div className="gi-buttons">
        <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>
          Turn on gaming mode
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ImpactDetails({ impact }: { impact: GpuReclaimImpact }) {
  const view = describeReclaimImpact(impact);
  const leases = view.rows.length === 1 ? "1 running lease uses" : `${view.rows.length} running leases use`;
  return (
    <>
      <p>
        {leases} {view.gpus === 1 ? "1 GPU" : `${view.gpus} GPUs`} of this PC. If you close {view.rows.length === 1 ? "it" : "them"} to take the GPU back, this stops
        coming in: <strong data-testid="gaming-impact-total">{view.totals.length > 0 ? view.totals.join(" + ") : "nothing (they pay no price per block)"}</strong>.
      </p>
      <ul className="gi-leases" aria-label="Leases using the GPU">
        {view.rows.map((r) => (
          <li key={r.key} className="gi-lease">
            <span className="gi-lease-id">{r.lease}</span>
            <span className="gi-lease-sub">
              tenant <abbr title={r.ownerFull}>{r.owner}</abbr> · {r.gpus} · {r.perHour}
            </span>
            <span className="gi-lease-sub">Accrued so far: {r.accrued}, paid out to you when the lease closes, not lost.</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function CheckFailed({ error }: { error: ContractError }) {
  return (
    <>
      <p>Could not check which running leases use the GPU, so this cannot say what closing them would cost:</p>
      <ErrorMessage error={error} />
    </>
  );
}
