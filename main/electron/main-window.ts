import type { BrowserWindow, BrowserWindowConstructorOptions, Shell } from "electron";
import { APP_ENTRY_URL } from "./app-protocol";
import { hardenWebContents, type HardenableContents } from "./web-security";

// The dashboard window: the renderer runs sandboxed and context-isolated, with no Node, and reaches
// main only through the preload's window.provider.

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: "Akash Provider Desktop",
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: "#101014",
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The parts of BrowserWindow the factory uses; the real class satisfies it. */
export interface WindowLike {
  readonly webContents: HardenableContents;
  once(event: "ready-to-show", listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export interface MainWindowDeps<W extends WindowLike> {
  createWindow(options: BrowserWindowConstructorOptions): W;
  shell: Pick<Shell, "openExternal">;
  log?: (line: string) => void;
}

export function createMainWindow<W extends WindowLike>(deps: MainWindowDeps<W>, preloadPath: string): W {
  const log = deps.log ?? (() => {});
  const window = deps.createWindow(mainWindowOptions(preloadPath));
  hardenWebContents(window.webContents, deps.shell, log);
  window.once("ready-to-show", () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log(`[window] could not load ${APP_ENTRY_URL}: ${String(error)}`));
  return window;
}

/** Brings the window back from the tray, the taskbar or behind other windows. */
export function revealWindow(window: Pick<BrowserWindow, "isMinimized" | "restore" | "show" | "focus">): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
