import { afterEach, describe, expect, it } from "vitest";
import type { ProviderApi } from "../../../common/api";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from "../../../common/names";
import { APP_ENTRY_URL } from "../../../main/electron/app-protocol";
import { forwardEvents, isTrustedSender, registerIpcHost, sameContents } from "../../../main/electron/ipc-host";
import { EventBus } from "../../../main/events";
import { newTestApp } from "../../contract/transports";
import { createFakeElectronIpc, type FakeFrame } from "../../support/fake-electron-ipc";
import { bundlePreload, runPreload } from "../../support/preload-bundle";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real app behind the real IPC host, reached through the fake IPC from a page at `pageUrl`. */
function host(pageUrl = APP_ENTRY_URL) {
  const { app, cleanup } = newTestApp();
  const ipc = createFakeElectronIpc(pageUrl);
  const log: string[] = [];
  const remove = registerIpcHost(ipc.ipcMain, app, { isOwnContents: (c) => c === ipc.webContents, log: (l) => log.push(l) });
  cleanups.push(cleanup, remove);
  return { app, ipc, log };
}

describe("isTrustedSender", () => {
  const mainFrame: FakeFrame = { url: APP_ENTRY_URL, parent: null };
  const sender = { mainFrame } as never;
  it("trusts only the main frame of a page on app://renderer", () => {
    expect(isTrustedSender({ sender, senderFrame: mainFrame as never })).toBe(true);
    const subframe = { url: APP_ENTRY_URL, parent: mainFrame };
    expect(isTrustedSender({ sender, senderFrame: subframe as never })).toBe(false);
    expect(isTrustedSender({ sender, senderFrame: null })).toBe(false);
    // Right URL, no parent, but not this webContents' main frame (e.g. a frame of another window).
    expect(isTrustedSender({ sender, senderFrame: { url: APP_ENTRY_URL, parent: null } as never })).toBe(false);
    for (const url of ["https://evil.example/", "app://evil/index.html", "file:///index.html", "about:blank", "", "null"]) {
      const frame = { url, parent: null };
      expect(isTrustedSender({ sender: { mainFrame: frame } as never, senderFrame: frame as never }), url).toBe(false);
    }
  });
});

describe("frame and webContents identity", () => {
  it("falls back to Electron's frame ids when the frame objects differ", () => {
    const ids = { frameTreeNodeId: 7, processId: 3, routingId: 1 };
    const mainFrame = { url: APP_ENTRY_URL, parent: null, ...ids };
    const sameFrameAgain = { url: APP_ENTRY_URL, parent: null, ...ids };
    expect(isTrustedSender({ sender: { mainFrame } as never, senderFrame: sameFrameAgain as never })).toBe(true);
    const otherFrame = { ...sameFrameAgain, frameTreeNodeId: 8 };
    expect(isTrustedSender({ sender: { mainFrame } as never, senderFrame: otherFrame as never })).toBe(false);
  });

  it("sameContents matches the same object or the same numeric id only", () => {
    const a = { id: 1 };
    expect(sameContents(a, a)).toBe(true);
    expect(sameContents({ id: 1 }, a)).toBe(true);
    expect(sameContents({ id: 2 }, a)).toBe(false);
    expect(sameContents({}, {})).toBe(false);
    expect(sameContents(null, a)).toBe(false);
    expect(sameContents(a, null)).toBe(false);
  });
});

describe("the IPC host", () => {
  it("serves our main frame, validating the payload in dispatch", async () => {
    const { ipc } = host();
    const renderer = ipc.rendererIn();
    expect(await renderer.invoke(IPC_CALL_CHANNEL, "settings.get")).toMatchObject({ ok: true, value: { closeToTray: true } });
    expect(await renderer.invoke(IPC_CALL_CHANNEL, "settings.update", { network: "moon-1" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await renderer.invoke(IPC_CALL_CHANNEL, "fs.readFile", "/etc/passwd")).toMatchObject({ ok: false, error: { code: "UNKNOWN_METHOD" } });
    expect(await renderer.invoke(IPC_CALL_CHANNEL, { toString: null }, [1, 2])).toMatchObject({ ok: false, error: { code: "UNKNOWN_METHOD" } });
  });

  it("refuses a subframe of our page with UNAUTHORIZED and never reaches the app", async () => {
    const { ipc, log } = host();
    const iframe: FakeFrame = { url: "app://renderer/embedded.html", parent: ipc.webContents.mainFrame };
    const result = await ipc.rendererIn(iframe).invoke(IPC_CALL_CHANNEL, "settings.update", { closeToTray: false });
    expect(result).toEqual({ ok: false, error: { code: "UNAUTHORIZED", message: expect.any(String) } });
    expect(await ipc.rendererIn().invoke(IPC_CALL_CHANNEL, "settings.get")).toMatchObject({ value: { closeToTray: true } });
    expect(log.join()).toContain("refused");
  });

  it.each(["https://evil.example/", "app://other/index.html", "file:///tmp/index.html"])("refuses a page loaded from %s", async (url) => {
    const { ipc } = host(url);
    expect(await ipc.rendererIn().invoke(IPC_CALL_CHANNEL, "app.info")).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
  });

  it("refuses a webContents that is not one of our windows", async () => {
    const { app, cleanup } = newTestApp();
    cleanups.push(cleanup);
    const ipc = createFakeElectronIpc(APP_ENTRY_URL);
    cleanups.push(registerIpcHost(ipc.ipcMain, app, { isOwnContents: () => false }));
    expect(await ipc.rendererIn().invoke(IPC_CALL_CHANNEL, "app.info")).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
  });

  it("answers garbage with an error envelope, never a throw (fuzz)", async () => {
    const { ipc } = host();
    const renderer = ipc.rendererIn();
    let seed = 99;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = (depth: number): unknown => {
      const pick = Math.floor(random() * 11);
      if (depth > 2 && pick > 6) return null;
      return [
        () => undefined,
        () => null,
        () => random() * 1e9,
        () => "x".repeat(Math.floor(random() * 50)),
        () => ["app.info", "settings.update", "__proto__", "constructor", ""][Math.floor(random() * 5)],
        () => BigInt(Math.floor(random() * 1e6)),
        () => new Date(random() * 1e12),
        () => [values(depth + 1), values(depth + 1)],
        () => ({ network: values(depth + 1), closeToTray: values(depth + 1), ["__proto__"]: { polluted: true } }),
        () => new Map([[1, values(depth + 1)]]),
        () => new Uint8Array([1, 2, 3]),
      ][pick]!();
    };
    for (let i = 0; i < 300; i++) {
      const result = (await renderer.invoke(IPC_CALL_CHANNEL, values(0), values(0), values(0))) as { ok: boolean; error?: { code: string } };
      expect(typeof result.ok).toBe("boolean");
      if (!result.ok) expect(["UNKNOWN_METHOD", "INVALID_INPUT"]).toContain(result.error!.code);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("turns a throwing app into an INTERNAL envelope", async () => {
    const ipc = createFakeElectronIpc(APP_ENTRY_URL);
    const log: string[] = [];
    registerIpcHost(ipc.ipcMain, { call: () => Promise.reject(new Error("boom")) }, { log: (l) => log.push(l) });
    expect(await ipc.rendererIn().invoke(IPC_CALL_CHANNEL, "app.info")).toEqual({ ok: false, error: { code: "INTERNAL", message: "Internal error." } });
    expect(log.join()).toContain("boom");
  });

  it("removes its handler when disposed", async () => {
    const { app, cleanup } = newTestApp();
    cleanups.push(cleanup);
    const ipc = createFakeElectronIpc(APP_ENTRY_URL);
    registerIpcHost(ipc.ipcMain, app)();
    await expect(ipc.rendererIn().invoke(IPC_CALL_CHANNEL, "app.info")).rejects.toThrow(/No handler/);
  });

  it("through the real preload: a subframe's window.provider is refused too", async () => {
    const { ipc } = host();
    const { code } = await bundlePreload();
    const iframe: FakeFrame = { url: APP_ENTRY_URL, parent: ipc.webContents.mainFrame };
    const world: Record<string, unknown> = {};
    runPreload(code, { ipcRenderer: ipc.rendererIn(iframe), contextBridge: { exposeInMainWorld: (k: string, v: unknown) => void (world[k] = v) } });
    const result = await (world.provider as ProviderApi)["app.info"]();
    expect(result).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
  });
});

describe("forwardEvents", () => {
  // An event bus of its own: the app's services emit events of their own on a settings change too.
  const settings = { network: "local", startAtLogin: false, closeToTray: false } as const;

  it("sends app events to live windows showing our renderer, and stops when unsubscribed", async () => {
    const events = new EventBus();
    const live = createFakeElectronIpc(APP_ENTRY_URL);
    const destroyed = createFakeElectronIpc(APP_ENTRY_URL);
    destroyed.webContents.destroyed = true;
    const elsewhere = createFakeElectronIpc("https://evil.example/");
    const received: unknown[][] = [];
    live.rendererIn().on(IPC_EVENT_CHANNEL, (_event, ...args) => received.push(args));
    const stop = forwardEvents(events, () => [live.webContents, destroyed.webContents, elsewhere.webContents]);
    events.emit("settings.changed", settings);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toEqual(["settings.changed", { network: "local", startAtLogin: false, closeToTray: false }]);
    expect(destroyed.sentCount(IPC_EVENT_CHANNEL)).toBe(0);
    expect(elsewhere.sentCount(IPC_EVENT_CHANNEL)).toBe(0);
    stop();
    events.emit("settings.changed", { ...settings, closeToTray: true });
    expect(live.sentCount(IPC_EVENT_CHANNEL)).toBe(1);
  });

  it("logs a failed send and keeps delivering to the other windows", async () => {
    const events = new EventBus();
    const good = createFakeElectronIpc(APP_ENTRY_URL);
    const broken = { isDestroyed: () => false, getURL: () => APP_ENTRY_URL, send: () => { throw new Error("render process gone"); } };
    const log: string[] = [];
    cleanups.push(forwardEvents(events, () => [broken, good.webContents] as never, (l) => log.push(l)));
    events.emit("settings.changed", { ...settings, startAtLogin: true });
    expect(good.sentCount(IPC_EVENT_CHANNEL)).toBe(1);
    expect(log.join()).toContain("render process gone");
  });
});
