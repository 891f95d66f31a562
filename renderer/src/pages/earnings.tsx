import { useCallback, useEffect, useMemo, useState } from "react";
import { CallView } from "../components/call-view";
import { Card } from "../components/card";
import { EmptyState } from "../components/empty-state";
import { ErrorMessage } from "../components/error-message";
import { PageHeader } from "../components/page-header";
import { BreakEvenFacts } from "../features/earnings/break-even-facts";
import { ElectricityNote, electricityText } from "../features/earnings/electricity-note";
import { downloadText } from "../features/earnings/download-csv";
import { EarningsChart } from "../features/earnings/earnings-chart";
import { PERIODS, periodQuery, token, usd, type Period } from "../features/earnings/format-money";
import { LeaseTable } from "../features/earnings/lease-table";
import { PriceNote } from "../features/earnings/price-note";
import { TariffSettings } from "../features/earnings/tariff-form";
import { WithdrawSettings } from "../features/earnings/withdraw-settings";
import "../features/earnings/earnings.css";
import { useConnection } from "../hooks/api-context";
import { useCall } from "../hooks/use-call";
import type { ContractError } from "../../../common/envelope";
import type { PageProps } from "./page-props";

const initialPeriod = (): Period => {
  const asked = new URLSearchParams(window.location.search).get("period");
  return PERIODS.some((p) => p.id === asked) ? (asked as Period) : "month-daily";
};

export function EarningsPage({ focusHeading }: PageProps) {
  const { api } = useConnection();
  const [period, setPeriod] = useState<Period>(initialPeriod);
  const [generation, setGeneration] = useState(0);
  const query = useMemo(() => ({ ...periodQuery(period, new Date()), generation }), [period, generation]);
  const range = useMemo(() => ({ from: query.from, to: query.to }), [query]);
  const summary = useCall(api, "earnings.summary", { from: query.from, to: query.to, granularity: query.granularity });
  const leases = useCall(api, "earnings.leases", range);
  const breakEven = useCall(api, "earnings.breakEven");
  // useCall refetches when its input changes, and asking the same period again gives the same input
  // (its end is rounded to the hour): each new generation (after a reconcile, a withdraw, a tariff
  // change) must call the figures again, or the page keeps showing what it had before.
  const { reload: reloadSummary } = summary;
  const { reload: reloadLeases } = leases;
  useEffect(() => {
    if (generation === 0) return;
    reloadSummary();
    reloadLeases();
  }, [generation, reloadSummary, reloadLeases]);
  const [busy, setBusy] = useState<"" | "refresh" | "withdraw" | "csv">("");
  const [actionError, setActionError] = useState<ContractError | null>(null);
  const [status, setStatus] = useState("");
  const markRendered = useCallback(() => document.body.setAttribute("data-earnings-chart", "rendered"), []);

  const refresh = async () => {
    setBusy("refresh");
    setActionError(null);
    const result = await api["earnings.reconcile"](undefined);
    setBusy("");
    if (!result.ok) return setActionError(result.error);
    setStatus(`Reconciled with the chain at height ${result.value.height}: ${result.value.rowsAdded} new ledger row(s).`);
    setGeneration((g) => g + 1);
    breakEven.reload();
  };

  const withdrawNow = async () => {
    setBusy("withdraw");
    setActionError(null);
    const result = await api["earnings.withdraw"](undefined);
    setBusy("");
    if (!result.ok) return setActionError(result.error);
    const skipped = result.value.skipped.length;
    setStatus(`Withdrew ${result.value.withdrawn.length} lease(s) in ${result.value.txHashes.length} transaction(s)${skipped ? `; ${skipped} skipped (${result.value.skipped[0]!.reason})` : ""}.`);
    setGeneration((g) => g + 1);
  };

  const exportCsv = async () => {
    setBusy("csv");
    setActionError(null);
    const result = await api["earnings.exportCsv"](range);
    setBusy("");
    if (!result.ok) return setActionError(result.error);
    downloadText(result.value.filename, result.value.csv);
    setStatus(`Exported ${result.value.rows} ledger row(s) to ${result.value.filename}.`);
  };

  return (
    <>
      <PageHeader title="Earnings" focusOnMount={focusHeading}>
        What leases paid, what the electricity cost, and what is left — reconciled with the chain.
      </PageHeader>
      <div className="earn-stack">
        <Card title="Earnings against electricity" headingId="earnings-heading" wide>
          <div className="earn-controls">
            <label htmlFor="earn-period">Period</label>
            <select id="earn-period" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
              {PERIODS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={() => void refresh()} disabled={busy !== ""}>
              {busy === "refresh" ? "Reading the chain…" : "Update from chain"}
            </button>
            <button type="button" className="button" onClick={() => void withdrawNow()} disabled={busy !== ""}>
              {busy === "withdraw" ? "Withdrawing…" : "Withdraw now"}
            </button>
            <button type="button" className="button" onClick={() => void exportCsv()} disabled={busy !== ""}>
              {busy === "csv" ? "Exporting…" : "Export CSV for taxes"}
            </button>
          </div>
          <p className="earn-status" role="status" aria-live="polite">
            {status}
          </p>
          {actionError && <ErrorMessage error={actionError} />}
          {/* Outside the empty state: a missing exchange rate matters before the first lease pays too. */}
          {summary.status === "ok" && <ElectricityNote conversion={summary.value.electricity} />}
          {summary.status === "error" && summary.error.code === "NOT_FOUND" ? (
            <EmptyState title="No earnings yet">Earnings appear here once your first lease pays. This machine has no wallet yet: onboarding creates one.</EmptyState>
          ) : (
            <CallView
              result={summary}
              loadingLabel="Loading earnings…"
              empty={{
                when: (v) => v.totals.earnedUact === "0" && v.totals.electricityUsdMicro === "0",
                render: () => (
                  <EmptyState title="No earnings in this period">
                    Earnings appear here once a lease pays, with the electricity it took and the net profit. Use “Update from chain” to book the latest.
                  </EmptyState>
                ),
              }}
            >
              {(value) => (
                <>
                  <dl className="earn-totals">
                    <div>
                      <dt>Earned</dt>
                      <dd data-testid="total-earned">{usd(value.totals.earnedUsdMicro)}</dd>
                      <dd className="earn-sub" data-testid="total-earned-act">
                        {token(value.totals.earnedUact, "ACT", 6)} ≈ {token(value.totals.earnedUakt, "AKT")}
                      </dd>
                    </div>
                    <div>
                      <dt>Electricity</dt>
                      <dd data-testid="total-electricity">{electricityText(value.electricity, usd(value.totals.electricityUsdMicro))}</dd>
                    </div>
                    <div>
                      <dt>Fees</dt>
                      <dd>{usd(value.totals.feesUsdMicro, 4)}</dd>
                    </div>
                    <div>
                      <dt>Net</dt>
                      <dd data-testid="total-net" data-sign={value.totals.netUsdMicro.startsWith("-") ? "negative" : "positive"}>
                        {usd(value.totals.netUsdMicro)}
                      </dd>
                    </div>
                  </dl>
                  <EarningsChart buckets={value.buckets} granularity={value.granularity} onRendered={markRendered} />
                  <PriceNote price={value.price} />
                  {value.reconciledHeight !== null && <p className="earn-status">Ledger reconciled at block {value.reconciledHeight}.</p>}
                </>
              )}
            </CallView>
          )}
        </Card>
        <Card title="Per lease" headingId="earnings-leases-heading" wide>
          {leases.status === "error" && leases.error.code === "NOT_FOUND" ? (
            <EmptyState title="No leases yet">Leases appear here once the bid engine wins one.</EmptyState>
          ) : (
            <CallView result={leases} loadingLabel="Loading leases…" empty={{ when: (v) => v.length === 0, render: () => <EmptyState title="No leases in this period">Active and paying leases appear here.</EmptyState> }}>
              {(value) => <LeaseTable leases={value} />}
            </CallView>
          )}
        </Card>
        <Card title="Break-even" headingId="earnings-break-even-heading" wide>
          {breakEven.status === "error" && breakEven.error.code === "NOT_FOUND" ? (
            <EmptyState title="Nothing to compare yet">The break-even prices appear once there are earnings and measured electricity this month.</EmptyState>
          ) : (
            <CallView result={breakEven} loadingLabel="Loading break-even…">
              {(value) => <BreakEvenFacts value={value} />}
            </CallView>
          )}
        </Card>
        <Card title="Withdrawals" headingId="earnings-withdrawals-heading" wide>
          <WithdrawSettings generation={generation} />
        </Card>
        <Card title="Electricity tariff" headingId="earnings-tariff-heading" wide>
          <TariffSettings
            onSaved={() => {
              setGeneration((g) => g + 1);
              breakEven.reload();
            }}
          />
        </Card>
      </div>
    </>
  );
}
