import type { IpcMain, IpcMainInvokeEvent, WebContents } from "electron";
import { fail, type Envelope } from "../../common/envelope";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type EventName } from "../../common/names";
import { isAppUrl } from "./app-protocol";

// Main's side of the preload bridge. A call is served only when it comes from our renderer's main
// frame: an iframe, or a page that somehow got loaded from elsewhere, gets UNAUTHORIZED. (The frame's
// `origin` is "null" for custom schemes, so the URL's protocol and host are what is checked.)
// Payload validation is the dispatcher's job, in app.call.

export type SenderEvent = Pick<IpcMainInvokeEvent, "senderFrame"> & { sender: Pick<WebContents, "mainFrame"> };

export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed before the call arrived
  if (!isAppUrl(frame.url)) return false;
  return frame.parent === null && sameFrame(frame, event.sender.mainFrame);
}

type FrameIds = { frameTreeNodeId?: unknown; processId?: unknown; routingId?: unknown };

/** Electron hands out one WebFrameMain object per frame; the ids are the fallback should it not. */
function sameFrame(a: FrameIds, b: FrameIds): boolean {
  if (a === b) return true;
  return typeof a.frameTreeNodeId === "number" && a.frameTreeNodeId === b.frameTreeNodeId && a.processId === b.processId && a.routingId === b.routingId;
}

/** The same webContents: the same object, or the same id (ids are unique per app run). */
export function sameContents(a: unknown, b: { id?: unknown } | null | undefined): boolean {
  if (!b) return false;
  if (a === b) return true;
  return typeof b.id === "number" && typeof a === "object" && a !== null && (a as { id?: unknown }).id === b.id;
}

export interface IpcHostOptions {
  /** Also require the sender to be one of our windows' webContents. */
  isOwnContents?: (contents: unknown) => boolean;
  log?: (line: string) => void;
}

export interface CallTarget {
  call(method: unknown, input: unknown): Promise<Envelope<unknown>>;
}

/** Registers the one call channel; returns a function that removes it. */
export function registerIpcHost(ipcMain: Pick<IpcMain, "handle" | "removeHandler">, app: CallTarget, options: IpcHostOptions = {}): () => void {
  const log = options.log ?? (() => {});
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    const trusted = isTrustedSender(event) && (options.isOwnContents?.(event.sender) ?? true);
    if (!trusted) {
      log(`[ipc] refused a call from ${event.senderFrame?.url ?? "a destroyed frame"}`);
      return fail("UNAUTHORIZED", "This frame may not call the provider API.");
    }
    try {
      return await app.call(method, input);
    } catch (error) {
      // app.call never throws by contract; a throw here is a bug, and still must not reach the page raw.
      log(`[ipc] call failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fail("INTERNAL", "Internal error.");
    }
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

export type EventSink = Pick<WebContents, "send" | "isDestroyed" | "getURL">;

export interface EventSource {
  listen(listener: (event: EventName, payload: unknown) => void): () => void;
}

/** Forwards every app event to the live windows that show our renderer; returns the unsubscribe. */
export function forwardEvents(events: EventSource, targets: () => Iterable<EventSink>, log: (line: string) => void = () => {}): () => void {
  return events.listen((name, payload) => {
    for (const contents of targets()) {
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      try {
        contents.send(IPC_EVENT_CHANNEL, name, payload);
      } catch (error) {
        log(`[ipc] could not deliver ${name}: ${String(error)}`);
      }
    }
  });
}
