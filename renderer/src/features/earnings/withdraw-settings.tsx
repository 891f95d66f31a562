import { useEffect, useMemo, useState } from "react";
import type { EarningsSettings, WithdrawSchedule } from "../../../../common/earnings-schemas";
import type { ContractError } from "../../../../common/envelope";
import { CallView } from "../../components/call-view";
import { ErrorMessage } from "../../components/error-message";
import { formatDateTime } from "../../format/date-time";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import { DEFAULT_BLOCK_TIME_MS } from "../leases/lease-rate";
import { CheckField, TextField } from "../pricing/fields";
import "../pricing/pricing.css";
import { blocksAsTime, fromWithdrawDraft, toWithdrawDraft, type WithdrawDraft } from "./withdraw-draft";

type SaveState = { status: "idle" } | { status: "saving" } | { status: "saved" } | { status: "error"; error: ContractError };

/**
 * The withdraw scheduler's settings on the Earnings page, and when it next withdraws. `generation`
 * grows after each reconcile or withdraw: the schedule is read again (a draft being edited is kept).
 */
export function WithdrawSettings({ generation }: { generation: number }) {
  const { api } = useConnection();
  const settings = useCall(api, "earnings.settings");
  const schedule = useCall(api, "earnings.schedule");
  const engine = useCall(api, "bidengine.settings");
  const blockTimeMs = engine.status === "ok" ? engine.value.chain.blockTimeMs : DEFAULT_BLOCK_TIME_MS;
  const { reload: reloadSchedule } = schedule;
  useEffect(() => {
    if (generation > 0) reloadSchedule();
  }, [generation, reloadSchedule]);
  return (
    <CallView result={settings} loadingLabel="Loading withdrawal settings…">
      {(saved) => (
        <>
          <WithdrawEditor
            saved={saved}
            blockTimeMs={blockTimeMs}
            onSaved={(next) => {
              settings.set(next);
              schedule.reload();
            }}
          />
          {schedule.status === "ok" ? <ScheduleNote schedule={schedule.value} /> : null}
        </>
      )}
    </CallView>
  );
}

function WithdrawEditor({ saved, blockTimeMs, onSaved }: { saved: EarningsSettings; blockTimeMs: number; onSaved: (s: EarningsSettings) => void }) {
  const { api } = useConnection();
  const baseline = useMemo(() => toWithdrawDraft(saved), [saved]);
  const [draft, setDraft] = useState<WithdrawDraft>(baseline);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const result = useMemo(() => fromWithdrawDraft(draft), [draft]);
  const errors = result.ok ? {} : result.errors;
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);
  const set = <K extends keyof WithdrawDraft>(key: K, value: WithdrawDraft[K]) => {
    setDraft({ ...draft, [key]: value });
    if (save.status !== "saving") setSave({ status: "idle" });
  };

  async function onSave() {
    if (!result.ok) return;
    setSave({ status: "saving" });
    const answer = await api["earnings.updateSettings"](result.settings);
    if (!answer.ok) return setSave({ status: "error", error: answer.error }); // the draft stays as typed
    setSave({ status: "saved" });
    setDraft(toWithdrawDraft(answer.value));
    onSaved(answer.value);
  }

  const dryTime = blocksAsTime(draft.dryWithinBlocks, blockTimeMs);
  return (
    <form
      className="pf-form"
      aria-label="Withdrawal settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
    >
      <CheckField
        id="wd-auto"
        label="Withdraw automatically"
        checked={draft.autoWithdraw}
        onChange={(v) => set("autoWithdraw", v)}
        help="Off: earnings stay in the tenants' escrow until you use “Withdraw now”."
      />
      <div className="pf-grid">
        <TextField
          id="wd-every"
          label="Withdraw each lease every"
          unit="hours"
          value={draft.withdrawEveryHours}
          onChange={(v) => set("withdrawEveryHours", v)}
          error={errors.withdrawEveryHours}
          help="A lease is skipped while what it accrued would not cover the transaction fee."
        />
        <TextField
          id="wd-dry"
          label="At once when the tenant's escrow runs dry within"
          unit={dryTime ? `blocks (${dryTime})` : "blocks"}
          inputMode="numeric"
          value={draft.dryWithinBlocks}
          onChange={(v) => set("dryWithinBlocks", v)}
          error={errors.dryWithinBlocks}
          help={`A block is about ${Math.round(blockTimeMs / 100) / 10} s; what accrued is collected before the lease closes for lack of funds.`}
        />
        <TextField
          id="wd-batch"
          label="Most leases per transaction"
          inputMode="numeric"
          value={draft.maxLeasesPerTx}
          onChange={(v) => set("maxLeasesPerTx", v)}
          error={errors.maxLeasesPerTx}
          help="Several withdrawals share one transaction (and its base fee)."
        />
      </div>
      <div className="pf-actions">
        <button type="submit" className="button button-primary" disabled={!result.ok || !dirty || save.status === "saving"}>
          {save.status === "saving" ? "Saving…" : "Save withdrawal settings"}
        </button>
        <button type="button" className="button" disabled={!dirty || save.status === "saving"} onClick={() => setDraft(baseline)}>
          Discard changes
        </button>
      </div>
      <p className="pf-status" role="status" aria-live="polite" data-testid="withdraw-status">
        {!result.ok
          ? "Fix the highlighted field before saving; nothing was saved."
          : save.status === "saved" && !dirty
            ? "Saved. The scheduler uses these settings from its next pass."
            : dirty
              ? "Unsaved changes."
              : ""}
      </p>
      {save.status === "error" ? <ErrorMessage error={save.error} /> : null}
    </form>
  );
}

function ScheduleNote({ schedule }: { schedule: WithdrawSchedule }) {
  const text = !schedule.autoWithdraw
    ? "Automatic withdrawals are off."
    : schedule.nextDueAt === null
      ? "No active lease to withdraw from yet."
      : `Next scheduled withdrawal: due ${formatDateTime(schedule.nextDueAt)} (${schedule.activeLeases} active lease${schedule.activeLeases === 1 ? "" : "s"}; the scheduler checks every few minutes, and sooner for a lease running dry).`;
  return (
    <p className="earn-status" data-testid="withdraw-next">
      {text}
    </p>
  );
}
