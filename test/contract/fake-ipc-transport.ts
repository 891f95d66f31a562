import type { ProviderApi } from "../../common/api";
import { APP_ENTRY_URL } from "../../main/electron/app-protocol";
import { forwardEvents, registerIpcHost } from "../../main/electron/ipc-host";
import { createFakeElectronIpc } from "../support/fake-electron-ipc";
import { bundlePreload, runPreload } from "../support/preload-bundle";
import type { Transport } from "./transports";

/**
 * Electron IPC without Electron: the real IPC host from main/electron/, the real preload bundle run in
 * its own context, and a fake ipcMain/ipcRenderer/contextBridge that copies every value with
 * structuredClone. The suite talks to what the preload exposed as window.provider.
 */
export const fakeIpcTransport: Transport = {
  name: "Electron IPC (fake ipcMain/ipcRenderer + the real preload bundle)",
  async start() {
    const { code } = await bundlePreload();
    // Imported here, not at the top: transports.ts imports this file (a static cycle would make
    // whichever loads second see the other half-initialized).
    const { newTestApp } = await import("./transports");
    const { app, cleanup } = newTestApp();
    const ipc = createFakeElectronIpc(APP_ENTRY_URL);
    const removeHost = registerIpcHost(ipc.ipcMain, app, { isOwnContents: (contents) => contents === ipc.webContents });
    const stopEvents = forwardEvents(app.events, () => [ipc.webContents]);
    runPreload(code, ipc.electronForPreload);
    return {
      api: ipc.mainWorld.provider as ProviderApi,
      app,
      // Main forwards to the window synchronously on emit: a subscriber is live as soon as it returns.
      eventsReady: async () => {},
      async close() {
        stopEvents();
        removeHost();
        await cleanup();
      },
    };
  },
};
