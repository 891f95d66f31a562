import type { Event, Session, Shell, WebContents } from "electron";
import { isAppUrl } from "./app-protocol";

// The window shows our renderer and nothing else: no new windows, no navigation away from
// app://renderer, no <webview>, no permission prompts. A link the user clicks opens in their browser,
// and only when it is https.

type NavigationEvent = Pick<Event, "preventDefault"> & { url?: string };

export type HardenableContents = Pick<WebContents, "setWindowOpenHandler"> & {
  on(event: "will-navigate" | "will-redirect" | "will-attach-webview", listener: (event: NavigationEvent, url?: string) => void): unknown;
};

export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: HardenableContents, shell: Pick<Shell, "openExternal">, log: (line: string) => void = () => {}): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => log(`[window] could not open ${url}: ${String(error)}`));
    } else {
      log(`[window] refused to open ${url}`);
    }
    return { action: "deny" };
  });
  const stayOnApp = (kind: string) => (event: NavigationEvent, legacyUrl?: string) => {
    // Electron 45 puts the URL on the event; older signatures pass it as the second argument.
    const url = event.url ?? legacyUrl ?? "";
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`[window] blocked ${kind} to ${url}`);
  };
  contents.on("will-navigate", stayOnApp("navigation"));
  contents.on("will-redirect", stayOnApp("redirect"));
  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
    log("[window] blocked a <webview>");
  });
}

/** Camera, microphone, notifications prompts, USB/HID…: the dashboard needs none of them. */
export function denyAllPermissions(session: Pick<Session, "setPermissionRequestHandler" | "setPermissionCheckHandler">): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
