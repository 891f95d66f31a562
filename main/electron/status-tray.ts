import type { StatusOverview } from "../../common/status-schemas";
import type { Envelope } from "../../common/envelope";
import type { EventName } from "../../common/names";
import type { TrayState } from "./tray-menu";

// The tray (and the notifications) follow the app's status: one read of status.overview at start,
// then every status.changed event. The tray's actions go to the bid engine's methods.

export interface StatusCore {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  events: { listen(listener: (event: EventName, payload: unknown) => void): () => void };
}

/** µUSD (signed integer string) → USD decimal string, exact. */
export function microToUsd(micro: string): string | null {
  const match = /^(-?)(\d{1,40})$/.exec(micro);
  if (!match) return null;
  const digits = match[2]!.padStart(7, "0");
  return `${match[1]}${digits.slice(0, -6)}.${digits.slice(-6)}`;
}

export function trayStateFromOverview(overview: StatusOverview): TrayState {
  return {
    status: overview.state,
    reason: overview.reason,
    todayNetUsd: overview.todayNetUsdMicro === null ? null : microToUsd(overview.todayNetUsdMicro),
    activeLeases: overview.activeLeases ?? 0,
    paused: overview.paused,
    gamingMode: overview.gamingMode,
  };
}

/** Calls `onOverview` with the current overview and each change after it; returns the unsubscribe. */
export function followStatus(core: StatusCore, onOverview: (overview: StatusOverview) => void, log?: (line: string) => void): () => void {
  let gotEvent = false;
  const stop = core.events.listen((event, payload) => {
    if (event !== "status.changed") return;
    gotEvent = true;
    onOverview(payload as StatusOverview);
  });
  core.call("status.overview", undefined).then(
    (result) => {
      // An event that arrived first is newer than this read.
      if (result.ok && !gotEvent) onOverview(result.value as StatusOverview);
      else if (!result.ok) log?.(`[tray] status unavailable: ${result.error.message}`);
    },
    () => {},
  );
  return stop;
}

/** Pause/resume: the engine's methods; its saved `paused` setting while the live engine is not wired. */
export async function setBiddingPaused(core: StatusCore, paused: boolean, log?: (line: string) => void): Promise<void> {
  const result = await core.call(paused ? "bidengine.pause" : "bidengine.resume", undefined);
  if (!result.ok) {
    const fallback = await core.call("bidengine.updateSettings", { paused });
    if (!fallback.ok) log?.(`[tray] could not ${paused ? "pause" : "resume"} bidding: ${fallback.error.message}`);
  }
  await core.call("status.overview", { refresh: true });
}

export async function setGamingMode(core: StatusCore, on: boolean, log?: (line: string) => void): Promise<void> {
  const result = await core.call("bidengine.setGaming", { on });
  if (!result.ok) log?.(`[tray] could not switch gaming mode: ${result.error.message}`);
  await core.call("status.overview", { refresh: true });
}
