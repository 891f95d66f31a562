// Quitting: Electron's 'before-quit' marks the quit as chosen (so close-to-tray lets windows close),
// and 'will-quit' is held until the core has closed (database checkpointed, services stopped).

type QuitEvent = { preventDefault(): void };

export interface QuitHost {
  on(event: "before-quit" | "will-quit" | "window-all-closed", listener: (event: QuitEvent) => void): unknown;
  quit(): void;
}

export interface QuitController {
  isQuitting(): boolean;
  quit(): void;
}

export function installQuitHandling(host: QuitHost, closeCore: () => Promise<void>, log: (line: string) => void = () => {}): QuitController {
  let quitting = false;
  let coreClosed = false;
  let closing = false;
  host.on("before-quit", () => {
    quitting = true;
  });
  // Only a real close reaches here (close-to-tray hides instead): the user wants the app gone.
  host.on("window-all-closed", () => host.quit());
  host.on("will-quit", (event) => {
    if (coreClosed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    closeCore()
      .catch((error: unknown) => log(`[app] error while closing: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        coreClosed = true;
        host.quit();
      });
  });
  return {
    isQuitting: () => quitting,
    quit: () => {
      quitting = true;
      host.quit();
    },
  };
}
