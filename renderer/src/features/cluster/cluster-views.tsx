import type { ClusterHealth, InstallPlan, PreflightItem, PreflightReport, RunReport } from "../../../../common/cluster-schemas";
import { formatBytes } from "../../format/bytes";
import { percentDone, type ProgressView } from "./progress-state";

// Presentational pieces of the wizard's k3s step. They receive data and callbacks and never call the
// API, so they render the same in Electron, in a browser and in Node tests.

const VERDICT: Record<PreflightItem["verdict"], string> = { pass: "Ready", warn: "Check", fail: "Needs action" };

export function PreflightList({ report }: { report: PreflightReport }) {
  return (
    <div className="cluster-preflight" data-testid="cluster-preflight">
      <p role="status">{report.canInstall ? "This machine can run the Kubernetes node." : "Fix the items marked “Needs action”, then check again."}</p>
      <ul className="list">
        {report.items.map((item) => (
          <li key={item.id} className={`cluster-item cluster-${item.verdict}`}>
            <span className={`badge cluster-badge-${item.verdict}`}>{VERDICT[item.verdict]}</span> <strong>{item.title}</strong>: {item.message}
            {item.fix ? <p className="cluster-fix">{item.fix}</p> : null}
            {item.commands.length > 0 ? (
              <pre className="cluster-commands" aria-label={`Commands to fix ${item.title}`}>
                {item.commands.join("\n")}
              </pre>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PlanView({ plan, onConsent, busy }: { plan: InstallPlan; onConsent?: () => void; busy?: boolean }) {
  return (
    <div className="cluster-plan" data-testid="cluster-plan">
      <p>
        The app will install k3s {plan.k3sVersion} ({plan.role === "server" ? "this machine runs the provider's node" : "this machine joins an existing provider"}). These are all the changes it makes:
      </p>
      <ol className="cluster-steps">
        {plan.steps.map((step) => (
          <li key={step.id}>
            <strong>{step.title}</strong>
            {step.done ? " — already done" : ""}
            {step.privileged ? <span className="badge">needs administrator rights</span> : null}
            <ul>
              {step.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {onConsent ? (
        <button type="button" className="button button-primary" disabled={busy || !plan.preflight.canInstall || plan.steps.length === 0} onClick={onConsent}>
          Install k3s
        </button>
      ) : null}
    </div>
  );
}

export function ProgressPanel({ view }: { view: ProgressView }) {
  if (!view.run) return null;
  return (
    <div className="cluster-progress" data-testid="cluster-progress">
      <progress max={100} value={percentDone(view)} aria-label={`${view.run} progress`} />
      <ul className="list">
        {view.steps.map((s) => (
          <li key={s.id} className={`cluster-step-${s.state}`}>
            {s.message}
          </li>
        ))}
      </ul>
      <details>
        <summary>Log</summary>
        <pre className="cluster-log">{view.log.join("\n")}</pre>
      </details>
    </div>
  );
}

export function RunResult({ report }: { report: RunReport }) {
  return (
    <p role="status" className={`cluster-result cluster-result-${report.outcome}`}>
      {report.message}
      {report.logFile ? <span className="cluster-logfile"> (log: {report.logFile})</span> : null}
    </p>
  );
}

export function HealthView({ health }: { health: ClusterHealth }) {
  if (!health.reachable) return <p role="status">Node not reachable: {health.error}</p>;
  return (
    <div className="cluster-health" data-testid="cluster-health">
      <p role="status">{health.healthy ? "The node is healthy." : "The node needs attention."}</p>
      <p>
        Sellable now: {(health.allocatable.cpuMillis / 1000).toFixed(1)} CPU · {formatBytes(health.allocatable.memoryBytes)} memory · {health.allocatable.gpus} GPU · {formatBytes(health.allocatable.ephemeralStorageBytes, "decimal")} disk
      </p>
      <ul className="list">
        {health.nodes.map((n) => (
          <li key={n.name}>
            <strong>{n.name}</strong> {n.ready ? "Ready" : "Not ready"} · {n.kubeletVersion}
            {n.pressure.length > 0 ? ` · under ${n.pressure.join(", ")}` : ""}
          </li>
        ))}
      </ul>
      {health.devicePlugin ? (
        <p>
          NVIDIA device plugin: {health.devicePlugin.ready}/{health.devicePlugin.desired} running
        </p>
      ) : null}
    </div>
  );
}
