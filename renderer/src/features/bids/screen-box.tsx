import { useState } from "react";
import type { ScreenOutput } from "../../../../common/bidengine-schemas";
import type { ContractError } from "../../../../common/envelope";
import { ErrorMessage } from "../../components/error-message";
import { useConnection } from "../../hooks/api-context";
import type { PageId } from "../../navigation/pages";
import { DecisionList } from "./decision-list";

type State = { status: "idle" } | { status: "checking" } | { status: "done"; value: ScreenOutput } | { status: "error"; error: ContractError };

/**
 * "Would I bid on this?": paste an order (the chain's REST JSON, one order or an orders-list response)
 * or a dseq (the app reads that deployment's open orders) and see the engine's decision for each,
 * with nothing reserved, recorded or sent.
 */
export function ScreenBox({ navigate }: { navigate: (page: PageId) => void }) {
  const { api } = useConnection();
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });

  async function check() {
    if (text.trim() === "") return setState({ status: "error", error: { code: "INVALID_INPUT", message: "Paste an order JSON, an orders-list response, or a dseq first." } });
    setState({ status: "checking" });
    const result = await api["bidengine.screen"]({ order: text });
    setState(result.ok ? { status: "done", value: result.value } : { status: "error", error: result.error });
  }

  return (
    <div className="bd-screen">
      <label htmlFor="bd-screen-input" className="bd-screen-label">
        Order JSON or dseq
      </label>
      <textarea
        id="bd-screen-input"
        className="bd-screen-input"
        rows={6}
        spellCheck={false}
        placeholder='{"orders":[…]} from /akash/market/v1beta5/orders/list, one order, or a dseq such as 21183741'
        aria-describedby="bd-screen-help"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p id="bd-screen-help" className="help">
        Paste an order JSON, an orders-list response, or a dseq (optionally as owner/dseq): a dseq's open orders are read from the selected network. Nothing is bid, reserved or recorded.
      </p>
      <div className="bd-screen-actions">
        <button type="button" className="button button-primary" disabled={state.status === "checking"} onClick={() => void check()}>
          {state.status === "checking" ? "Checking…" : "Would I bid on this?"}
        </button>
        {text ? (
          <button type="button" className="button" onClick={() => (setText(""), setState({ status: "idle" }))}>
            Clear
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {state.status === "error" ? <ErrorMessage error={state.error} /> : null}
        {state.status === "done" ? (
          <div className="bd-screen-result">
            <p className="bd-summary">
              {summary(state.value)}
            </p>
            {state.value.rejected.length > 0 ? (
              <ul className="bd-rejected" aria-label="Orders that could not be read">
                {state.value.rejected.map((r) => (
                  <li key={r.index}>
                    Order #{r.index + 1} could not be read: {r.message}
                  </li>
                ))}
              </ul>
            ) : null}
            <DecisionList decisions={state.value.decisions} navigate={navigate} label="Screening result" />
          </div>
        ) : null}
      </div>
    </div>
  );
}

function summary(v: ScreenOutput): string {
  const bid = v.decisions.filter((d) => d.outcome === "bid").length;
  const n = v.decisions.length;
  return `${n} order${n === 1 ? "" : "s"} checked: ${bid} would get a bid, ${n - bid} declined.`;
}
