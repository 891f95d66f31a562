import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ProviderApi } from "../../common/api";
import { createApp, type App } from "../../main/app";
import { startBridge } from "../../main/bridge/loopback-bridge";
import { createBridgeClient } from "../../renderer/src/bridge-client";
import { gamingPc } from "../support/fake-system";
import { fakeIpcTransport } from "./fake-ipc-transport";

/** One way of reaching the app from the renderer's side, built fresh for each test. */
export interface TransportHarness {
  api: ProviderApi;
  app: App;
  /** Resolves when events emitted from now on will reach subscribers. */
  eventsReady(): Promise<void>;
  close(): Promise<void>;
}

export interface Transport {
  name: string;
  start(): Promise<TransportHarness>;
}

export function newTestApp(): { app: App; cleanup: () => Promise<void> } {
  const dataDir = mkdtempSync(join(tmpdir(), "apd-contract-"));
  const app = createApp({ dataDir, mode: "headless", version: "0.0.0-test" }, { systemInfo: gamingPc, log: () => {}, scryptCost: { n: 2 ** 12, r: 8, p: 1 } });
  return {
    app,
    cleanup: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const httpBridgeTransport: Transport = {
  name: "loopback HTTP/WebSocket bridge",
  async start() {
    const { app, cleanup } = newTestApp();
    const bridge = await startBridge({ app, rendererDir: join(tmpdir(), "no-renderer") });
    let connected: () => void = () => {};
    const open = new Promise<void>((resolve) => (connected = resolve));
    const client = createBridgeClient({ baseUrl: `http://127.0.0.1:${bridge.port}`, token: bridge.token, onConnectionChange: (up) => up && connected() });
    return {
      api: client.api,
      app,
      eventsReady: () => open,
      async close() {
        client.close();
        await bridge.close();
        await cleanup();
      },
    };
  },
};

/** Every transport the contract suite runs over. */
export const transports: Transport[] = [httpBridgeTransport, fakeIpcTransport];
