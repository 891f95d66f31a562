import type { ClusterProgress } from "../../../../common/cluster-schemas";

// The install/uninstall progress the UI shows, folded from cluster.progress events: each step's latest
// state and the last log lines (capped, so a long wait cannot grow the page without bound).

export interface StepView {
  id: string;
  state: ClusterProgress["state"];
  message: string;
}

export interface ProgressView {
  run: ClusterProgress["run"] | null;
  steps: StepView[];
  log: string[];
  stepCount: number;
}

export const MAX_LOG_LINES = 200;

export const emptyProgress: ProgressView = { run: null, steps: [], log: [], stepCount: 0 };

export function applyProgress(view: ProgressView, event: ClusterProgress): ProgressView {
  // A new run starts a new view.
  const base = view.run === event.run ? view : { ...emptyProgress, run: event.run };
  const log = [...base.log, `${event.at.slice(11, 19)} ${event.message}`].slice(-MAX_LOG_LINES);
  if (event.kind === "log" || event.stepId === null) return { ...base, log, stepCount: Math.max(base.stepCount, event.stepCount) };
  const steps = base.steps.some((s) => s.id === event.stepId)
    ? base.steps.map((s) => (s.id === event.stepId ? { id: s.id, state: event.state, message: event.message } : s))
    : [...base.steps, { id: event.stepId, state: event.state, message: event.message }];
  return { run: event.run, steps, log, stepCount: Math.max(base.stepCount, event.stepCount) };
}

/** 0–100: finished steps (applied, skipped, undone) over all steps. */
export function percentDone(view: ProgressView): number {
  if (view.stepCount === 0) return 0;
  const done = view.steps.filter((s) => s.state === "applied" || s.state === "skipped" || s.state === "undone").length;
  return Math.min(100, Math.round((done / view.stepCount) * 100));
}
