import type { ProviderApi } from "../../../../common/api";
import type { MethodOutput } from "../../../../common/contract";
import type { NetworkId } from "../../../../common/schemas";
import { ActionError } from "../wizard/action-error";
import { Loading } from "../../components/loading";
import { formatBaseUnits } from "../treasury/amounts";
import { useAction } from "../wizard/use-action";
import { CopyButton } from "./copy-button";
import { useBalances } from "./use-balances";

// The funding step: where to send AKT, how much the provider needs (one bid deposit per concurrent bid
// plus a fee runway) and the balance as it arrives. On the local devnet a faucet button fills it.

export const BALANCE_POLL_MS = 3000;

export function FundingStep({ api, address, network, onFunded }: { api: ProviderApi; address: string; network: NetworkId; onFunded: () => void }) {
  const balances = useBalances(api, BALANCE_POLL_MS);
  const faucet = useAction<MethodOutput<"chain.faucet">>();
  const value = balances.value;
  const askFaucet = async () => {
    if (await faucet.run(() => api["chain.faucet"]())) balances.reload();
  };
  return (
    <div className="stack">
      <div className="field">
        <span className="field-label">Send AKT to the provider's address</span>
        <code className="address" data-testid="funding-address">
          {address}
        </code>
        <CopyButton text={address} label="Copy address" />
      </div>
      {network === "local" ? (
        <div className="actions">
          <button type="button" className="button button-primary" disabled={faucet.busy} onClick={() => void askFaucet()}>
            {faucet.busy ? "Asking the faucet…" : "Get devnet AKT from the faucet"}
          </button>
          {faucet.state.status === "done" ? <span className="result">Faucet sent {formatBaseUnits(faucet.state.value.amount)} AKT.</span> : null}
        </div>
      ) : (
        <p className="help">
          {network === "sandbox-2" ? "On the sandbox, get test AKT from the sandbox faucet web page." : "On mainnet, send AKT from an exchange or from your own wallet."} The
          balance below updates by itself.
        </p>
      )}
      {faucet.state.status === "error" ? <ActionError error={faucet.state.error} onRetry={() => void askFaucet()} /> : null}
      {balances.error && !value ? <ActionError error={balances.error} onRetry={balances.reload} /> : null}
      {!value && !balances.error ? <Loading label="Reading the balance from the chain…" /> : null}
      {value ? (
        <>
          <dl className="kv" data-testid="funding-balance">
            <dt>Balance</dt>
            <dd data-testid="balance-akt">{formatBaseUnits(value.uakt)} AKT</dd>
            <dt>Needed</dt>
            <dd>
              {formatBaseUnits(value.reserve.required)} AKT{" "}
              <span className="help">(one bid deposit for each bid that may be open at once, plus a runway for transaction fees)</span>
            </dd>
          </dl>
          <p role="status" className={value.reserve.status === "ok" ? "notice-ok" : "notice-warn"}>
            {value.reserve.message}
          </p>
          {value.reserve.status === "ok" ? (
            <button type="button" className="button button-primary" onClick={onFunded}>
              Continue
            </button>
          ) : (
            <p className="help">Waiting for funds… the balance is checked every few seconds.</p>
          )}
        </>
      ) : null}
    </div>
  );
}
