// Whether the app is reachable and accepts this window. Inside Electron it always is (IPC cannot drop);
// over the headless bridge the WebSocket can drop (the app restarted, the SSH tunnel closed), and the
// token can stop being valid (a restarted app has a new one). The UI says so instead of going stale.

export type ConnectionState = "connecting" | "connected" | "disconnected" | "unauthorized";

export interface ConnectionStatus {
  get(): ConnectionState;
  set(state: ConnectionState): void;
  subscribe(listener: () => void): () => void;
}

export function createConnectionStatus(initial: ConnectionState): ConnectionStatus {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      // A rejected token stays rejected: a reconnecting socket must not hide that.
      if (next === state || state === "unauthorized") return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
