// One interval timer for the app's periodic work (telemetry sampling, withdrawals, market prices):
// injected so tests move time by hand; the real one never keeps the process alive on its own.

export interface Timer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimer: Timer = {
  setInterval(fn, ms) {
    const handle = setInterval(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};
