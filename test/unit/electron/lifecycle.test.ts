import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { installQuitHandling } from "../../../main/electron/lifecycle";
import { claimSingleInstance } from "../../../main/electron/single-instance";
import { FakeEvent } from "./fakes";

/** Electron's quit sequence, reduced: before-quit, then will-quit (both cancelable), then exit. */
class FakeElectronApp extends EventEmitter {
  exited = false;
  quitCalls = 0;
  quit(): void {
    this.quitCalls++;
    const before = new FakeEvent();
    this.emit("before-quit", before);
    if (before.defaultPrevented) return;
    const will = new FakeEvent();
    this.emit("will-quit", will);
    if (!will.defaultPrevented) this.exited = true;
  }
}

describe("quit handling", () => {
  it("holds the quit until the core has closed, then completes it", async () => {
    const host = new FakeElectronApp();
    let finishClose: () => void = () => {};
    let closes = 0;
    const controller = installQuitHandling(host, () => new Promise<void>((resolve) => ((closes += 1), (finishClose = resolve))));
    expect(controller.isQuitting()).toBe(false);
    controller.quit();
    expect(controller.isQuitting()).toBe(true);
    expect(host.exited).toBe(false);
    host.quit(); // a second Quit while closing does not close twice
    expect(closes).toBe(1);
    finishClose();
    await expect.poll(() => host.exited).toBe(true);
  });

  it("still exits when closing the core fails, and logs why", async () => {
    const host = new FakeElectronApp();
    const log: string[] = [];
    installQuitHandling(host, () => Promise.reject(new Error("disk full")), (l) => log.push(l));
    host.quit();
    await expect.poll(() => host.exited).toBe(true);
    expect(log.join()).toContain("disk full");
  });

  it("a quit from the OS (not our menu) also counts as chosen", () => {
    const host = new FakeElectronApp();
    const controller = installQuitHandling(host, async () => {});
    host.emit("before-quit", new FakeEvent());
    expect(controller.isQuitting()).toBe(true);
  });

  it("quits when the last window really closed", async () => {
    const host = new FakeElectronApp();
    installQuitHandling(host, async () => {});
    host.emit("window-all-closed", new FakeEvent());
    await expect.poll(() => host.exited).toBe(true);
  });
});

describe("single instance", () => {
  it("the first instance keeps the lock and reveals its window on a second launch", () => {
    const app = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => true, quit: () => expect.fail("must not quit") });
    let revealed = 0;
    expect(claimSingleInstance(app, () => revealed++)).toBe(true);
    app.emit("second-instance");
    expect(revealed).toBe(1);
  });

  it("a second instance quits at once", () => {
    let quit = 0;
    const app = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => false, quit: () => quit++ });
    expect(claimSingleInstance(app, () => expect.fail("no window"))).toBe(false);
    expect(quit).toBe(1);
  });
});
