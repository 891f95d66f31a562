import { newPassphraseProblem } from "./passphrase";

/** A new passphrase typed twice, with its problem shown under the fields once the user has typed. */
export function PassphraseFields({
  idPrefix,
  value,
  confirm,
  onChange,
  label = "Wallet passphrase",
  help = "Asked when the app starts, to unlock the wallet. It cannot be recovered: keep it with your recovery words.",
}: {
  idPrefix: string;
  value: string;
  confirm: string;
  onChange: (value: string, confirm: string) => void;
  label?: string;
  help?: string;
}) {
  const problem = value === "" && confirm === "" ? null : newPassphraseProblem(value, confirm);
  const helpId = `${idPrefix}-help`;
  return (
    <div className="wallet-fields">
      <div className="field">
        <label htmlFor={`${idPrefix}-pass`}>{label}</label>
        <input
          id={`${idPrefix}-pass`}
          className="input"
          type="password"
          autoComplete="new-password"
          value={value}
          aria-invalid={problem !== null}
          aria-describedby={helpId}
          onChange={(e) => onChange(e.target.value, confirm)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-confirm`}>Type the passphrase again</label>
        <input
          id={`${idPrefix}-confirm`}
          className="input"
          type="password"
          autoComplete="new-password"
          value={confirm}
          aria-invalid={problem !== null}
          aria-describedby={helpId}
          onChange={(e) => onChange(value, e.target.value)}
        />
      </div>
      <p id={helpId} className={problem ? "field-error" : "help"} role={problem ? "alert" : undefined}>
        {problem ?? help}
      </p>
    </div>
  );
}
