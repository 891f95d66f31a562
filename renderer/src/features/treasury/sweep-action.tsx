import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import { ActionError } from "../wizard/action-error";
import type { Balances } from "../funding/use-balances";
import { ActionPreview } from "./action-preview";
import { AmountField, amountProblem } from "./amount-field";
import { formatBaseUnits, parseDisplayAmount } from "./amounts";
import { TxResult } from "./tx-result";
import { useTxAction } from "./use-tx-action";

const ADDRESS = /^akash1[02-9ac-hj-np-z]{38,58}$/u;

/** Sends AKT above the reserve to the owner's own (cold) address: earnings leave the hot wallet. */
export function SweepAction({ api, balances, onDone }: { api: ProviderApi; balances: Balances; onDone: () => void }) {
  const [to, setTo] = useState("");
  const [text, setText] = useState("");
  const { previewing, setPreviewing, action } = useTxAction();
  const toProblem = to.trim() === "" ? null : !ADDRESS.test(to.trim()) ? "Enter an akash1… address." : to.trim() === balances.address ? "That is the provider's own address: sweep to your cold wallet." : null;
  const problem = amountProblem(text, balances.sweepable, true);
  const parsed = parseDisplayAmount(text);
  const amount = text.trim() === "" ? balances.sweepable : parsed.ok ? parsed.base : null;
  const send = async () => {
    const input = text.trim() === "" || !parsed.ok ? { to: to.trim() } : { to: to.trim(), amount: parsed.base };
    const result = await action.run(() => api["treasury.sweep"](input));
    setPreviewing(false);
    if (result) onDone();
  };
  const edit = (change: () => void) => {
    change();
    setPreviewing(false);
  };
  return (
    <section className="stack" aria-labelledby="sweep-heading">
      <h3 id="sweep-heading" className="subheading">
        Sweep to your own address
      </h3>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="sweep-to">Your cold wallet address</label>
          <input id="sweep-to" className="input address-input" spellCheck={false} value={to} aria-invalid={toProblem !== null} aria-describedby="sweep-to-help" onChange={(e) => edit(() => setTo(e.target.value))} />
          <p id="sweep-to-help" className={toProblem ? "field-error" : "help"}>
            {toProblem ?? "An address you control elsewhere (hardware wallet, Keplr)."}
          </p>
        </div>
        <AmountField id="sweep-amount" label="Amount" unit="AKT" text={text} max={balances.sweepable} optional onChange={(t) => edit(() => setText(t))} />
        <button type="button" className="button" disabled={to.trim() === "" || toProblem !== null || problem !== null || amount === "0" || action.busy} onClick={() => setPreviewing(true)}>
          Preview sweep
        </button>
      </div>
      {previewing && amount ? (
        <ActionPreview confirmLabel="Sweep" busy={action.busy} onConfirm={() => void send()} onCancel={() => setPreviewing(false)}>
          <p>
            Send {formatBaseUnits(amount)} AKT to <code className="mono">{to.trim()}</code>. The {formatBaseUnits(balances.reserve.required)} AKT reserve for bidding stays in the provider wallet.
          </p>
        </ActionPreview>
      ) : null}
      {action.state.status === "done" ? action.state.value ? <TxResult tx={action.state.value} what="Sweep sent" /> : <p role="status">Nothing above the reserve to sweep.</p> : null}
      {action.state.status === "error" ? <ActionError error={action.state.error} /> : null}
    </section>
  );
}
