import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { DevnetStatus } from "../../../../common/devnet-schemas";
import { CallView } from "../../components/call-view";
import { ActionError } from "../wizard/action-error";
import { useCall } from "../../hooks/use-call";
import { useAction } from "../wizard/use-action";
import { DevnetFacts } from "./devnet-facts";

/** Settings → local devnet: its state, and a reset (asks first: the local chain's history is wiped). */
export function DevnetPanel({ api, onReset }: { api: ProviderApi; onReset: () => void }) {
  const status = useCall(api, "devnet.status");
  const [confirming, setConfirming] = useState(false);
  const reset = useAction<DevnetStatus>();
  const run = async () => {
    const next = await reset.run(() => api["devnet.reset"]());
    setConfirming(false);
    if (next) {
      status.set(next);
      onReset();
    }
  };
  return (
    <div className="stack">
      <CallView result={status} loadingLabel="Checking the local devnet…">
        {(value) => <DevnetFacts status={value} />}
      </CallView>
      {confirming ? (
        <div className="preview" role="group" aria-label="Confirm reset">
          <p>
            Wipe the local devnet and start a new chain? Its blocks, balances, the provider record and certificates on it are gone; the wallet stays (fund it again
            with the faucet).
          </p>
          <div className="actions">
            <button type="button" className="button button-primary" disabled={reset.busy} onClick={() => void run()}>
              {reset.busy ? "Resetting…" : "Yes, reset the devnet"}
            </button>
            <button type="button" className="button" disabled={reset.busy} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Reset devnet…
          </button>
        </div>
      )}
      {reset.state.status === "error" ? <ActionError error={reset.state.error} /> : null}
      {reset.state.status === "done" ? <p role="status" className="result">The devnet was reset: a new chain is running.</p> : null}
    </div>
  );
}
