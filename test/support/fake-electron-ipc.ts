// A stand-in for Electron's IPC, for tests: ipcMain, one webContents with a frame tree, the
// renderer-side ipcRenderer and contextBridge. Like the real thing, every value that crosses a
// process or world boundary is copied with structuredClone (functions cannot cross except as
// contextBridge proxies), and deliveries are asynchronous.

type Listener = (event: unknown, ...args: unknown[]) => void;
// `never` parameters: any real handler signature (IpcMainInvokeEvent, typed args) fits.
type Handler = (event: never, ...args: never[]) => unknown;

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export interface FakeWebContents {
  mainFrame: FakeFrame;
  destroyed: boolean;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  getURL(): string;
}

export interface FakeIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Listener): FakeIpcRenderer;
  removeListener(channel: string, listener: Listener): FakeIpcRenderer;
}

export interface FakeElectronIpc {
  ipcMain: { handle(channel: string, handler: Handler): void; removeHandler(channel: string): void };
  webContents: FakeWebContents;
  /** The ipcRenderer of a renderer running in `frame` (the main frame by default). */
  rendererIn(frame?: FakeFrame): FakeIpcRenderer;
  /** What a preload running in the main frame sees as require("electron"). */
  electronForPreload: { ipcRenderer: FakeIpcRenderer; contextBridge: { exposeInMainWorld(key: string, api: unknown): void } };
  /** The page's `window`, as far as contextBridge is concerned. */
  mainWorld: Record<string, unknown>;
  /** Messages sent to the renderer so far, per channel. */
  sentCount(channel: string): number;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `base`: an object to turn into the webContents (e.g. a fake that also handles window events). */
export function createFakeElectronIpc(pageUrl: string, base: object = {}): FakeElectronIpc {
  const handlers = new Map<string, Handler>();
  const rendererListeners = new Map<string, Set<Listener>>();
  const sent = new Map<string, number>();
  const mainFrame: FakeFrame = { url: pageUrl, parent: null };

  const webContents: FakeWebContents = Object.assign(base, {
    mainFrame,
    destroyed: false,
    send(channel, ...args) {
      if (webContents.destroyed) throw new Error("Object has been destroyed");
      const copy = structuredClone(args);
      sent.set(channel, (sent.get(channel) ?? 0) + 1);
      void tick().then(() => {
        for (const listener of [...(rendererListeners.get(channel) ?? [])]) listener({ sender: renderer }, ...structuredClone(copy));
      });
    },
    isDestroyed: () => webContents.destroyed,
    getURL: () => mainFrame.url,
  } satisfies FakeWebContents);

  const rendererIn = (frame: FakeFrame = mainFrame): FakeIpcRenderer => {
    const self: FakeIpcRenderer = {
      async invoke(channel, ...args) {
        const copy = structuredClone(args);
        await tick();
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
        try {
          const event = { sender: webContents, senderFrame: frame, processId: 1, frameId: 1 };
          const result = await handler(event as never, ...(copy as never[]));
          return structuredClone(result);
        } catch (error) {
          throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
        }
      },
      on(channel, listener) {
        if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
        rendererListeners.get(channel)!.add(listener);
        return self;
      },
      removeListener(channel, listener) {
        rendererListeners.get(channel)?.delete(listener);
        return self;
      },
    };
    return self;
  };
  const renderer = rendererIn();

  const mainWorld: Record<string, unknown> = {};
  return {
    ipcMain: {
      handle(channel, handler) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel) => void handlers.delete(channel),
    },
    webContents,
    rendererIn,
    electronForPreload: {
      ipcRenderer: renderer,
      contextBridge: {
        exposeInMainWorld(key, api) {
          if (key in mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
          mainWorld[key] = acrossWorlds(api);
        },
      },
    },
    mainWorld,
    sentCount: (channel) => sent.get(channel) ?? 0,
  };
}

/**
 * contextBridge semantics, simplified: functions become proxies whose arguments and results are
 * themselves carried across; promises are carried by their settled value; everything else is copied.
 */
function acrossWorlds(value: unknown): unknown {
  if (typeof value === "function") {
    return (...args: unknown[]) => acrossWorlds((value as (...a: unknown[]) => unknown)(...args.map(acrossWorlds)));
  }
  if (value instanceof Promise || (typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function")) {
    return Promise.resolve(value as Promise<unknown>).then(acrossWorlds);
  }
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {};
    for (const [key, inner] of Object.entries(value)) out[key] = acrossWorlds(inner);
    return out;
  }
  return structuredClone(value);
}
