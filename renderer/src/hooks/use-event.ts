import { useEffect, useRef } from "react";
import type { ProviderApi } from "../../../common/api";
import type { EventPayload } from "../../../common/contract";
import type { EventName } from "../../../common/names";

/** Calls `callback` for each `event` from the app while the component is mounted. */
export function useEvent<E extends EventName>(api: ProviderApi, event: E, callback: (payload: EventPayload<E>) => void): void {
  // The latest callback, without resubscribing on every render.
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => api.subscribe(event, (payload) => latest.current(payload)), [api, event]);
}
