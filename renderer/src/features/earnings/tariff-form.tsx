import { useMemo, useState } from "react";
import type { ContractError } from "../../../../common/envelope";
import type { HardwareSettings, Tariff } from "../../../../common/hardware-schemas";
import { CallView } from "../../components/call-view";
import { ErrorMessage } from "../../components/error-message";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import { TextField } from "../pricing/fields";
import "../pricing/pricing.css";
import { fromTariffDraft, toTariffDraft, type TariffDraft } from "./tariff-draft";

type SaveState = { status: "idle" } | { status: "saving" } | { status: "saved" } | { status: "error"; error: ContractError };

const localTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
};

/** The electricity tariff that costs the measured energy, with its exchange rate to USD. */
export function TariffSettings({ onSaved }: { onSaved: () => void }) {
  const { api } = useConnection();
  const settings = useCall(api, "hardware.settings");
  return (
    <CallView result={settings} loadingLabel="Loading the tariff…">
      {(value) => (
        <TariffEditor
          saved={value.tariff}
          onSaved={(next) => {
            settings.set(next);
            onSaved();
          }}
        />
      )}
    </CallView>
  );
}

function TariffEditor({ saved, onSaved }: { saved: Tariff | null; onSaved: (s: HardwareSettings) => void }) {
  const { api } = useConnection();
  const baseline = useMemo(() => toTariffDraft(saved, localTimeZone()), [saved]);
  const [draft, setDraft] = useState<TariffDraft>(baseline);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const result = useMemo(() => fromTariffDraft(saved, draft), [saved, draft]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);
  // An untouched form (no tariff yet) is not an error; once the owner types, every problem shows.
  const errors = result.ok || !dirty ? {} : result.errors;
  const currency = draft.currency.trim().toUpperCase();
  const set = (key: keyof TariffDraft, value: string) => {
    setDraft({ ...draft, [key]: value });
    if (save.status !== "saving") setSave({ status: "idle" });
  };

  async function onSave() {
    if (!result.ok) return;
    setSave({ status: "saving" });
    const answer = await api["hardware.updateSettings"]({ tariff: result.tariff });
    if (!answer.ok) return setSave({ status: "error", error: answer.error }); // the draft stays as typed
    setSave({ status: "saved" });
    setDraft(toTariffDraft(answer.value.tariff, localTimeZone()));
    onSaved(answer.value);
  }

  return (
    <form
      className="pf-form"
      aria-label="Electricity tariff"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
    >
      {saved?.kind === "time_of_use" ? (
        <p className="help">A time-of-use tariff with {saved.bands.length} band(s): its bands are kept; the price here applies outside them.</p>
      ) : null}
      {!saved ? <p className="help">No tariff yet: electricity is measured but not costed until you set one.</p> : null}
      <div className="pf-grid">
        <TextField id="tariff-currency" label="Currency" inputMode="text" value={draft.currency} onChange={(v) => set("currency", v)} error={errors.currency} help="Three letters, as on your bill: EUR, GBP, USD…" />
        <TextField
          id="tariff-price"
          label={saved?.kind === "time_of_use" ? "Price outside the bands, per kWh" : "Price per kWh"}
          unit={`${currency || "—"}/kWh`}
          value={draft.pricePerKwh}
          onChange={(v) => set("pricePerKwh", v)}
          error={errors.pricePerKwh}
        />
        <TextField id="tariff-zone" label="Time zone" inputMode="text" value={draft.timeZone} onChange={(v) => set("timeZone", v)} error={errors.timeZone} help="Days and bands follow this zone." />
        {currency !== "USD" ? (
          <TextField
            id="tariff-rate"
            label={`Exchange rate: 1 ${/^[A-Z]{3}$/.test(currency) ? currency : "unit"} is worth`}
            unit="USD"
            value={draft.usdPerUnit}
            onChange={(v) => set("usdPerUnit", v)}
            error={errors.usdPerUnit}
            help="Earnings are in US dollars. The app has no rate feed: enter today's rate and update it now and then."
          />
        ) : null}
      </div>
      <div className="pf-actions">
        <button type="submit" className="button button-primary" disabled={!result.ok || !dirty || save.status === "saving"}>
          {save.status === "saving" ? "Saving…" : "Save tariff"}
        </button>
        <button type="button" className="button" disabled={!dirty || save.status === "saving"} onClick={() => setDraft(baseline)}>
          Discard changes
        </button>
      </div>
      <p className="pf-status" role="status" aria-live="polite" data-testid="tariff-status">
        {!result.ok && dirty ? "Fix the highlighted field before saving; nothing was saved." : save.status === "saved" && !dirty ? "Saved. Electricity figures use this tariff now." : dirty ? "Unsaved changes." : ""}
      </p>
      {save.status === "error" ? <ErrorMessage error={save.error} /> : null}
    </form>
  );
}
