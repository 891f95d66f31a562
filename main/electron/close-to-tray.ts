import type { BrowserWindow } from "electron";
import { DEFAULT_SETTINGS, type Settings } from "../../common/schemas";
import type { Envelope } from "../../common/envelope";
import type { EventName } from "../../common/names";

// Closing the window keeps the provider running in the tray (bids and leases go on) unless the user
// turned `closeToTray` off or chose Quit. Electron's 'close' needs the answer synchronously, so the
// setting is mirrored here: read once at start, then kept current from `settings.changed`.

export interface CloseToTrayPolicy {
  isQuitting(): boolean;
  closeToTray(): boolean;
}

type ClosableWindow = Pick<BrowserWindow, "hide"> & { on(event: "close", listener: (event: { preventDefault(): void }) => void): unknown };

export function installCloseToTray(window: ClosableWindow, policy: CloseToTrayPolicy): void {
  window.on("close", (event) => {
    if (policy.isQuitting() || !policy.closeToTray()) return;
    event.preventDefault();
    window.hide();
  });
}

export interface SettingsSource {
  call(method: "settings.get", input: undefined): Promise<Envelope<unknown>>;
  events: { listen(listener: (event: EventName, payload: unknown) => void): () => void };
}

export interface CloseToTraySetting {
  get(): boolean;
  /** Resolves once the stored value has been read (or the read failed and the default stays). */
  readonly loaded: Promise<void>;
  dispose(): void;
}

export function trackCloseToTraySetting(app: SettingsSource): CloseToTraySetting {
  let value = DEFAULT_SETTINGS.closeToTray;
  let changedSinceStart = false;
  const stop = app.events.listen((event, payload) => {
    if (event !== "settings.changed") return;
    value = (payload as Settings).closeToTray;
    changedSinceStart = true;
  });
  const loaded = app.call("settings.get", undefined).then(
    (result) => {
      // A change event that arrived first is newer than this read.
      if (result.ok && !changedSinceStart) value = (result.value as Settings).closeToTray;
    },
    () => {},
  );
  return { get: () => value, loaded, dispose: stop };
}
