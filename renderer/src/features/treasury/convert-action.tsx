import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import { ActionError } from "../wizard/action-error";
import type { Balances } from "../funding/use-balances";
import { ActionPreview } from "./action-preview";
import { AmountField, amountProblem } from "./amount-field";
import { formatBaseUnits, parseDisplayAmount } from "./amounts";
import { TxResult } from "./tx-result";
import { useTxAction } from "./use-tx-action";

/** ACT earnings → AKT through the chain's BME module (MsgBurnACT); settles at the next BME epoch. */
export function ConvertAction({ api, balances, onDone }: { api: ProviderApi; balances: Balances; onDone: () => void }) {
  const [text, setText] = useState("");
  const { previewing, setPreviewing, action } = useTxAction();
  const problem = amountProblem(text, balances.uact);
  const parsed = parseDisplayAmount(text);
  const send = async () => {
    if (!parsed.ok) return;
    if (await action.run(() => api["treasury.burnAct"]({ amount: parsed.base }))) {
      setPreviewing(false);
      setText("");
      onDone();
    }
  };
  return (
    <section className="stack" aria-labelledby="convert-heading">
      <h3 id="convert-heading" className="subheading">
        Convert ACT to AKT
      </h3>
      {balances.uact === "0" ? <p className="help">No ACT to convert yet: lease earnings arrive in ACT.</p> : null}
      <div className="inline-form">
        <AmountField id="convert-amount" label="Amount" unit="ACT" text={text} max={balances.uact} onChange={(t) => { setText(t); setPreviewing(false); }} />
        <button type="button" className="button" disabled={problem !== null || action.busy} onClick={() => setPreviewing(true)}>
          Preview conversion
        </button>
      </div>
      {previewing && parsed.ok ? (
        <ActionPreview confirmLabel="Convert" busy={action.busy} onConfirm={() => void send()} onCancel={() => setPreviewing(false)}>
          <p>
            Burn {formatBaseUnits(parsed.base)} ACT ({parsed.base} uact) for AKT at the chain's oracle price. The AKT arrives at the next BME epoch; until then it shows as
            pending. Costs one transaction fee.
          </p>
        </ActionPreview>
      ) : null}
      {action.state.status === "done" && action.state.value ? <TxResult tx={action.state.value} what="Conversion sent" /> : null}
      {action.state.status === "error" ? <ActionError error={action.state.error} /> : null}
    </section>
  );
}
