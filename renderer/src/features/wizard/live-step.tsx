import type { ProviderApi } from "../../../../common/api";
import type { BidEngineSettings } from "../../../../common/bidengine-schemas";
import { ActionError } from "./action-error";
import { useAction } from "./use-action";
import type { StepView } from "./wizard-steps";

/** The last step: what is still missing, then switch bidding on. */
export function LiveStep({ api, steps, bidding, live, onLive, onDashboard }: { api: ProviderApi; steps: StepView[]; bidding: boolean | null; live: boolean; onLive: () => void; onDashboard: () => void }) {
  const start = useAction<BidEngineSettings>();
  const missing = steps.filter((s) => s.id !== "live" && s.status !== "done");
  if (live) {
    return (
      <div className="stack">
        <p role="status" className="notice-ok">
          The provider is live: the bid engine bids on orders this machine can serve, at your prices.
        </p>
        <div>
          <button type="button" className="button button-primary" onClick={onDashboard}>
            Open the dashboard
          </button>
        </div>
      </div>
    );
  }
  const goLive = async () => {
    if (bidding || (await start.run(() => api["bidengine.updateSettings"]({ paused: false })))) onLive();
  };
  return (
    <div className="stack">
      {missing.length > 0 ? (
        <div className="notice-warn" role="status">
          <p>Finish these steps first:</p>
          <ul className="plain-list">
            {missing.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>Everything is in place. Going live lets the bid engine bid on open orders; pause it any time from the Pricing page.</p>
      )}
      <div>
        <button type="button" className="button button-primary" disabled={missing.length > 0 || start.busy} onClick={() => void goLive()}>
          {bidding === false ? "Start bidding" : "Go live"}
        </button>
      </div>
      {start.state.status === "error" ? <ActionError error={start.state.error} /> : null}
    </div>
  );
}
