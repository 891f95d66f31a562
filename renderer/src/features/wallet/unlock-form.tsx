import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { WalletStatus } from "../../../../common/wallet-schemas";
import { ActionError } from "../wizard/action-error";
import { useAction } from "../wizard/use-action";

/** The prompt a locked wallet shows: the passphrase (or the OS keychain) opens it for signing. */
export function UnlockForm({ api, status, onDone }: { api: ProviderApi; status: WalletStatus; onDone: (status: WalletStatus) => void }) {
  const [passphrase, setPassphrase] = useState("");
  const action = useAction<WalletStatus>();
  const submit = async () => {
    const result = await action.run(() => api["wallet.unlock"](status.needsPassphrase ? { passphrase } : {}));
    if (result) {
      setPassphrase("");
      onDone(result);
    }
  };
  return (
    <form
      className="unlock form"
      data-testid="unlock-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p>
        The wallet <code className="address">{status.address}</code> is locked. Unlock it so the provider can sign bids and withdrawals.
      </p>
      {status.needsPassphrase ? (
        <div className="field">
          <label htmlFor="unlock-passphrase">Wallet passphrase</label>
          <input id="unlock-passphrase" className="input" type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </div>
      ) : null}
      {action.state.status === "error" ? <ActionError error={action.state.error} /> : null}
      <button type="submit" className="button button-primary" disabled={action.busy || (status.needsPassphrase && passphrase === "")}>
        {action.busy ? "Unlocking…" : "Unlock wallet"}
      </button>
    </form>
  );
}
