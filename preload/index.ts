import { contextBridge, ipcRenderer } from "electron";
import { EVENT_NAMES, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, METHOD_NAMES } from "../common/names";

// window.provider: one function per contract method, plus subscribe(event, cb) → unsubscribe.
// Validation happens in main; this file only forwards, so it stays tiny and has nothing to get wrong.

const api: Record<string, unknown> = {};
for (const method of METHOD_NAMES) {
  api[method] = (input?: unknown) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input);
}
api.subscribe = (event: string, callback: (payload: unknown) => void) => {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event: ${event}`);
  if (typeof callback !== "function") throw new TypeError("subscribe needs a callback function");
  const listener = (_e: unknown, name: string, payload: unknown) => {
    if (name === event) callback(payload);
  };
  ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
  };
};

contextBridge.exposeInMainWorld("provider", api);
