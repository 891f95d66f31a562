import { EventEmitter } from "node:events";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from "../../../common/names";
import { APP_ENTRY_URL } from "../../../main/electron/app-protocol";
import { startElectronShell, type ElectronModule } from "../../../main/electron/shell";
import { createFakeElectronIpc } from "../../support/fake-electron-ipc";
import { gamingPc } from "../../support/fake-system";
import { FakeEvent, FakeShell, FakeWebContents, FakeWindow } from "./fakes";

// The whole shell wiring against a fake electron module, with the real createApp and SQLite store.

class FakeApp extends EventEmitter {
  calls: string[] = [];
  ready = false;
  exitCode: number | undefined;
  lock = true;
  private readyWaiters: (() => void)[] = [];
  disableHardwareAcceleration() {
    if (this.ready) throw new Error("disableHardwareAcceleration must run before ready");
    this.calls.push("disableHardwareAcceleration");
  }
  requestSingleInstanceLock() {
    return this.lock;
  }
  isReady() {
    return this.ready;
  }
  whenReady() {
    return new Promise<void>((resolve) => (this.ready ? resolve() : this.readyWaiters.push(resolve)));
  }
  becomeReady() {
    this.ready = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }
  quit() {
    this.calls.push("quit");
    const before = new FakeEvent();
    this.emit("before-quit", before);
    const will = new FakeEvent();
    this.emit("will-quit", will);
    if (!will.defaultPrevented) this.exitCode = 0;
  }
  exit(code: number) {
    this.exitCode = code;
  }
}

function fakeElectron() {
  const app = new FakeApp();
  // The window's webContents doubles as the fake IPC's, so calls from its main frame are genuine.
  const contents = new FakeWebContents();
  const ipc = createFakeElectronIpc(APP_ENTRY_URL, contents);
  class BrowserWindow extends FakeWindow {
    override readonly webContents = contents;
  }
  const record = { schemes: [] as unknown[], handled: [] as string[], permissions: 0, trays: [] as EventEmitter[], errorBoxes: [] as string[] };
  const protocol = {
    registerSchemesAsPrivileged: (s: unknown) => {
      if (app.ready) throw new Error("schemes must be registered before ready");
      record.schemes.push(s);
    },
    handle: (scheme: string) => record.handled.push(scheme),
  };
  class Tray extends EventEmitter {
    destroyed = false;
    constructor(readonly icon: unknown) {
      super();
      record.trays.push(this);
    }
    setToolTip() {}
    setContextMenu(menu: unknown) {
      (this as unknown as { menu: unknown }).menu = menu;
    }
    destroy() {
      if (this.destroyed) throw new Error("Object has been destroyed");
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }
  const electron = {
    app,
    protocol,
    BrowserWindow,
    ipcMain: ipc.ipcMain,
    shell: new FakeShell(),
    session: { defaultSession: { setPermissionRequestHandler: () => record.permissions++, setPermissionCheckHandler: () => record.permissions++ } },
    Tray,
    Menu: { buildFromTemplate: (template: unknown[]) => ({ template }) },
    nativeImage: { createFromBuffer: (png: Buffer) => ({ png }) },
    dialog: { showErrorBox: (title: string, body: string) => record.errorBoxes.push(`${title}: ${body}`) },
  };
  return { electron: electron as unknown as ElectronModule, app, ipc, record };
}

let dir: string;
// The shell starts the in-process devnet, whose code the app loads on first use. In the built app
// that is one small chunk; here vitest transforms its ~100 source files on that first import, and a
// quit waits for the start it interrupts. Load it once up front, as the test did before the devnet
// became lazy, so the quit below measures the app and not the transform.
beforeAll(async () => {
  await import("../../../main/devnet");
}, 60_000);

beforeEach(() => {
  FakeWindow.created = [];
  dir = mkdtempSync(join(tmpdir(), "apd-shell-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (argv: string[] = []) => ({
  argv: ["electron", ".", "--data-dir", join(dir, "data"), ...argv],
  // Start at login writes its XDG autostart entry here, never into the real home.
  env: { XDG_CONFIG_HOME: join(dir, "xdg") },
  platform: "linux" as const,
  distDir: join(dir, "dist"),
  appDeps: { systemInfo: gamingPc },
  log: () => {},
});

describe("the Electron shell", () => {
  it("wires hardware acceleration off, app://, permissions, IPC, tray and a window; quits cleanly", async () => {
    const { electron, app, record } = fakeElectron();
    const started = startElectronShell(electron, options());
    expect(app.calls).toEqual(["disableHardwareAcceleration"]);
    expect(record.schemes).toHaveLength(1);
    app.becomeReady();
    const shell = (await started)!;
    expect(shell.core.config).toMatchObject({ mode: "electron", dataDir: join(dir, "data") });
    expect(record.handled).toEqual(["app"]);
    expect(record.permissions).toBe(2);
    expect(record.trays).toHaveLength(1);

    const [window] = FakeWindow.created;
    expect(window!.loaded).toEqual([APP_ENTRY_URL]);
    expect((window!.options.webPreferences as { preload: string }).preload).toBe(join(dir, "dist", "preload", "index.cjs"));

    // Closing hides to the tray (the default setting); the tray's Open brings the same window back.
    window!.show();
    expect(window!.userClose()).toBe(false);
    const menu = (record.trays[0] as unknown as { menu: { template: { id?: string; click?: () => void }[] } }).menu;
    menu.template.find((item) => item.id === "open")!.click!();
    expect(FakeWindow.created).toHaveLength(1);
    expect(window!.visible).toBe(true);

    // Quit from the tray: the window may close now, the core closes, then the app exits.
    menu.template.find((item) => item.id === "quit")!.click!();
    expect(window!.userClose()).toBe(true);
    await expect.poll(() => app.exitCode).toBe(0);
    expect((record.trays[0] as unknown as { destroyed: boolean }).destroyed).toBe(true);
    expect(await shell.core.call("settings.get", undefined)).toMatchObject({ ok: false }); // the store is closed
  });

  it("serves IPC calls from its own window's main frame only, and forwards events to it", async () => {
    const { electron, app, ipc } = fakeElectron();
    const started = startElectronShell(electron, options());
    app.becomeReady();
    const shell = (await started)!;
    const renderer = ipc.rendererIn();
    expect(await renderer.invoke(IPC_CALL_CHANNEL, "app.info")).toMatchObject({ ok: true, value: { mode: "electron" } });
    const iframe = { url: APP_ENTRY_URL, parent: ipc.webContents.mainFrame };
    expect(await ipc.rendererIn(iframe).invoke(IPC_CALL_CHANNEL, "app.info")).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    // Other services (status, bid engine) may announce their own changes too: count this one.
    const received: string[] = [];
    renderer.on(IPC_EVENT_CHANNEL, (_event, name) => received.push(String(name)));
    await renderer.invoke(IPC_CALL_CHANNEL, "settings.update", { startAtLogin: true });
    await expect.poll(() => received.filter((name) => name === "settings.changed")).toEqual(["settings.changed"]);
    await shell.startAtLoginSettled();
    expect(readFileSync(join(dir, "xdg", "autostart", "akash-provider-desktop.desktop"), "utf8")).toContain(" --hidden");
    // Once the window is gone, its webContents is no longer ours.
    FakeWindow.created[0]!.destroyed = true;
    expect(await renderer.invoke(IPC_CALL_CHANNEL, "app.info")).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    await shell.core.close();
  });

  it("honours closeToTray off: closing the window quits", async () => {
    const { electron, app } = fakeElectron();
    const first = startElectronShell(electron, options());
    app.becomeReady();
    const shell = (await first)!;
    await shell.core.call("settings.update", { closeToTray: false });
    expect(FakeWindow.created[0]!.userClose()).toBe(true);
    app.emit("window-all-closed", new FakeEvent());
    await expect.poll(() => app.exitCode).toBe(0);
  });

  it("--hidden starts in the tray; a second launch opens the window", async () => {
    const { electron, app } = fakeElectron();
    const started = startElectronShell(electron, options(["--hidden"]));
    app.becomeReady();
    const shell = (await started)!;
    expect(FakeWindow.created).toHaveLength(0);
    app.emit("second-instance");
    expect(FakeWindow.created).toHaveLength(1);
    expect(shell.window()).toBe(FakeWindow.created[0]);
    await shell.core.close();
  });

  it("a second instance exits without opening anything", async () => {
    const { electron, app } = fakeElectron();
    app.lock = false;
    expect(await startElectronShell(electron, options())).toBeNull();
    expect(app.calls).toContain("quit");
    expect(FakeWindow.created).toHaveLength(0);
  });

  it("a database it cannot open is reported in a dialog, then the app exits 1", async () => {
    const { electron, app, record } = fakeElectron();
    const dataDir = join(dir, "not-a-dir");
    mkdirSync(dir, { recursive: true });
    writeFileSync(dataDir, "a file where the data dir should be");
    const started = startElectronShell(electron, { ...options(), argv: ["electron", ".", "--data-dir", dataDir] });
    app.becomeReady();
    expect(await started).toBeNull();
    expect(app.exitCode).toBe(1);
    expect(record.errorBoxes.join()).toContain("could not start");
  });
});
