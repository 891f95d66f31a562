import type { ProviderApi } from "../../common/api";
import { createBridgeClient } from "./bridge-client";

declare global {
  interface Window {
    provider?: ProviderApi;
  }
}

/**
 * The API the UI talks to: the preload's `window.provider` inside Electron, else the loopback bridge
 * of headless mode, whose token arrives in the URL fragment (never sent to the server, never logged).
 */
export function resolveApi(): ProviderApi | null {
  if (window.provider) return window.provider;
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  if (!token) return null;
  // Keep the token for reloads of this tab, then drop it from the address bar.
  sessionStorage.setItem("provider-token", token);
  return createBridgeClient({ baseUrl: window.location.origin, token }).api;
}

export function resolveApiFromSession(): ProviderApi | null {
  const token = sessionStorage.getItem("provider-token");
  return token ? createBridgeClient({ baseUrl: window.location.origin, token }).api : null;
}
