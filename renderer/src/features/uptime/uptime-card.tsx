import { CallView } from "../../components/call-view";
import { Card } from "../../components/card";
import { useConnection } from "../../hooks/api-context";
import { useCall } from "../../hooks/use-call";
import { useEvent } from "../../hooks/use-event";
import { formatDateTime } from "../../format/date-time";
import { formatMinutes, windowCell } from "./format-uptime";
import { GatewayTargetForm } from "./gateway-target-form";
import "./uptime.css";

const STATE_LABELS = { up: "Up", down: "Down", unknown: "Unknown" } as const;

/** Uptime on the Dashboard: each probe now, over 24 h / 7 d / 30 d, gaps when the app was not running. */
export function UptimeCard() {
  const { api } = useConnection();
  const summary = useCall(api, "uptime.summary");
  const incidents = useCall(api, "uptime.incidents", { limit: 5 });
  useEvent(api, "uptime.changed", () => {
    summary.reload();
    incidents.reload();
  });
  return (
    <Card title="Uptime" headingId="uptime-heading" wide>
      <CallView result={summary} loadingLabel="Loading uptime…">
        {(s) => (
          <div className="up-body">
            <ul className="up-probes" aria-label="Probes now">
              {s.probes.map((p) => (
                <li key={p.id} className="up-probe" data-state={p.state} data-testid={`uptime-${p.id}`}>
                  <span className="up-dot" aria-hidden="true" />
                  <span className="up-probe-name">{p.label}</span>
                  <span className="up-probe-state">{STATE_LABELS[p.state]}</span>
                  <span className="up-probe-reason">{p.reason}</span>
                </li>
              ))}
            </ul>
            <table className="up-table">
              <caption className="visually-hidden">Uptime over 24 hours, 7 days and 30 days</caption>
              <thead>
                <tr>
                  <th scope="col">Probe</th>
                  {s.windows.map((w) => (
                    <th key={w.id} scope="col">
                      {w.id}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.probes.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.label}</th>
                    {s.windows.map((w) => {
                      const cell = windowCell(w.probes.find((x) => x.id === p.id)!);
                      return (
                        <td key={w.id}>
                          {cell.main}
                          {cell.sub ? <span className="up-sub">{cell.sub}</span> : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr>
                  <th scope="row">App not running (unknown)</th>
                  {s.windows.map((w) => (
                    <td key={w.id}>{w.gapMinutes > 0 ? formatMinutes(w.gapMinutes) : "none"}</td>
                  ))}
                </tr>
              </tbody>
            </table>
            <p className="footnote">
              {s.historySince
                ? `Checked every minute since ${formatDateTime(s.historySince)}. Percentages count only minutes the app was running; time it was not is shown as unknown.`
                : "The first check runs within a minute of starting the app."}
            </p>
            {incidents.status === "ok" && incidents.value.incidents.length > 0 ? (
              <>
                <h3 className="subheading">Recent incidents</h3>
                <ul className="up-incidents">
                  {incidents.value.incidents.map((i) => (
                    <li key={i.id}>
                      <span className="up-incident-when">
                        {formatDateTime(i.start)} · {i.end ? formatMinutes(i.minutes) : "ongoing"}
                      </span>{" "}
                      {i.kind === "gap" ? "App not running" : `${s.probes.find((p) => p.id === i.probe)?.label ?? i.probe} down`}: {i.reason}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <GatewayTargetForm current={s.gatewayTarget} onSaved={summary.set} />
          </div>
        )}
      </CallView>
    </Card>
  );
}
