import { useState } from "react";
import type { ContractError } from "../../../common/envelope";
import type { Settings, SettingsPatch } from "../../../common/schemas";
import { CallView } from "../components/call-view";
import { Card } from "../components/card";
import { EmptyState } from "../components/empty-state";
import { ErrorMessage } from "../components/error-message";
import { PageHeader } from "../components/page-header";
import { DevnetPanel } from "../features/network/devnet-panel";
import { NotificationSettingsCard } from "../features/status/notification-settings";
import { EndpointsPanel } from "../features/network/endpoints-panel";
import { TransactionsTable } from "../features/treasury/transactions-table";
import { TreasuryPanel } from "../features/treasury/treasury-panel";
import { WalletSettings } from "../features/wallet/wallet-settings";
import { NETWORK_OPTIONS, networkDescription, networkLabel } from "../format/network";
import { useConnection } from "../hooks/api-context";
import { useCall } from "../hooks/use-call";
import { useEvent } from "../hooks/use-event";
import type { PageProps } from "./page-props";

type SaveState = { status: "idle" } | { status: "saving" } | { status: "saved" } | { status: "error"; error: ContractError };

/** The app's settings. Each change is saved at once; changes made elsewhere (the tray) show up live. */
export function SettingsPage({ focusHeading }: PageProps) {
  const { api } = useConnection();
  const settings = useCall(api, "settings.get");
  const info = useCall(api, "app.info");
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  useEvent(api, "settings.changed", settings.set);

  async function update(patch: SettingsPatch) {
    // Show the change at once (a control that lags its click feels broken), then take the app's answer;
    // on failure, reload what the app really has.
    if (settings.status === "ok") settings.set({ ...settings.value, ...patch });
    setSave({ status: "saving" });
    const result = await api["settings.update"](patch);
    if (result.ok) {
      settings.set(result.value);
      setSave({ status: "saved" });
    } else {
      settings.reload();
      setSave({ status: "error", error: result.error });
    }
  }

  const desktopOnly = info.status === "ok" && info.value.mode === "headless";
  return (
    <>
      <PageHeader title="Settings" focusOnMount={focusHeading} />
      <Card title="Preferences" headingId="preferences-heading" wide>
        <CallView result={settings} loadingLabel="Loading settings…">
          {(value) => <SettingsForm value={value} busy={save.status === "saving"} desktopOnly={desktopOnly} onChange={update} />}
        </CallView>
        <div className="save-status" aria-live="polite">
          {save.status === "saving" ? "Saving…" : save.status === "saved" ? "Saved." : null}
        </div>
        {save.status === "error" ? <ErrorMessage error={save.error} /> : null}
      </Card>
      {/* Everything below is per network: keyed by it, so a switch reloads it for the new one. */}
      {settings.status === "ok" ? <ChainSettings key={settings.value.network} network={settings.value.network} /> : null}
      <NotificationSettingsCard />
    </>
  );
}

/** RPC endpoints, wallet, treasury, the transaction log and (on the local network) the devnet. */
function ChainSettings({ network }: { network: Settings["network"] }) {
  const { api } = useConnection();
  const wallet = useCall(api, "wallet.status");
  const txs = useCall(api, "chain.transactions", { limit: 50 });
  useEvent(api, "wallet.changed", wallet.set);
  const address = wallet.status === "ok" ? wallet.value.address : null;
  return (
    <div className="settings-sections">
      <Card title="RPC endpoints" headingId="rpc-heading" wide>
        <EndpointsPanel api={api} network={network} />
      </Card>
      <Card title="Wallet" headingId="wallet-heading" wide>
        <CallView result={wallet} loadingLabel="Reading the wallet…">
          {(value) => <WalletSettings api={api} status={value} onChanged={wallet.set} />}
        </CallView>
      </Card>
      <Card title="Treasury" headingId="treasury-heading" wide>
        {address ? (
          <TreasuryPanel api={api} onSent={txs.reload} />
        ) : (
          <EmptyState title="No wallet yet">Balances, staking and sweeps appear here once the provider has a wallet on this chain (Onboarding → Wallet).</EmptyState>
        )}
      </Card>
      <Card title="Transactions" headingId="transactions-heading" wide>
        <CallView
          result={txs}
          loadingLabel="Loading transactions…"
          empty={{ when: (list) => list.length === 0, render: () => <EmptyState title="No transactions yet">Every transaction the app sends on this chain is listed here, with its hash and result.</EmptyState> }}
        >
          {(list) => (
            <>
              <TransactionsTable txs={list} />
              <button type="button" className="button" onClick={txs.reload}>
                Refresh
              </button>
            </>
          )}
        </CallView>
      </Card>
      {network === "local" ? (
        <Card title="Local devnet" headingId="devnet-heading" wide>
          <DevnetPanel api={api} onReset={() => { wallet.reload(); txs.reload(); }} />
        </Card>
      ) : null}
    </div>
  );
}

interface FormProps {
  value: Settings;
  busy: boolean;
  desktopOnly: boolean;
  onChange: (patch: SettingsPatch) => void;
}

function SettingsForm({ value, busy, desktopOnly, onChange }: FormProps) {
  return (
    // Controls stay enabled while saving: disabling one would throw the keyboard focus out of it.
    <form className="form" aria-busy={busy} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="setting-network">Network</label>
        <select
          id="setting-network"
          value={value.network}
          aria-describedby="setting-network-help"
          onChange={(event) => {
            const network = NETWORK_OPTIONS.find((option) => option === event.target.value);
            if (network) onChange({ network });
          }}
        >
          {NETWORK_OPTIONS.map((network) => (
            <option key={network} value={network}>
              {networkLabel(network)}
            </option>
          ))}
        </select>
        <p id="setting-network-help" className="help">
          {networkDescription(value.network)}
        </p>
      </div>
      <div className="field field-check">
        <input
          id="setting-start-at-login"
          type="checkbox"
          checked={value.startAtLogin}
          aria-describedby="setting-start-at-login-help"
          onChange={(event) => onChange({ startAtLogin: event.target.checked })}
        />
        <label htmlFor="setting-start-at-login">Start at login</label>
        <p id="setting-start-at-login-help" className="help">
          Starts the app when you log in, so the provider keeps earning after a restart.{desktopOnly ? " Applies to the desktop app." : ""}
        </p>
      </div>
      <div className="field field-check">
        <input
          id="setting-close-to-tray"
          type="checkbox"
          checked={value.closeToTray}
          aria-describedby="setting-close-to-tray-help"
          onChange={(event) => onChange({ closeToTray: event.target.checked })}
        />
        <label htmlFor="setting-close-to-tray">Close to tray</label>
        <p id="setting-close-to-tray-help" className="help">
          Closing the window keeps the provider running in the tray; quit from the tray menu.{desktopOnly ? " Applies to the desktop app." : ""}
        </p>
      </div>
    </form>
  );
}
