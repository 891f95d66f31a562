import type { BrowserWindow } from "electron";
import { join } from "node:path";
import { createApp, type App, type AppDeps } from "../app";
import { hasFlag, resolveDataDir } from "../config";
import { readAppVersion } from "../version";
import { handleAppProtocol, registerAppScheme } from "./app-protocol";
import { installCloseToTray, trackCloseToTraySetting } from "./close-to-tray";
import { forwardEvents, registerIpcHost, sameContents } from "./ipc-host";
import { installQuitHandling } from "./lifecycle";
import { createMainWindow, revealWindow } from "./main-window";
import { claimSingleInstance } from "./single-instance";
import { createAppTray } from "./tray";
import { denyAllPermissions } from "./web-security";

// The Electron shell, wired from the pieces in this folder. It takes the electron module as a
// parameter, so the whole wiring runs in tests against fakes; main/index.ts passes the real one.

export type ElectronModule = Pick<
  typeof import("electron"),
  "app" | "BrowserWindow" | "dialog" | "ipcMain" | "Menu" | "nativeImage" | "protocol" | "session" | "shell" | "Tray"
>;

export interface ShellOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The built dist/ folder: renderer/ and preload/index.cjs live under it. */
  distDir: string;
  appDeps?: AppDeps;
  log?: (line: string) => void;
}

export interface Shell {
  core: App;
  openWindow(): void;
  window(): BrowserWindow | null;
}

/** Starts the app with its window and tray; resolves null when another instance already runs. */
export async function startElectronShell(electron: ElectronModule, options: ShellOptions): Promise<Shell | null> {
  const { app: electronApp } = electron;
  const log = options.log ?? ((line: string) => console.error(line));

  // Tenants rent the GPU: the dashboard must not take GPU time or VRAM from their workloads.
  electronApp.disableHardwareAcceleration();
  registerAppScheme(electron.protocol);

  let window: BrowserWindow | null = null;
  const openWindow = () => {
    if (window && !window.isDestroyed()) return revealWindow(window);
    const created = createMainWindow({ createWindow: (o) => new electron.BrowserWindow(o), shell: electron.shell, log }, join(options.distDir, "preload", "index.cjs"));
    installCloseToTray(created, { isQuitting: () => quit.isQuitting(), closeToTray: () => closeSetting.get() });
    created.on("closed", () => (window = null));
    window = created;
  };
  if (!claimSingleInstance(electronApp, () => electronApp.isReady() && openWindow())) return null;

  let core: App;
  try {
    core = createApp(
      { dataDir: resolveDataDir(options.argv, options.env, options.platform), mode: "electron", version: readAppVersion() },
      { log, devnet: { autoStart: true }, ...options.appDeps },
    );
  } catch (error) {
    // E.g. a database written by a newer version: say so instead of dying silently.
    const message = error instanceof Error ? error.message : String(error);
    log(`[app] could not start: ${message}`);
    await electronApp.whenReady();
    electron.dialog.showErrorBox("Akash Provider Desktop could not start", message);
    electronApp.exit(1);
    return null;
  }
  const quit = installQuitHandling(electronApp, () => core.close(), log);
  const closeSetting = trackCloseToTraySetting(core);

  await electronApp.whenReady();
  denyAllPermissions(electron.session.defaultSession);
  handleAppProtocol(electron.protocol, join(options.distDir, "renderer"));
  registerIpcHost(electron.ipcMain, core, { isOwnContents: (contents) => window !== null && !window.isDestroyed() && sameContents(contents, window.webContents), log });
  forwardEvents(core.events, () => (window && !window.isDestroyed() ? [window.webContents] : []), log);

  const tray = createAppTray(
    {
      createTray: (icon) => new electron.Tray(icon),
      buildMenu: (template) => electron.Menu.buildFromTemplate(template),
      createImage: (png) => electron.nativeImage.createFromBuffer(png),
    },
    { openDashboard: openWindow, quit: () => quit.quit() },
  );
  electronApp.on("will-quit", () => {
    if (!tray.isDestroyed()) tray.destroy();
  });
  electronApp.on("activate", openWindow); // macOS: clicking the dock icon

  // `--hidden`: started at login, live in the tray until the user opens the dashboard.
  await closeSetting.loaded;
  if (!hasFlag(options.argv, "--hidden")) openWindow();
  return { core, openWindow, window: () => window };
}
