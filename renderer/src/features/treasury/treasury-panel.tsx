import type { ProviderApi } from "../../../../common/api";
import { ActionError } from "../wizard/action-error";
import { Loading } from "../../components/loading";
import { useBalances } from "../funding/use-balances";
import { BalancesView } from "./balances-view";
import { ClaimAction } from "./claim-action";
import { ConvertAction } from "./convert-action";
import { StakeAction } from "./stake-action";
import { SweepAction } from "./sweep-action";
import "../wizard/forms.css";
import "./treasury.css";

export const TREASURY_POLL_MS = 10_000;

/** Settings → treasury: balances, and the four moves, each previewed before it is sent. */
export function TreasuryPanel({ api, onSent }: { api: ProviderApi; onSent: () => void }) {
  const balances = useBalances(api, TREASURY_POLL_MS);
  const done = () => {
    balances.reload();
    onSent();
  };
  if (!balances.value) {
    return balances.error ? <ActionError error={balances.error} onRetry={balances.reload} /> : <Loading label="Reading balances from the chain…" />;
  }
  const value = balances.value;
  return (
    <div className="stack">
      <BalancesView balances={value} />
      {balances.error ? <ActionError error={balances.error} onRetry={balances.reload} /> : null}
      <div className="treasury-actions">
        <ConvertAction api={api} balances={value} onDone={done} />
        <StakeAction api={api} balances={value} onDone={done} />
        <ClaimAction api={api} balances={value} onDone={done} />
        <SweepAction api={api} balances={value} onDone={done} />
      </div>
    </div>
  );
}
