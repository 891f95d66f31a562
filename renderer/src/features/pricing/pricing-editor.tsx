import { useEffect, useMemo, useState } from "react";
import type { BidEngineSettings } from "../../../../common/bidengine-schemas";
import type { ContractError } from "../../../../common/envelope";
import { ErrorMessage } from "../../components/error-message";
import { useConnection } from "../../hooks/api-context";
import { fromDraft, restoreDraft, settingsPatch, toDraft, withModels, type PricingDraft } from "./draft";
import { PricePreview } from "./price-preview";
import { PricingForm } from "./pricing-form";
import { usePricePreview } from "./use-price-preview";
import "./pricing.css";

type SaveState = { status: "idle" } | { status: "saving" } | { status: "saved" } | { status: "error"; error: ContractError };

const UTILISATION_CHOICES = [10, 25, 50, 75, 100];
/** The unsaved draft survives leaving the page (and a reload) in this tab's session storage. */
const DRAFT_KEY = "apd.pricing.draft";

function storedDraft(baseline: PricingDraft): PricingDraft {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    return raw === null ? baseline : restoreDraft(JSON.parse(raw), baseline);
  } catch {
    return baseline; // storage unavailable or a torn value: start from what is saved
  }
}

function keepDraft(draft: PricingDraft | null): void {
  try {
    if (draft === null) sessionStorage.removeItem(DRAFT_KEY);
    else sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft still lives while the page is open.
  }
}

/** The draft, its live preview, and Save/Discard. Nothing is saved until every field is valid. */
export function PricingEditor({
  saved,
  detectedModels,
  onSaved,
  onOpenTariff,
}: {
  saved: BidEngineSettings;
  detectedModels: string[];
  onSaved: (s: BidEngineSettings) => void;
  /** Opens the Earnings page, where the electricity tariff the floor uses is set. */
  onOpenTariff?: () => void;
}) {
  const { api } = useConnection();
  const baseline = useMemo(() => withModels(toDraft(saved), detectedModels), [saved, detectedModels]);
  const [draft, setDraft] = useState<PricingDraft>(() => storedDraft(baseline));
  const [restored] = useState(() => JSON.stringify(draft) !== JSON.stringify(baseline));
  const [utilisation, setUtilisation] = useState(50);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const result = useMemo(() => fromDraft(saved, draft), [saved, draft]);
  const preview = usePricePreview(api, result.ok ? result.settings : null, utilisation, detectedModels);
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);
  useEffect(() => keepDraft(dirty ? draft : null), [draft, dirty]);
  const errors = result.ok ? {} : result.errors;
  const errorCount = Object.keys(errors).length;
  const shown = preview.status === "ok" ? preview.value : preview.status === "loading" ? preview.last : null;

  async function onSave() {
    if (!result.ok) return;
    setSave({ status: "saving" });
    const answer = await api["bidengine.updateSettings"](settingsPatch(result.settings));
    if (answer.ok) {
      setSave({ status: "saved" });
      onSaved(answer.value);
    } else setSave({ status: "error", error: answer.error }); // the draft stays as typed
  }

  return (
    <div className="pf-layout">
      <div className="pf-main">
        {restored && dirty ? <p className="notice pf-restored">Your unsaved changes from before are back. Save them, or discard them to see what is saved.</p> : null}
        <PricingForm
          draft={draft}
          errors={errors}
          tariff={shown?.tariff ?? null}
          onOpenTariff={onOpenTariff}
          onChange={(next) => {
            setDraft(next);
            if (save.status !== "saving") setSave({ status: "idle" });
          }}
        />
      </div>
      <aside className="pf-side" aria-labelledby="pf-preview-heading">
        <h2 id="pf-preview-heading" className="card-title">
          Preview before saving
        </h2>
        <div className="field">
          <label htmlFor="pf-utilisation">Assume leased</label>
          <select id="pf-utilisation" value={utilisation} onChange={(e) => setUtilisation(Number(e.target.value))}>
            {UTILISATION_CHOICES.map((u) => (
              <option key={u} value={u}>
                {u} % of the day
              </option>
            ))}
          </select>
        </div>
        <PricePreview state={preview} invalid={!result.ok} />
        <div className="pf-actions">
          <button type="button" className="button button-primary" disabled={!result.ok || !dirty || save.status === "saving"} onClick={() => void onSave()}>
            {save.status === "saving" ? "Saving…" : "Save prices"}
          </button>
          <button type="button" className="button" disabled={!dirty || save.status === "saving"} onClick={() => setDraft(baseline)}>
            Discard changes
          </button>
        </div>
        <p className="pf-status" aria-live="polite">
          {errorCount > 0
            ? `${errorCount} field${errorCount === 1 ? " needs" : "s need"} fixing before you can save.`
            : save.status === "saved" && !dirty
              ? "Saved. The engine uses these prices from its next order."
              : dirty
                ? "Unsaved changes."
                : "No changes."}
        </p>
        {save.status === "error" ? <ErrorMessage error={save.error} /> : null}
      </aside>
    </div>
  );
}
