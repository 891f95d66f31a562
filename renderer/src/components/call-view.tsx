import type { ReactNode } from "react";
import type { CallResult } from "../hooks/use-call";
import { ErrorMessage } from "./error-message";
import { Loading } from "./loading";

interface CallViewProps<T> {
  result: CallResult<T>;
  /** Shown while loading: "Loading hardware…". */
  loadingLabel: string;
  /** When the answer is a normal "nothing yet", this renders instead of `children`. */
  empty?: { when: (value: T) => boolean; render: () => ReactNode };
  children: (value: T) => ReactNode;
}

/** The loading / error / empty / value states of one call, rendered the same way everywhere. */
export function CallView<T>({ result, loadingLabel, empty, children }: CallViewProps<T>) {
  if (result.status === "loading") return <Loading label={loadingLabel} />;
  if (result.status === "error") return <ErrorMessage error={result.error} onRetry={result.reload} />;
  if (empty?.when(result.value)) return <>{empty.render()}</>;
  return <>{children(result.value)}</>;
}
