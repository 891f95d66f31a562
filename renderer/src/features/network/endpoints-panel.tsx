import "../wizard/forms.css";
import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { RpcPoolSnapshot } from "../../../../common/chain-schemas";
import type { NetworkId } from "../../../../common/schemas";
import { CallView } from "../../components/call-view";
import { ActionError } from "../wizard/action-error";
import { useCall } from "../../hooks/use-call";
import { useAction } from "../wizard/use-action";
import { EndpointsTable } from "./endpoints-table";
import { endpointsProblem, parseEndpoints } from "./endpoints-input";

/** Settings → RPC endpoints: the pool's health, and the user's own endpoints (replacing the defaults). */
export function EndpointsPanel({ api, network }: { api: ProviderApi; network: NetworkId }) {
  const rpc = useCall(api, "chain.rpcStatus");
  const [text, setText] = useState("");
  const save = useAction<RpcPoolSnapshot>();
  const problem = text.trim() === "" ? null : endpointsProblem(text);
  const submit = async () => {
    const snapshot = await save.run(() => api["chain.setEndpoints"]({ network, endpoints: parseEndpoints(text) }));
    if (snapshot) {
      rpc.set(snapshot);
      setText("");
    }
  };
  return (
    <div className="stack">
      <CallView result={rpc} loadingLabel="Checking the RPC endpoints…">
        {(value) => <EndpointsTable snapshot={value} />}
      </CallView>
      <div className="actions">
        <button type="button" className="button" onClick={async () => {
          const fresh = await api["chain.rpcStatus"]({ refresh: true });
          if (fresh.ok) rpc.set(fresh.value);
          else rpc.reload();
        }}>
          Check all endpoints now
        </button>
      </div>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem && text.trim() !== "") void submit();
        }}
      >
        <div className="field">
          <label htmlFor="custom-endpoints">Your own RPC endpoints</label>
          <textarea
            id="custom-endpoints"
            className="input textarea"
            rows={3}
            spellCheck={false}
            placeholder="https://rpc.example.com:443"
            value={text}
            aria-invalid={problem !== null}
            aria-describedby="custom-endpoints-help"
            onChange={(e) => setText(e.target.value)}
          />
          <p id="custom-endpoints-help" className={problem ? "field-error" : "help"}>
            {problem ?? "One CometBFT RPC URL per line (up to 8). They replace the built-in list for this chain and are health-checked the same way."}
          </p>
        </div>
        {save.state.status === "error" ? <ActionError error={save.state.error} /> : null}
        <div>
          <button type="submit" className="button" disabled={save.busy || problem !== null || text.trim() === ""}>
            {save.busy ? "Checking…" : "Use these endpoints"}
          </button>
        </div>
      </form>
    </div>
  );
}
