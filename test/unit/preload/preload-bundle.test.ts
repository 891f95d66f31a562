import { describe, expect, it } from "vitest";
import { EVENT_NAMES, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, METHOD_NAMES } from "../../../common/names";
import { createFakeElectronIpc } from "../../support/fake-electron-ipc";
import { bundlePreload, runPreload } from "../../support/preload-bundle";

// The preload is the renderer's only door into main: it must stay tiny, need nothing but electron,
// and expose exactly the contract.

/** Every module specifier the code loads: require("x"), import("x"), import … from "x". */
function loadedModules(code: string): string[] {
  const found: string[] = [];
  const patterns = [/\brequire\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g, /\bimport\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g, /\bfrom\s*(["'`])([^"'`]+)\1/g, /^\s*import\s*(["'`])([^"'`]+)\1/gm];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[2]!);
  return found;
}

describe("the preload bundle", () => {
  it("requires only electron", async () => {
    const bundle = await bundlePreload();
    expect(bundle.externals).toEqual(["electron"]);
    expect(loadedModules(bundle.code)).toEqual(["electron"]);
    // And nothing reaches for require some other way (a computed require would dodge the regex).
    expect(bundle.code.match(/\brequire\b/g)).toHaveLength(1);
  });

  it("stays under 4 KB", async () => {
    const { bytes, code } = await bundlePreload();
    expect(bytes).toBe(Buffer.byteLength(code));
    expect(bytes).toBeLessThan(4096);
  });

  it("runs with only require('electron') and exposes window.provider: one function per method, plus subscribe", async () => {
    const ipc = createFakeElectronIpc("app://renderer/index.html");
    const required = runPreload((await bundlePreload()).code, ipc.electronForPreload);
    expect(required).toEqual(["electron"]);
    expect(Object.keys(ipc.mainWorld)).toEqual(["provider"]);
    const provider = ipc.mainWorld.provider as Record<string, unknown>;
    expect(Object.keys(provider).sort()).toEqual([...METHOD_NAMES, "subscribe"].sort());
    for (const key of Object.keys(provider)) expect(typeof provider[key], key).toBe("function");
  });

  it("a method call is one invoke on the call channel with the method name and input", async () => {
    const ipc = createFakeElectronIpc("app://renderer/index.html");
    const seen: unknown[][] = [];
    ipc.ipcMain.handle(IPC_CALL_CHANNEL, (_event, ...args) => (seen.push(args), { ok: true, value: "pong" }));
    runPreload((await bundlePreload()).code, ipc.electronForPreload);
    const provider = ipc.mainWorld.provider as Record<string, (input?: unknown) => Promise<unknown>>;
    const method = METHOD_NAMES[0];
    expect(await provider[method]!({ a: 1 })).toEqual({ ok: true, value: "pong" });
    expect(seen).toEqual([[method, { a: 1 }]]);
  });

  it("subscribe delivers only its event, unsubscribes, and refuses unknown events", async () => {
    const ipc = createFakeElectronIpc("app://renderer/index.html");
    runPreload((await bundlePreload()).code, ipc.electronForPreload);
    const provider = ipc.mainWorld.provider as { subscribe(event: string, cb: (payload: unknown) => void): () => void };
    const event = EVENT_NAMES[0];
    const received: unknown[] = [];
    const unsubscribe = provider.subscribe(event, (payload) => received.push(payload));
    ipc.webContents.send(IPC_EVENT_CHANNEL, "some.other.event", { x: 1 });
    ipc.webContents.send(IPC_EVENT_CHANNEL, event, { n: 1 });
    await expect.poll(() => received).toEqual([{ n: 1 }]);
    unsubscribe();
    ipc.webContents.send(IPC_EVENT_CHANNEL, event, { n: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([{ n: 1 }]);
    expect(() => provider.subscribe("fs.changed", () => {})).toThrow(/Unknown event/);
    expect(() => provider.subscribe(event, "not a function" as never)).toThrow(/callback/);
  });
});
