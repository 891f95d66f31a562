import { useState } from "react";
import type { ContractError } from "../../../../common/envelope";
import type { NotificationKind, NotificationSettings } from "../../../../common/status-schemas";
import { CallView } from "../../components/call-view";
import { Card } from "../../components/card";
import { ErrorMessage } from "../../components/error-message";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import "./status.css";

const KINDS: { kind: NotificationKind; label: string; help: string }[] = [
  { kind: "leaseWon", label: "Lease won", help: "A tenant's deployment starts running on this machine." },
  { kind: "leaseClosed", label: "Lease closed", help: "A lease ended and its GPU is free again." },
  { kind: "lowCollateral", label: "Low collateral", help: "The wallet cannot fund more bids; repeated once a day while it lasts." },
  { kind: "offline", label: "Going offline", help: "The provider stopped bidding for more than two minutes (at most every 30 minutes)." },
];

/** Desktop notification switches, one per kind (Settings page). Self-contained: reads and saves its own. */
export function NotificationSettingsCard() {
  const { api } = useConnection();
  const settings = useCall(api, "notifications.settings");
  const [error, setError] = useState<ContractError | null>(null);

  const toggle = async (value: NotificationSettings, kind: NotificationKind, on: boolean) => {
    setError(null);
    settings.set({ ...value, [kind]: on }); // shown at once; the answer below is the truth
    const result = await api["notifications.updateSettings"]({ [kind]: on });
    if (result.ok) settings.set(result.value);
    else {
      setError(result.error);
      settings.reload();
    }
  };

  return (
    <div className="st-notify-section">
      <Card title="Notifications" headingId="notifications-heading" wide>
        <CallView result={settings} loadingLabel="Loading notification settings…">
          {(value) => (
            <form className="form st-notify" onSubmit={(event) => event.preventDefault()}>
              {KINDS.map(({ kind, label, help }) => (
                <div className="field field-check" key={kind}>
                  <input id={`notify-${kind}`} type="checkbox" checked={value[kind]} aria-describedby={`notify-${kind}-help`} onChange={(event) => void toggle(value, kind, event.target.checked)} />
                  <label htmlFor={`notify-${kind}`}>{label}</label>
                  <p id={`notify-${kind}-help`} className="help">
                    {help}
                  </p>
                </div>
              ))}
              <p className="footnote">Desktop notifications are shown by the desktop app; a headless rig shows the same alerts on the Dashboard.</p>
              {error ? <ErrorMessage error={error} /> : null}
            </form>
          )}
        </CallView>
      </Card>
    </div>
  );
}
