import { useMemo, useState } from "react";
import type { ContractError } from "../../../../common/envelope";
import type { CapacityInventory, DesktopReserve, HardwareSettings } from "../../../../common/hardware-schemas";
import { ErrorMessage } from "../../components/error-message";
import { Loading } from "../../components/loading";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import { CapacityBar, formatAmount } from "./capacity-bar";
import { TextField } from "./fields";
import { machineDefaults, parseReserveDraft, previewReserve, toReserveDraft, type ReserveDraft } from "./reserve-draft";
import "./reserve.css";

// "What this PC keeps for you": the desktop reserve (hardware settings) the bid engine never sells,
// editable, with the capacity picture it produces previewed live from the draft. Saving goes through
// hardware.updateSettings; the app then has the bid engine decide the open orders again.

type SaveState = { status: "idle" } | { status: "saving" } | { status: "saved" } | { status: "error"; error: ContractError };

export function ReserveCard() {
  const { api } = useConnection();
  const settings = useCall(api, "hardware.settings");
  const capacity = useCall(api, "hardware.capacity");
  let body;
  if (settings.status === "loading" || capacity.status === "loading") body = <Loading label="Reading what this PC has and keeps…" />;
  else if (settings.status === "error") body = <ErrorMessage error={settings.error} onRetry={settings.reload} />;
  else if (capacity.status === "error") body = <ErrorMessage error={capacity.error} onRetry={capacity.reload} />;
  else
    body = (
      <ReserveEditor
        saved={settings.value.reserve}
        capacity={capacity.value}
        onSaved={(next) => {
          settings.set(next);
          capacity.reload();
        }}
      />
    );
  return (
    <section className="card rc-card" aria-labelledby="rc-heading">
      <h2 id="rc-heading" className="card-title">
        What this PC keeps for you
      </h2>
      <p className="muted">
        The desktop reserve: CPU threads, memory and disk that are never sold, so the PC stays usable for gaming and your own work. Leave a field empty to
        use the default for this machine. An order that needs more than is free to sell is declined.
      </p>
      {body}
    </section>
  );
}

function ReserveEditor({ saved, capacity, onSaved }: { saved: DesktopReserve; capacity: CapacityInventory; onSaved: (settings: HardwareSettings) => void }) {
  const { api } = useConnection();
  const baseline = useMemo(() => toReserveDraft(saved), [saved]);
  const [draft, setDraft] = useState<ReserveDraft>(baseline);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const result = useMemo(() => parseReserveDraft(draft, capacity, baseline), [draft, capacity, baseline]);
  const splits = useMemo(() => previewReserve(capacity, result.ok ? result.reserve : null), [capacity, result]);
  const defaults = machineDefaults(capacity.detected);
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);
  const errors = result.ok ? {} : result.errors;
  const errorCount = Object.keys(errors).length;

  const edit = (field: keyof ReserveDraft) => (value: string) => {
    setDraft({ ...draft, [field]: value });
    if (save.status !== "saving") setSave({ status: "idle" });
  };

  async function onSave() {
    if (!result.ok) return;
    setSave({ status: "saving" });
    const answer = await api["hardware.updateSettings"]({ reserve: result.reserve });
    if (answer.ok) {
      setDraft(toReserveDraft(answer.value.reserve));
      setSave({ status: "saved" });
      onSaved(answer.value);
    } else setSave({ status: "error", error: answer.error }); // the draft stays as typed
  }

  return (
    <div className="rc-layout">
      <div className="rc-fields">
        <TextField
          id="rc-cpu"
          label="CPU threads kept"
          value={draft.cpuThreads}
          onChange={edit("cpuThreads")}
          error={errors.cpuThreads}
          unit="threads"
          inputMode="numeric"
          help={`Empty: the default for this machine, ${formatAmount("cpu", defaults.cpuMillis)} of ${formatAmount("cpu", capacity.detected.cpuMillis)}.`}
        />
        <TextField
          id="rc-memory"
          label="Memory kept"
          value={draft.memoryGiB}
          onChange={edit("memoryGiB")}
          error={errors.memoryGiB}
          unit="GiB"
          help={`Empty: the default for this machine, ${formatAmount("memory", defaults.memoryBytes)} of ${formatAmount("memory", capacity.detected.memoryBytes)}.`}
        />
        <TextField
          id="rc-disk"
          label="Disk kept"
          value={draft.diskGiB}
          onChange={edit("diskGiB")}
          error={errors.diskGiB}
          unit="GiB"
          help={`Empty: the default, ${formatAmount("disk", defaults.storageBytes)} of the ${formatAmount("disk", capacity.detected.storageBytes)} free on ${capacity.storagePath}.`}
        />
        <div className="pf-actions">
          <button type="button" className="button button-primary" disabled={!result.ok || !dirty || save.status === "saving"} onClick={() => void onSave()}>
            {save.status === "saving" ? "Saving…" : "Save reserve"}
          </button>
          <button
            type="button"
            className="button"
            disabled={!dirty || save.status === "saving"}
            onClick={() => {
              setDraft(baseline);
              setSave({ status: "idle" });
            }}
          >
            Discard changes
          </button>
        </div>
        <p className="pf-status" aria-live="polite" data-testid="reserve-status">
          {errorCount > 0
            ? `${errorCount} field${errorCount === 1 ? " needs" : "s need"} fixing before you can save; the picture shows what is saved.`
            : save.status === "saved" && !dirty
              ? "Saved. The bid engine decides the open orders again with this reserve."
              : dirty
                ? "Unsaved changes: the picture shows them before you save."
                : "No changes."}
        </p>
        {save.status === "error" ? <ErrorMessage error={save.error} /> : null}
      </div>
      <div className="rc-picture" role="group" aria-labelledby="rc-picture-heading">
        <h3 id="rc-picture-heading" className="rc-picture-title">
          {dirty && result.ok ? "With your changes" : "Right now"}
        </h3>
        {splits.map((split) => (
          <CapacityBar key={split.key} split={split} storagePath={capacity.storagePath} />
        ))}
      </div>
    </div>
  );
}
