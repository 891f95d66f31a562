import type { ProviderApi } from "../../../../common/api";
import type { NetworkId } from "../../../../common/schemas";
import { CallView } from "../../components/call-view";
import { networkLabel } from "../../format/network";
import { useCall } from "../../hooks/use-call";
import { DevnetFacts } from "./devnet-facts";
import { EndpointsTable } from "./endpoints-table";

/** The wizard's network checks: the chain's RPC endpoints answer, and on the local network the app's own devnet runs (when it has one). */
export function NetworkStep({ api, network, onContinue }: { api: ProviderApi; network: NetworkId; onContinue: () => void }) {
  const rpc = useCall(api, "chain.rpcStatus", { refresh: true });
  const devnet = useCall(api, "devnet.status");
  // An external devnet (the app runs none of its own) only needs its RPC endpoint to answer.
  const devnetOk = network !== "local" || (devnet.status === "ok" && (devnet.value.running || devnet.value.managed === false));
  const ok = rpc.status === "ok" && rpc.value.active !== null && devnetOk;
  return (
    <div className="stack">
      <p>
        Network: <strong>{networkLabel(network)}</strong>. Change it in Settings.
      </p>
      {network === "local" ? (
        <CallView result={devnet} loadingLabel="Checking the local devnet…">
          {(value) => <DevnetFacts status={value} />}
        </CallView>
      ) : null}
      <CallView result={rpc} loadingLabel="Checking the chain's RPC endpoints…">
        {(value) => <EndpointsTable snapshot={value} />}
      </CallView>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            rpc.reload();
            devnet.reload();
          }}
        >
          Check again
        </button>
        <button type="button" className="button button-primary" disabled={!ok} onClick={onContinue}>
          Continue
        </button>
      </div>
    </div>
  );
}
