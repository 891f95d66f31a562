import { useCallback, useEffect, useState } from "react";
import { decodeJoinCode } from "../../../../common/cluster-join-code";
import type { ClusterStatus, InstallPlan, JoinInfo, JoinTarget, PreflightReport, RunReport } from "../../../../common/cluster-schemas";
import type { ProviderApi } from "../../../../common/api";
import { ErrorMessage } from "../../components/error-message";
import { HealthView, PlanView, PreflightList, ProgressPanel, RunResult } from "./cluster-views";
import { applyProgress, emptyProgress, type ProgressView } from "./progress-state";
import "./cluster.css";

// The wizard's k3s step: preflight → plan (the owner consents) → install with live progress → health.
// Also "add another machine" (join code) and "join an existing provider" (paste a code, install as agent),
// and uninstall. Self-contained: it needs only the API object.

type Mode = "server" | "agent";

export function ClusterStep({ api }: { api: ProviderApi }) {
  const [mode, setMode] = useState<Mode>("server");
  const [joinCode, setJoinCode] = useState("");
  const [join, setJoin] = useState<JoinTarget | null>(null);
  const [status, setStatus] = useState<ClusterStatus | null>(null);
  const [preflight, setPreflight] = useState<PreflightReport | null>(null);
  const [plan, setPlan] = useState<InstallPlan | null>(null);
  const [progress, setProgress] = useState<ProgressView>(emptyProgress);
  const [result, setResult] = useState<RunReport | null>(null);
  const [joinInfo, setJoinInfo] = useState<JoinInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => api.subscribe("cluster.progress", (event) => setProgress((view) => applyProgress(view, event))), [api]);

  const refresh = useCallback(async () => {
    setError(null);
    const [s, p] = await Promise.all([api["cluster.status"](), api["cluster.preflight"]({ role: mode })]);
    if (!s.ok) return setError(s.error);
    if (!p.ok) return setError(p.error);
    setStatus(s.value);
    setPreflight(p.value);
  }, [api, mode]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const showPlan = async () => {
    setError(null);
    const planned = await api["cluster.plan"](mode === "agent" && join ? { role: "agent", join } : { role: "server" });
    if (planned.ok) setPlan(planned.value);
    else setError(planned.error);
  };

  const run = async (call: () => ReturnType<ProviderApi["cluster.install"]>) => {
    setBusy(true);
    setResult(null);
    try {
      const report = await call();
      if (report.ok) setResult(report.value);
      else setError(report.error);
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const install = () => run(() => api["cluster.install"](mode === "agent" && join ? { role: "agent", join, consent: true } : { role: "server", consent: true }));
  const uninstall = (evenWithActiveLeases: boolean) => run(() => api["cluster.uninstall"]({ evenWithActiveLeases }));

  const readCode = (text: string) => {
    setJoinCode(text);
    const decoded = decodeJoinCode(text);
    setJoin(decoded instanceof Error ? null : decoded);
  };
  const decodedError = joinCode && !join ? (decodeJoinCode(joinCode) as Error).message : null;

  return (
    <div className="cluster-step" data-testid="cluster-step">
      {error ? <ErrorMessage error={error} onRetry={() => void refresh()} /> : null}
      {status ? <p role="status">{status.message}</p> : null}

      {!status?.installed ? (
        <>
          <fieldset className="cluster-mode">
            <legend>This machine</legend>
            <label>
              <input type="radio" name="cluster-mode" checked={mode === "server"} onChange={() => setMode("server")} /> Runs the provider's node
            </label>
            <label>
              <input type="radio" name="cluster-mode" checked={mode === "agent"} onChange={() => setMode("agent")} /> Joins an existing provider
            </label>
          </fieldset>
          {mode === "agent" ? (
            <label className="cluster-join-input">
              Join code from the first machine
              <input value={joinCode} onChange={(e) => readCode(e.target.value)} placeholder="apd-join-v1.…" spellCheck={false} />
              {decodedError ? <span role="alert">{decodedError}</span> : null}
            </label>
          ) : null}
          {preflight ? <PreflightList report={preflight} /> : null}
          <button type="button" className="button" disabled={busy || (mode === "agent" && !join)} onClick={() => void showPlan()}>
            Show what will change
          </button>
          {plan ? <PlanView plan={plan} busy={busy} onConsent={() => void install()} /> : null}
        </>
      ) : null}

      <ProgressPanel view={progress} />
      {result ? <RunResult report={result} /> : null}

      {status?.installed && status.health ? <HealthView health={status.health} /> : null}
      {status?.installed && status.ours ? (
        <div className="cluster-actions">
          {status.role === "server" ? (
            <button
              type="button"
              className="button"
              onClick={async () => {
                const info = await api["cluster.joinToken"]({});
                if (info.ok) setJoinInfo(info.value);
                else setError(info.error);
              }}
            >
              Add another machine
            </button>
          ) : null}
          {confirming ? (
            <>
              <span>Remove k3s and everything it added from this machine?</span>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  // Leases still running: the service refused once; this second, explicit yes ends them.
                  void uninstall(result?.outcome === "refused");
                }}
              >
                {result?.outcome === "refused" ? "Uninstall and end the leases" : "Yes, uninstall"}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
              Uninstall k3s
            </button>
          )}
        </div>
      ) : null}
      {joinInfo ? (
        <div className="cluster-join" data-testid="cluster-join">
          <p>{joinInfo.message}</p>
          {joinInfo.joinCode ? <pre className="cluster-join-code">{joinInfo.joinCode}</pre> : null}
        </div>
      ) : null}
    </div>
  );
}
