import { useCallback, useEffect, useState } from "react";
import type { ProviderApi } from "../../../common/api";
import type { MethodInput, MethodOutput } from "../../../common/contract";
import type { ContractError } from "../../../common/envelope";
import type { MethodName } from "../../../common/names";

export type CallState<T> =
  | { status: "loading"; value?: undefined; error?: undefined }
  | { status: "error"; value?: undefined; error: ContractError }
  | { status: "ok"; value: T; error?: undefined };

export type CallResult<T> = CallState<T> & {
  /** Calls again; the current value stays on screen until the new one arrives. */
  reload(): void;
  /** Replaces the value without a call (an event or an update returned a fresher one). */
  set(value: T): void;
};

/**
 * Calls `method` when the component mounts and whenever `input` changes (compared by its JSON), and
 * gives loading / error / ok. Answers that arrive after the input changed or the component unmounted
 * are dropped, so a slow answer never overwrites a newer one.
 */
export function useCall<M extends MethodName>(api: ProviderApi, method: M, input?: MethodInput<M>): CallResult<MethodOutput<M>> {
  const key = JSON.stringify(input ?? null);
  const [state, setState] = useState<CallState<MethodOutput<M>>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    const call = api[method] as (input?: unknown) => ReturnType<ProviderApi[M]>;
    const parsedInput = JSON.parse(key) as unknown;
    call(parsedInput ?? undefined).then(
      (envelope) => {
        if (!current) return;
        setState(envelope.ok ? { status: "ok", value: envelope.value as MethodOutput<M> } : { status: "error", error: envelope.error });
      },
      (error: unknown) => {
        // The transports never reject, but a broken preload could: show it rather than spin forever.
        if (!current) return;
        setState({ status: "error", error: { code: "TRANSPORT", message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [api, method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: MethodOutput<M>) => setState({ status: "ok", value }), []);
  return { ...state, reload, set } as CallResult<MethodOutput<M>>;
}
