import { useState } from "react";
import type { ReasonCode } from "../../../../common/bidengine-schemas";
import { CallView } from "../../components/call-view";
import { EmptyState } from "../../components/empty-state";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import type { PageId } from "../../navigation/pages";
import { DecisionList } from "./decision-list";
import { decisionQuery, REASON_CODES, reasonLabel, TIME_RANGES, type TimeRangeId } from "./reason-labels";

/** Every order the engine decided on, newest first, filtered by outcome, reason and time. */
export function DecisionsPanel({ navigate }: { navigate: (page: PageId) => void }) {
  const { api } = useConnection();
  const [outcome, setOutcome] = useState<"" | "bid" | "declined">("");
  const [reason, setReason] = useState<"" | ReasonCode>("");
  const [range, setRange] = useState<TimeRangeId>("24h");
  // The window's start is fixed when a filter changes, not on every render.
  const [now, setNow] = useState(() => Date.now());
  const query = decisionQuery({ outcome, reason, range }, now);
  const decisions = useCall(api, "bidengine.decisions", query);
  const filtered = outcome !== "" || reason !== "";
  return (
    <>
      <div className="bd-filters" role="group" aria-label="Filter decisions">
        <label>
          Outcome
          <select value={outcome} onChange={(e) => (setOutcome(e.target.value as typeof outcome), setNow(Date.now()))}>
            <option value="">All</option>
            <option value="bid">Bid</option>
            <option value="declined">Declined</option>
          </select>
        </label>
        <label>
          Reason
          <select value={reason} onChange={(e) => (setReason(e.target.value as typeof reason), setNow(Date.now()))}>
            <option value="">Any reason</option>
            {REASON_CODES.map((code) => (
              <option key={code} value={code}>
                {reasonLabel(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Time
          <select value={range} onChange={(e) => (setRange(e.target.value as TimeRangeId), setNow(Date.now()))}>
            {TIME_RANGES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => (setNow(Date.now()), decisions.reload())}>
          Refresh
        </button>
      </div>
      <CallView
        result={decisions}
        loadingLabel="Loading the bid engine's decisions…"
        empty={{
          when: (v) => v.decisions.length === 0,
          render: () => (
            <EmptyState title={filtered ? "No decisions match these filters" : "No decisions yet"}>
              {filtered
                ? "Try another outcome, reason or a longer time range."
                : "Every order the bid engine sees appears here with its decision and the reason, including why it did not bid. Decisions are kept 30 days."}
            </EmptyState>
          ),
        }}
      >
        {(value) => <DecisionList decisions={value.decisions} navigate={navigate} label="Bid engine decisions" />}
      </CallView>
    </>
  );
}
