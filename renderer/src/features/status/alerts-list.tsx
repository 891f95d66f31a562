import type { StatusAlert } from "../../../../common/status-schemas";
import type { PageId } from "../../navigation/pages";
import { PAGES } from "../../navigation/pages";

/** The status alerts, most urgent first, each with what to do and a button to where it is fixed. */
export function AlertsList({ alerts, navigate }: { alerts: StatusAlert[]; navigate: (page: PageId) => void }) {
  if (alerts.length === 0) return <p className="st-all-clear">No alerts: nothing needs your attention.</p>;
  return (
    <ul className="st-alerts" aria-label="Alerts">
      {alerts.map((alert) => {
        const page = PAGES.find((p) => p.id === alert.page);
        return (
          <li key={alert.id} className="st-alert" data-severity={alert.severity} data-testid={`alert-${alert.id}`}>
            <span className="st-alert-severity">{alert.severity === "critical" ? "Action needed" : alert.severity === "warning" ? "Warning" : "Note"}</span>
            <strong className="st-alert-title">{alert.title}</strong>
            <span className="st-alert-action">{alert.action}</span>
            {page ? (
              <button type="button" className="button st-alert-go" onClick={() => navigate(page.id)}>
                Open {page.label}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
