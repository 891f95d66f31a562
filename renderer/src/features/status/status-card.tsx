import { useRef, useState } from "react";
import type { StatusOverview } from "../../../../common/status-schemas";
import { CallView } from "../../components/call-view";
import { Card } from "../../components/card";
import { ErrorMessage } from "../../components/error-message";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import { useEvent } from "../../hooks/use-event";
import type { ContractError } from "../../../../common/envelope";
import type { PageId } from "../../navigation/pages";
import { formatDateTime } from "../../format/date-time";
import { AlertsList } from "./alerts-list";
import { formatBaseAmount, formatMicroUsd, runwaySentence, STATE_LABELS } from "./format-status";
import { GamingImpactPanel, type GamingCheck } from "./gaming-impact";
import "./status.css";

/** The Dashboard's first card: what the provider is doing and why, its counts, money runway and alerts. */
export function StatusCard({ navigate }: { navigate: (page: PageId) => void }) {
  const { api } = useConnection();
  const overview = useCall(api, "status.overview");
  useEvent(api, "status.changed", overview.set);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  // Set while the owner confirms gaming mode over running GPU leases (or over a failed check).
  const [gamingCheck, setGamingCheck] = useState<GamingCheck | null>(null);
  const gamingButton = useRef<HTMLButtonElement>(null);

  // Pause/resume go to the live engine; while it is not wired, its saved `paused` setting is the switch.
  const act = async (run: () => Promise<{ ok: boolean; error?: ContractError }>) => {
    setBusy(true);
    setError(null);
    const result = await run();
    if (!result.ok && result.error) setError(result.error);
    const fresh = await api["status.overview"]({ refresh: true });
    if (fresh.ok) overview.set(fresh.value);
    setBusy(false);
  };
  const setPaused = (paused: boolean) =>
    act(async () => {
      const direct = await api[paused ? "bidengine.pause" : "bidengine.resume"]();
      return direct.ok ? direct : api["bidengine.updateSettings"]({ paused });
    });
  const setGaming = async (on: boolean) => {
    await act(() => api["bidengine.setGaming"]({ on }));
    setGamingCheck(null);
  };
  // Turning it on: first ask which running leases use the GPU; with none, switch at once.
  const toggleGaming = async (on: boolean) => {
    if (!on) return setGaming(false);
    setBusy(true);
    setError(null);
    const impact = await api["gateway.gpuReclaimImpact"]();
    setBusy(false);
    if (impact.ok && impact.value.leases.length === 0) return setGaming(true);
    setGamingCheck(impact.ok ? { kind: "impact", impact: impact.value } : { kind: "error", error: impact.error });
  };

  return (
    <Card title="Status" headingId="status-heading" wide>
      <CallView result={overview} loadingLabel="Checking the provider's status…">
        {(o) => (
          <div className="st-body" data-testid="status-card">
            <div className="st-head">
              <span className="st-state" data-state={o.state} data-testid="status-state">
                <span className="st-dot" aria-hidden="true" />
                {STATE_LABELS[o.state]}
              </span>
              {o.reason ? <span className="st-reason">{o.reason}</span> : null}
              <span className="st-actions">
                <button type="button" className="button" disabled={busy} onClick={() => void setPaused(!o.paused)}>
                  {o.paused ? "Resume bidding" : "Pause bidding"}
                </button>
                {o.engineRunning ? (
                  <button type="button" className="button" ref={gamingButton} disabled={busy} aria-pressed={o.gamingMode} onClick={() => void toggleGaming(!o.gamingMode)}>
                    {o.gamingMode ? "Gaming mode: on" : "Gaming mode: off"}
                  </button>
                ) : null}
              </span>
            </div>
            {gamingCheck && !o.gamingMode ? (
              <GamingImpactPanel
                check={gamingCheck}
                pauseWhileGaming={o.pauseWhileGaming}
                busy={busy}
                onConfirm={() => void setGaming(true)}
                onCancel={() => setGamingCheck(null)}
                returnFocus={gamingButton}
              />
            ) : null}
            {error ? <ErrorMessage error={error} /> : null}
            <StatusFacts overview={o} />
            <h3 className="subheading">Alerts</h3>
            <AlertsList alerts={o.alerts} navigate={navigate} />
            <p className="footnote st-checked">Checked {formatDateTime(o.checkedAt)}; refreshed every 30 seconds and on every change.</p>
          </div>
        )}
      </CallView>
    </Card>
  );
}

function StatusFacts({ overview: o }: { overview: StatusOverview }) {
  const unknown = o.engineRunning ? "—" : "not running";
  return (
    <dl className="facts st-facts">
      <div className="fact">
        <dt>Active leases</dt>
        <dd>
          <span className="fact-main" data-testid="status-leases">{o.activeLeases ?? "unknown"}</span>
          <span className="fact-sub">{o.engineRunning ? "from the bid engine" : o.wallet.state === "none" ? "none without a wallet" : "from the earnings ledger"}</span>
        </dd>
      </div>
      <div className="fact">
        <dt>Open bids</dt>
        <dd>
          <span className="fact-main" data-testid="status-bids">{o.openBids ?? unknown}</span>
          <span className="fact-sub">{o.bidsLastDay === null ? "bid log unavailable" : `${o.bidsLastDay} placed in the last 24 h`}</span>
        </dd>
      </div>
      <div className="fact">
        <dt>Today's net</dt>
        <dd>
          <span className="fact-main">{o.todayNetUsdMicro === null ? "unknown" : formatMicroUsd(o.todayNetUsdMicro)}</span>
          <span className="fact-sub">earnings − electricity since midnight</span>
        </dd>
      </div>
      <div className="fact st-wide-fact">
        <dt>Wallet and collateral runway</dt>
        <dd>
          {o.runway ? (
            <>
              <span className="fact-main" data-testid="status-balance">
                {formatBaseAmount(o.runway.balance, o.runway.denom)}
                {o.runway.reserve !== "0" ? <span className="st-muted"> · {formatBaseAmount(o.runway.reserve, o.runway.denom)} kept in reserve</span> : null}
              </span>
              <span className="fact-sub">{runwaySentence(o.runway)}</span>
            </>
          ) : (
            <>
              <span className="fact-main">{o.wallet.state === "none" ? "No wallet" : o.wallet.state === "locked" ? "Wallet locked" : "Balance unknown"}</span>
              <span className="fact-sub">
                {o.wallet.address ? `${o.wallet.address} · the balance could not be read from the chain` : "The runway appears once a wallet exists and the chain answers."}
              </span>
            </>
          )}
        </dd>
      </div>
    </dl>
  );
}
