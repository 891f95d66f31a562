import type { ProviderApi } from "../../common/api";
import { createBridgeClient } from "./bridge-client";
import { createConnectionStatus, type ConnectionStatus } from "./connection";
import { takeToken } from "./token";
import { watchUnauthorized } from "./watch-unauthorized";

declare global {
  interface Window {
    provider?: ProviderApi;
  }
}

export interface Connection {
  api: ProviderApi;
  transport: "electron" | "bridge";
  status: ConnectionStatus;
}

/**
 * The API the UI talks to: the preload's `window.provider` inside Electron, else the loopback bridge of
 * headless mode, authenticated by the token from the URL fragment (or this tab's remembered one).
 * Null when there is neither: the page was opened without the link the app printed.
 */
export function connect(): Connection | null {
  if (window.provider) return { api: window.provider, transport: "electron", status: createConnectionStatus("connected") };
  const token = takeToken(window.location, window.sessionStorage, (url) => window.history.replaceState(window.history.state, "", url));
  if (!token) return null;
  const status = createConnectionStatus("connecting");
  const client = createBridgeClient({
    baseUrl: window.location.origin,
    token,
    onConnectionChange: (up) => status.set(up ? "connected" : "disconnected"),
  });
  return { api: watchUnauthorized(client.api, status), transport: "bridge", status };
}
