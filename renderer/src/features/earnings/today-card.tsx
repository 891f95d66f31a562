import { useMemo } from "react";
import { CallView } from "../../components/call-view";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import { ElectricityNote, electricityText } from "./electricity-note";
import { todayQuery, usd } from "./format-money";
import "./earnings.css";

/** The Dashboard's "Today": earnings against electricity, and what is left. */
export function TodayCard() {
  const { api } = useConnection();
  const query = useMemo(() => todayQuery(new Date()), []);
  const today = useCall(api, "earnings.summary", query);
  return (
    <Card title="Today" headingId="today-heading">
      {today.status === "error" && today.error.code === "NOT_FOUND" ? (
        <EmptyState title="No earnings yet">Earnings, electricity cost and net profit appear here once your first lease pays.</EmptyState>
      ) : (
        <CallView result={today} loadingLabel="Loading today's earnings…">
          {(value) => (
            <>
              <dl className="earn-today" data-testid="today-card">
                <div>
                  <dt>Earned</dt>
                  <dd data-testid="today-earned">{usd(value.totals.earnedUsdMicro)}</dd>
                </div>
                <div>
                  <dt>Electricity</dt>
                  <dd data-testid="today-electricity">{electricityText(value.electricity, usd(value.totals.electricityUsdMicro))}</dd>
                </div>
                <div>
                  <dt>Net</dt>
                  <dd data-testid="today-net" data-sign={value.totals.netUsdMicro.startsWith("-") ? "negative" : "positive"}>
                    {usd(value.totals.netUsdMicro)}
                  </dd>
                  <dd className="earn-sub">after {usd(value.totals.feesUsdMicro, 4)} in fees</dd>
                </div>
              </dl>
              <ElectricityNote conversion={value.electricity} />
            </>
          )}
        </CallView>
      )}
    </Card>
  );
}
