import { beforeEach, describe, expect, it } from "vitest";
import { APP_ENTRY_URL } from "../../../main/electron/app-protocol";
import { createMainWindow, mainWindowOptions, revealWindow } from "../../../main/electron/main-window";
import { FakeShell, FakeWindow } from "./fakes";

beforeEach(() => {
  FakeWindow.created = [];
});

describe("the main window", () => {
  it("runs the renderer isolated, sandboxed, without Node or webviews, with our preload", () => {
    const prefs = mainWindowOptions("/app/dist/preload/index.cjs").webPreferences!;
    expect(prefs).toMatchObject({
      preload: "/app/dist/preload/index.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it("loads app://renderer/index.html, hardens its webContents and shows once ready", () => {
    const window = createMainWindow({ createWindow: (options) => new FakeWindow(options as never), shell: new FakeShell() }, "/p.cjs");
    expect(FakeWindow.created).toEqual([window]);
    expect((window.options.webPreferences as { preload: string }).preload).toBe("/p.cjs");
    expect(window.options.show).toBe(false);
    expect(window.loaded).toEqual([APP_ENTRY_URL]);
    expect(window.webContents.open("https://x.example")).toEqual({ action: "deny" });
    expect(window.webContents.attempt("will-navigate", "https://x.example")).toBe(true);
    expect(window.visible).toBe(false);
    window.emit("ready-to-show");
    expect(window.visible).toBe(true);
  });

  it("logs a failed load instead of crashing", async () => {
    const log: string[] = [];
    class Failing extends FakeWindow {
      override loadURL(): Promise<void> {
        return Promise.reject(new Error("ERR_FILE_NOT_FOUND"));
      }
    }
    createMainWindow({ createWindow: (o) => new Failing(o as never), shell: new FakeShell(), log: (l) => log.push(l) }, "/p.cjs");
    await expect.poll(() => log.join()).toContain("ERR_FILE_NOT_FOUND");
  });

  it("revealWindow restores a minimized window, shows and focuses it", () => {
    const window = new FakeWindow({});
    window.minimized = true;
    revealWindow(window);
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });
});
