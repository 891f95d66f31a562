import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import { CallView } from "../../components/call-view";
import { ActionError } from "../wizard/action-error";
import { useCall } from "../../hooks/use-call";
import type { Balances } from "../funding/use-balances";
import { ActionPreview } from "./action-preview";
import { AmountField, amountProblem } from "./amount-field";
import { formatBaseUnits, parseDisplayAmount } from "./amounts";
import { TxResult } from "./tx-result";
import { useTxAction } from "./use-tx-action";

/** Commission is a decimal fraction on chain ("0.050000000000000000"): shown as a percentage, exactly. */
export function formatCommission(rate: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/u.exec(rate);
  if (!match) return rate;
  const digits = `${match[1]}${(match[2] ?? "").padEnd(18, "0").slice(0, 18)}`;
  const hundredths = BigInt(digits) / 10n ** 14n; // percent × 100
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, "0").replace(/0+$/u, "");
  return `${whole}${frac ? `.${frac}` : ""}%`;
}

/** Stake AKT above the bidding reserve with a validator the user picks (commission and status shown). */
export function StakeAction({ api, balances, onDone }: { api: ProviderApi; balances: Balances; onDone: () => void }) {
  const validators = useCall(api, "treasury.validators");
  const [validator, setValidator] = useState("");
  const [text, setText] = useState("");
  const { previewing, setPreviewing, action } = useTxAction();
  const problem = amountProblem(text, balances.sweepable);
  const parsed = parseDisplayAmount(text);
  const send = async () => {
    if (!parsed.ok || !validator) return;
    if (await action.run(() => api["treasury.stake"]({ validator, amount: parsed.base }))) {
      setPreviewing(false);
      setText("");
      onDone();
    }
  };
  return (
    <section className="stack" aria-labelledby="stake-heading">
      <h3 id="stake-heading" className="subheading">
        Stake AKT
      </h3>
      <CallView result={validators} loadingLabel="Loading validators…" empty={{ when: (list) => list.length === 0, render: () => <p className="help">The chain lists no validators.</p> }}>
        {(list) => {
          const chosen = list.find((v) => v.operatorAddress === validator);
          return (
            <>
              <div className="inline-form">
                <div className="field">
                  <label htmlFor="stake-validator">Validator</label>
                  <select id="stake-validator" className="input" value={validator} onChange={(e) => { setValidator(e.target.value); setPreviewing(false); }}>
                    <option value="">Choose a validator</option>
                    {list.map((v) => (
                      <option key={v.operatorAddress} value={v.operatorAddress}>
                        {v.moniker || v.operatorAddress} · commission {formatCommission(v.commission)} · {v.status}
                        {v.jailed ? " · jailed" : ""}
                      </option>
                    ))}
                  </select>
                </div>
                <AmountField id="stake-amount" label="Amount" unit="AKT" text={text} max={balances.sweepable} onChange={(t) => { setText(t); setPreviewing(false); }} />
                <button type="button" className="button" disabled={!chosen || problem !== null || action.busy} onClick={() => setPreviewing(true)}>
                  Preview stake
                </button>
              </div>
              {previewing && parsed.ok && chosen ? (
                <ActionPreview confirmLabel="Stake" busy={action.busy} onConfirm={() => void send()} onCancel={() => setPreviewing(false)}>
                  <p>
                    Delegate {formatBaseUnits(parsed.base)} AKT to {chosen.moniker || chosen.operatorAddress} (commission {formatCommission(chosen.commission)}, {chosen.status}). Staked AKT
                    earns rewards but takes 21 days to unbond; the bidding reserve is not touched.
                  </p>
                </ActionPreview>
              ) : null}
            </>
          );
        }}
      </CallView>
      {action.state.status === "done" && action.state.value ? <TxResult tx={action.state.value} what="Stake sent" /> : null}
      {action.state.status === "error" ? <ActionError error={action.state.error} /> : null}
    </section>
  );
}
