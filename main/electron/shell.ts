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
import { NotificationController } from "../notify";
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from "../../common/status-schemas";
import { createDesktopNotifier } from "./notifications";
import { trackStartAtLogin } from "./start-at-login";
import { followStatus, setBiddingPaused, setGamingMode, trayStateFromOverview } from "./status-tray";
import { createAppTray, renderTrayState } from "./tray";
import type { TrayActions } from "./tray-menu";
import { denyAllPermissions } from "./web-security";

// The Electron shell, wired from the pieces in this folder. It takes the electron module as a
// parameter, so the whole wiring runs in tests against fakes; main/index.ts passes the real one.

export type ElectronModule = Pick<
  typeof import("electron"),
  "app" | "BrowserWindow" | "dialog" | "ipcMain" | "Menu" | "nativeImage" | "Notification" | "protocol" | "session" | "shell" | "Tray"
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
  /** Resolves once the start-at-login setting known so far is applied to the OS. */
  startAtLoginSettled(): Promise<void>;
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
      { log, devnet: { autoStart: true }, status: { autoStart: true }, serving: { autoStart: true }, ...options.appDeps },
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

  const trayDeps = {
    createTray: (icon: Electron.NativeImage) => new electron.Tray(icon),
    buildMenu: (template: Electron.MenuItemConstructorOptions[]) => electron.Menu.buildFromTemplate(template),
    createImage: (png: Buffer) => electron.nativeImage.createFromBuffer(png),
  };
  const baseActions: TrayActions = { openDashboard: openWindow, quit: () => quit.quit() };
  const tray = createAppTray(trayDeps, baseActions);

  // The tray and desktop notifications follow status.overview / status.changed.
  const notices = new NotificationController({
    settings: async () => {
      const result = await core.call("notifications.settings", undefined);
      return result.ok ? (result.value as NotificationSettings) : DEFAULT_NOTIFICATION_SETTINGS;
    },
    show: createDesktopNotifier({ isSupported: () => electron.Notification.isSupported(), create: (o) => new electron.Notification(o) }, openWindow, log),
    now: () => Date.now(),
    log,
  });
  let tone: string | null = null;
  const stopStatus = followStatus(
    core,
    (overview) => {
      const actions: TrayActions = {
        ...baseActions,
        pauseBidding: () => void setBiddingPaused(core, true, log),
        resumeBidding: () => void setBiddingPaused(core, false, log),
        // Gaming mode is the live engine's switch: offered only while it runs.
        ...(overview.engineRunning ? { setGamingMode: (on: boolean) => void setGamingMode(core, on, log) } : {}),
      };
      tone = renderTrayState(tray, trayDeps, actions, trayStateFromOverview(overview), tone);
      void notices.onOverview(overview);
    },
    log,
  );
  // "Offline for two minutes" must fire even when no new overview arrives.
  const noticeTick = setInterval(() => void notices.tick(), 30_000);
  noticeTick.unref?.();
  // Unpackaged (development) Electron needs the app folder to know what to run.
  const appArgs = electronApp.isPackaged === false && typeof electronApp.getAppPath === "function" ? [electronApp.getAppPath()] : [];
  const startAtLogin = trackStartAtLogin(core, { platform: options.platform, env: options.env, execPath: process.execPath, appArgs, app: electronApp }, log);
  electronApp.on("will-quit", () => {
    clearInterval(noticeTick);
    stopStatus();
    startAtLogin.dispose();
    if (!tray.isDestroyed()) tray.destroy();
  });
  electronApp.on("activate", openWindow); // macOS: clicking the dock icon

  // `--hidden`: started at login, live in the tray until the user opens the dashboard.
  await closeSetting.loaded;
  if (!hasFlag(options.argv, "--hidden")) openWindow();
  return { core, openWindow, window: () => window, startAtLoginSettled: () => startAtLogin.settled() };
}
