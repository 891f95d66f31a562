import { useState } from "react";
import type { ContractError } from "../../../../common/envelope";
import { CallView } from "../../components/call-view";
import { ErrorMessage } from "../../components/error-message";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import { useEvent } from "../../hooks/use-event";

/**
 * "Start at login?" for the onboarding wizard's last step: the same `startAtLogin` setting as the
 * Settings page (off by default), saved at once. Self-contained, so the wizard only places it.
 */
export function StartAtLoginChoice() {
  const { api } = useConnection();
  const settings = useCall(api, "settings.get");
  useEvent(api, "settings.changed", settings.set);
  const [error, setError] = useState<ContractError | null>(null);
  return (
    <CallView result={settings} loadingLabel="Loading settings…">
      {(value) => (
        <div className="field field-check">
          <input
            id="wizard-start-at-login"
            type="checkbox"
            checked={value.startAtLogin}
            aria-describedby="wizard-start-at-login-help"
            onChange={async (event) => {
              setError(null);
              const result = await api["settings.update"]({ startAtLogin: event.target.checked });
              if (result.ok) settings.set(result.value);
              else setError(result.error);
            }}
          />
          <label htmlFor="wizard-start-at-login">Start the provider when I log in</label>
          <p id="wizard-start-at-login-help" className="help">
            The app starts in the tray after a restart, so bids and running leases go on without you opening it. You can change this in Settings.
          </p>
          {error ? <ErrorMessage error={error} /> : null}
        </div>
      )}
    </CallView>
  );
}
