import type { App as ElectronApp } from "electron";

/** One running copy per user: a second launch focuses the first one's window and exits. */
export function claimSingleInstance(app: Pick<ElectronApp, "requestSingleInstanceLock" | "quit"> & { on(event: "second-instance", listener: () => void): unknown }, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on("second-instance", () => onSecondInstance());
  return true;
}
