import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { WalletStatus } from "../../../../common/wallet-schemas";
import { describeError } from "../../format/error";
import { useAction } from "../wizard/use-action";
import { mnemonicShapeProblem, newPassphraseProblem } from "./passphrase";
import { PassphraseFields } from "./passphrase-fields";

/** Import: a recovery phrase the user already has; the app's verdict (word list, checksum) shows inline. */
export function ImportWallet({ api, status, onDone }: { api: ProviderApi; status: WalletStatus; onDone: (status: WalletStatus) => void }) {
  const [mnemonic, setMnemonic] = useState("");
  const [touched, setTouched] = useState(false);
  const [pass, setPass] = useState({ value: "", confirm: "" });
  const action = useAction<WalletStatus>();
  const shape = mnemonicShapeProblem(mnemonic);
  const passProblem = status.needsPassphrase ? newPassphraseProblem(pass.value, pass.confirm) : null;
  const appProblem = action.state.status === "error" ? describeError(action.state.error) : null;
  const fieldProblem = (touched ? shape : null) ?? (appProblem ? appProblem.detail || appProblem.title : null);

  const submit = async () => {
    setTouched(true);
    if (shape || passProblem) return;
    const result = await action.run(() => api["wallet.import"]({ mnemonic: mnemonic.trim().split(/\s+/u).join(" "), ...(status.needsPassphrase ? { passphrase: pass.value } : {}) }));
    if (result) onDone(result);
  };

  return (
    <form
      className="wallet-panel form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor="import-mnemonic">Recovery phrase</label>
        <textarea
          id="import-mnemonic"
          className="input textarea"
          rows={3}
          autoComplete="off"
          spellCheck={false}
          value={mnemonic}
          aria-invalid={fieldProblem !== null}
          aria-describedby="import-mnemonic-help"
          onChange={(e) => {
            setMnemonic(e.target.value);
            if (action.state.status === "error") action.reset();
          }}
          onBlur={() => setTouched(mnemonic !== "")}
        />
        <p id="import-mnemonic-help" className={fieldProblem ? "field-error" : "help"} role={fieldProblem ? "alert" : undefined}>
          {fieldProblem ?? "The 12 or 24 words, separated by spaces. They are encrypted on this machine and never shown again."}
        </p>
      </div>
      {status.needsPassphrase ? <PassphraseFields idPrefix="import" value={pass.value} confirm={pass.confirm} onChange={(value, c) => setPass({ value, confirm: c })} /> : null}
      <button type="submit" className="button button-primary" disabled={action.busy || passProblem !== null || mnemonic.trim() === ""}>
        {action.busy ? "Importing…" : "Import wallet"}
      </button>
    </form>
  );
}
