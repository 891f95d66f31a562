import { useCallback, useState } from "react";
import type { ContractError, Envelope } from "../../../../common/envelope";

// One user action that calls the app: idle → busy → done (with the value) or error (with the app's
// message). Buttons disable while busy, so a double click never sends a transaction twice.

export type ActionState<T> =
  | { status: "idle" }
  | { status: "busy" }
  | { status: "done"; value: T }
  | { status: "error"; error: ContractError };

export interface Action<T> {
  state: ActionState<T>;
  busy: boolean;
  /** Runs `call` unless one is already running; resolves to the value, or null on error. */
  run(call: () => Promise<Envelope<T>>): Promise<T | null>;
  reset(): void;
}

export function useAction<T>(): Action<T> {
  const [state, setState] = useState<ActionState<T>>({ status: "idle" });
  const busy = state.status === "busy";
  const run = useCallback(
    async (call: () => Promise<Envelope<T>>): Promise<T | null> => {
      if (busy) return null;
      setState({ status: "busy" });
      let envelope: Envelope<T>;
      try {
        envelope = await call();
      } catch (error) {
        envelope = { ok: false, error: { code: "TRANSPORT", message: error instanceof Error ? error.message : String(error) } };
      }
      setState(envelope.ok ? { status: "done", value: envelope.value } : { status: "error", error: envelope.error });
      return envelope.ok ? envelope.value : null;
    },
    [busy],
  );
  const reset = useCallback(() => setState({ status: "idle" }), []);
  return { state, busy, run, reset };
}
