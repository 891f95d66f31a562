import type { ClusterProgress, StepOutcome } from "../../../common/cluster-schemas";
import type { InstallStep } from "./step";

// Runs steps in order: skip those whose check passes, apply the rest, and re-check after applying (a
// step that "succeeded" without its effect in place is a failure). Stops at the first failure; the
// next run starts over and, thanks to the checks, resumes exactly there.

export interface RunnerIO {
  run: ClusterProgress["run"];
  emit(progress: ClusterProgress): void;
  log(line: string): void;
  now(): Date;
}

export interface RunResult {
  ok: boolean;
  steps: StepOutcome[];
  failure: string | null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runSteps(steps: readonly InstallStep[], io: RunnerIO): Promise<RunResult> {
  const outcomes: StepOutcome[] = steps.map((s) => ({ id: s.id, outcome: "not_run", message: "" }));
  const progress = (index: number, state: ClusterProgress["state"], text: string) =>
    io.emit({ run: io.run, kind: "step", stepId: steps[index]!.id, stepIndex: index, stepCount: steps.length, state, message: text, at: io.now().toISOString() });
  for (const [index, step] of steps.entries()) {
    const stepLog = (line: string) => {
      io.log(`[${step.id}] ${line}`);
      io.emit({ run: io.run, kind: "log", stepId: step.id, stepIndex: index, stepCount: steps.length, state: "log", message: line, at: io.now().toISOString() });
    };
    try {
      if (await step.check()) {
        outcomes[index] = { id: step.id, outcome: "skipped", message: "already done" };
        io.log(`[${step.id}] already done`);
        progress(index, "skipped", `${step.title}: already done`);
        continue;
      }
      progress(index, "started", step.title);
      io.log(`[${step.id}] ${step.title}`);
      await step.apply(stepLog);
      if (!(await step.check())) throw new Error("the step ran but its result is not in place");
      outcomes[index] = { id: step.id, outcome: "applied", message: "done" };
      io.log(`[${step.id}] done`);
      progress(index, "applied", `${step.title}: done`);
    } catch (error) {
      const text = message(error);
      outcomes[index] = { id: step.id, outcome: "failed", message: text };
      io.log(`[${step.id}] FAILED: ${text}`);
      progress(index, "failed", `${step.title}: ${text}`);
      return { ok: false, steps: outcomes, failure: `${step.title} failed: ${text}` };
    }
  }
  return { ok: true, steps: outcomes, failure: null };
}

/** Undoes steps in reverse; keeps going past failures so as much as possible is taken back. */
export async function undoSteps(steps: readonly InstallStep[], io: RunnerIO): Promise<RunResult> {
  const outcomes: StepOutcome[] = [];
  const failures: string[] = [];
  const reversed = [...steps].reverse();
  for (const [index, step] of reversed.entries()) {
    if (!step.undo) {
      outcomes.push({ id: step.id, outcome: "skipped", message: "nothing to undo" });
      continue;
    }
    try {
      await step.undo((line) => io.log(`[undo ${step.id}] ${line}`));
      outcomes.push({ id: step.id, outcome: "undone", message: "removed" });
      io.log(`[undo ${step.id}] done`);
      io.emit({ run: io.run, kind: "step", stepId: step.id, stepIndex: index, stepCount: reversed.length, state: "undone", message: `${step.title}: undone`, at: io.now().toISOString() });
    } catch (error) {
      const text = message(error);
      failures.push(`${step.id}: ${text}`);
      outcomes.push({ id: step.id, outcome: "failed", message: text });
      io.log(`[undo ${step.id}] FAILED: ${text}`);
      io.emit({ run: io.run, kind: "step", stepId: step.id, stepIndex: index, stepCount: reversed.length, state: "failed", message: `${step.title}: ${text}`, at: io.now().toISOString() });
    }
  }
  return { ok: failures.length === 0, steps: outcomes, failure: failures.length ? failures.join("; ") : null };
}
