import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { WalletBackupFile, WalletStatus } from "../../../../common/wallet-schemas";
import { ActionError } from "../wizard/action-error";
import { useAction } from "../wizard/use-action";
import { newPassphraseProblem } from "./passphrase";
import { PassphraseFields } from "./passphrase-fields";
import { UnlockForm } from "./unlock-form";
import "../wizard/forms.css";

/** Settings → wallet: lock, change the passphrase, export an encrypted backup file. */
export function WalletSettings({ api, status, onChanged }: { api: ProviderApi; status: WalletStatus; onChanged: (status: WalletStatus) => void }) {
  const lock = useAction<WalletStatus>();
  if (status.state === "none" || status.state === "backup-pending") return <p className="help">No wallet on this network yet: create or import one in Onboarding.</p>;
  if (status.state === "damaged") {
    return (
      <div className="error" role="alert">
        <p className="error-title">The wallet file cannot be opened.</p>
        <p className="error-detail">{status.problem ?? "Import the recovery phrase in Onboarding to restore it."}</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <dl className="kv">
        <dt>Address</dt>
        <dd className="address" data-testid="settings-wallet-address">
          {status.address}
        </dd>
        <dt>State</dt>
        <dd>{status.state === "unlocked" ? "Unlocked: the provider can sign" : "Locked: nothing can be signed until it is unlocked"}</dd>
        <dt>Protection</dt>
        <dd>{status.protection === "os-keychain" ? "This system's keychain" : "Your passphrase (scrypt + AES-256-GCM)"}</dd>
      </dl>
      {status.state === "locked" ? (
        <UnlockForm api={api} status={status} onDone={onChanged} />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={lock.busy}
            onClick={async () => {
              const next = await lock.run(() => api["wallet.lock"]());
              if (next) onChanged(next);
            }}
          >
            Lock wallet
          </button>
          <span className="help">Locking stops bidding and withdrawals until you unlock again.</span>
        </div>
      )}
      {lock.state.status === "error" ? <ActionError error={lock.state.error} /> : null}
      {status.protection === "passphrase" ? <ChangePassphrase api={api} onChanged={onChanged} /> : null}
      <ExportBackup api={api} />
    </div>
  );
}

function ChangePassphrase({ api, onChanged }: { api: ProviderApi; onChanged: (status: WalletStatus) => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState({ value: "", confirm: "" });
  const action = useAction<WalletStatus>();
  const problem = newPassphraseProblem(next.value, next.confirm);
  return (
    <form
      className="form"
      aria-labelledby="change-pass-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (problem || current === "") return;
        const status = await action.run(() => api["wallet.changePassphrase"]({ current, next: next.value }));
        if (status) {
          setCurrent("");
          setNext({ value: "", confirm: "" });
          onChanged(status);
        }
      }}
    >
      <h3 id="change-pass-heading" className="subheading">
        Change passphrase
      </h3>
      <div className="field">
        <label htmlFor="current-passphrase">Current passphrase</label>
        <input id="current-passphrase" className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <PassphraseFields idPrefix="next" label="New passphrase" value={next.value} confirm={next.confirm} onChange={(value, confirm) => setNext({ value, confirm })} />
      {action.state.status === "error" ? <ActionError error={action.state.error} /> : null}
      {action.state.status === "done" ? <p role="status" className="result">Passphrase changed.</p> : null}
      <div>
        <button type="submit" className="button" disabled={action.busy || problem !== null || current === ""}>
          {action.busy ? "Re-encrypting…" : "Change passphrase"}
        </button>
      </div>
    </form>
  );
}

function ExportBackup({ api }: { api: ProviderApi }) {
  const [pass, setPass] = useState({ value: "", confirm: "" });
  const [url, setUrl] = useState<string | null>(null);
  const action = useAction<WalletBackupFile>();
  const problem = newPassphraseProblem(pass.value, pass.confirm);
  return (
    <form
      className="form"
      aria-labelledby="export-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        if (problem) return;
        const file = await action.run(() => api["wallet.exportBackup"]({ passphrase: pass.value }));
        if (file) {
          if (url) URL.revokeObjectURL(url);
          setUrl(URL.createObjectURL(new Blob([file.content], { type: "application/json" })));
          setPass({ value: "", confirm: "" });
        }
      }}
    >
      <h3 id="export-heading" className="subheading">
        Export an encrypted backup
      </h3>
      <p className="help">A file you can keep off this machine and import later. It is sealed with the backup passphrase you choose here.</p>
      <PassphraseFields
        idPrefix="backup"
        label="Backup passphrase"
        help="Needed to import the file. Use a different passphrase from the wallet's, and keep it apart from the file."
        value={pass.value}
        confirm={pass.confirm}
        onChange={(value, confirm) => setPass({ value, confirm })}
      />
      {action.state.status === "error" ? <ActionError error={action.state.error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={action.busy || problem !== null}>
          {action.busy ? "Encrypting…" : "Create backup file"}
        </button>
        {action.state.status === "done" && url ? (
          <a className="button button-primary" href={url} download={action.state.value.fileName}>
            Download {action.state.value.fileName}
          </a>
        ) : null}
      </div>
    </form>
  );
}
