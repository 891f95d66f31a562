import type { ProviderApi } from "../../../../common/api";
import { ActionError } from "../wizard/action-error";
import type { Balances } from "../funding/use-balances";
import { ActionPreview } from "./action-preview";
import { formatBaseUnits } from "./amounts";
import { TxResult } from "./tx-result";
import { useTxAction } from "./use-tx-action";

/** Withdraws staking rewards from every validator this wallet delegates to. */
export function ClaimAction({ api, balances, onDone }: { api: ProviderApi; balances: Balances; onDone: () => void }) {
  const { previewing, setPreviewing, action } = useTxAction();
  const send = async () => {
    await action.run(() => api["treasury.claimRewards"]());
    setPreviewing(false);
    onDone();
  };
  return (
    <section className="stack" aria-labelledby="claim-heading">
      <h3 id="claim-heading" className="subheading">
        Claim staking rewards
      </h3>
      <div className="actions">
        <button type="button" className="button" disabled={balances.rewards === "0" || action.busy} onClick={() => setPreviewing(true)}>
          Preview claim
        </button>
        {balances.rewards === "0" ? <span className="help">No rewards to claim yet.</span> : null}
      </div>
      {previewing ? (
        <ActionPreview confirmLabel="Claim rewards" busy={action.busy} onConfirm={() => void send()} onCancel={() => setPreviewing(false)}>
          <p>Withdraw about {formatBaseUnits(balances.rewards)} AKT of rewards to this wallet. Costs one transaction fee.</p>
        </ActionPreview>
      ) : null}
      {action.state.status === "done" ? action.state.value ? <TxResult tx={action.state.value} what="Rewards claimed" /> : <p role="status">There were no rewards to claim.</p> : null}
      {action.state.status === "error" ? <ActionError error={action.state.error} /> : null}
    </section>
  );
}
