import { useState } from "react";
import type { ConnectionState } from "../connection";

export interface ReconnectTracker {
  state: ConnectionState;
  /** How many times the connection came back after it was lost. */
  count: number;
}

/** The tracker after the connection moved to `next`: only "disconnected" → "connected" counts. */
export function trackReconnect(tracker: ReconnectTracker, next: ConnectionState): ReconnectTracker {
  if (tracker.state === next) return tracker;
  return { state: next, count: tracker.state === "disconnected" && next === "connected" ? tracker.count + 1 : tracker.count };
}

/**
 * Counts reconnections, so the page can refetch what it shows once the app is back (an SSH tunnel
 * that dropped and came back): events sent while it was gone are lost for good.
 */
export function useReconnects(state: ConnectionState): number {
  const [tracker, setTracker] = useState<ReconnectTracker>({ state, count: 0 });
  const next = trackReconnect(tracker, state);
  // Adjusting state while rendering (React's pattern for "state derived from a changing prop").
  if (next !== tracker) setTracker(next);
  return next.count;
}
