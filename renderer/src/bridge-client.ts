import type { ProviderApi } from "../../common/api";
import type { Envelope } from "../../common/envelope";
import { METHOD_NAMES, isEventName, type EventName } from "../../common/names";

// The loopback bridge's client: one POST per call, one WebSocket for events. Used by the renderer in a
// browser (headless rigs) and by the contract tests in Node, which has fetch and WebSocket built in.

export interface BridgeClientOptions {
  baseUrl: string;
  token: string;
  /** Called when the event socket drops; it reconnects by itself after `retryMs`. */
  onConnectionChange?: (connected: boolean) => void;
  retryMs?: number;
}

export interface BridgeClient {
  api: ProviderApi;
  close(): void;
}

export function createBridgeClient(options: BridgeClientOptions): BridgeClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let socket: WebSocket | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  async function call(method: string, input: unknown): Promise<Envelope<unknown>> {
    try {
      const response = await fetch(`${base}/api/call/${encodeURIComponent(method)}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${options.token}`, "Content-Type": "application/json" },
        body: input === undefined ? "" : JSON.stringify(input),
      });
      const body = (await response.json().catch(() => null)) as Envelope<unknown> | null;
      if (body && typeof body === "object" && "ok" in body) return body;
      return { ok: false, error: { code: "TRANSPORT", message: `The app answered HTTP ${response.status}.` } };
    } catch (error) {
      return { ok: false, error: { code: "TRANSPORT", message: `Cannot reach the app: ${error instanceof Error ? error.message : String(error)}` } };
    }
  }

  function connect(): void {
    if (closed || socket) return;
    const ws = new WebSocket(`${base.replace(/^http/, "ws")}/api/events`, ["provider-events", `bearer.${options.token}`]);
    socket = ws;
    ws.onopen = () => options.onConnectionChange?.(true);
    ws.onmessage = (message) => {
      let frame: unknown;
      try {
        frame = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (!frame || typeof frame !== "object") return;
      const { event, payload } = frame as { event?: unknown; payload?: unknown };
      if (!isEventName(event)) return;
      for (const callback of listeners.get(event) ?? []) callback(payload as never);
    };
    ws.onclose = () => {
      socket = null;
      options.onConnectionChange?.(false);
      if (!closed && listeners.size > 0) retry = setTimeout(connect, options.retryMs ?? 1000);
    };
  }

  const api = Object.fromEntries(METHOD_NAMES.map((method) => [method, (input?: unknown) => call(method, input)])) as unknown as ProviderApi;
  api.subscribe = (event, callback) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(callback as (payload: never) => void);
    connect();
    return () => {
      set.delete(callback as (payload: never) => void);
      if (set.size === 0) listeners.delete(event);
    };
  };

  return {
    api,
    close() {
      closed = true;
      clearTimeout(retry);
      socket?.close();
    },
  };
}

