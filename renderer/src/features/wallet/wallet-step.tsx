import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { WalletStatus } from "../../../../common/wallet-schemas";
import { CreateWallet } from "./create-wallet";
import { HotWalletAdvice } from "./hot-wallet-advice";
import { ImportWallet } from "./import-wallet";
import { UnlockForm } from "./unlock-form";
import "../wizard/forms.css";

/** The wizard's wallet step: create (backup quiz) or import; unlock when locked; the damaged case explained. */
export function WalletStep({ api, status, onChanged }: { api: ProviderApi; status: WalletStatus; onChanged: (status: WalletStatus) => void }) {
  const [mode, setMode] = useState<"create" | "import">("create");
  if (status.state === "unlocked") {
    return (
      <div className="wallet-panel">
        <p role="status">
          Wallet ready: <code className="address" data-testid="wallet-address">{status.address}</code>
        </p>
        <HotWalletAdvice />
      </div>
    );
  }
  if (status.state === "locked") return <UnlockForm api={api} status={status} onDone={onChanged} />;
  return (
    <div className="wallet-panel">
      <HotWalletAdvice />
      {status.state === "damaged" ? (
        <div className="error" role="alert">
          <p className="error-title">The wallet file on this machine cannot be opened.</p>
          <p className="error-detail">{status.problem ?? "Import your recovery phrase to restore it; the damaged file is kept aside."}</p>
        </div>
      ) : null}
      <div className="segmented" role="group" aria-label="Wallet source">
        <button type="button" className="button" aria-pressed={mode === "create"} onClick={() => setMode("create")}>
          New wallet
        </button>
        <button type="button" className="button" aria-pressed={mode === "import"} onClick={() => setMode("import")}>
          I have a recovery phrase
        </button>
      </div>
      {mode === "create" ? <CreateWallet api={api} status={status} onDone={onChanged} /> : <ImportWallet api={api} status={status} onDone={onChanged} />}
    </div>
  );
}
