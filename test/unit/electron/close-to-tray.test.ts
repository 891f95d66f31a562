import { afterEach, describe, expect, it } from "vitest";
import { installCloseToTray, trackCloseToTraySetting } from "../../../main/electron/close-to-tray";
import type { Envelope } from "../../../common/envelope";
import { EventBus } from "../../../main/events";
import { newTestApp } from "../../contract/transports";
import { FakeWindow } from "./fakes";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("close-to-tray", () => {
  it("hides the window instead of closing it while the setting is on and no quit was chosen", () => {
    const window = new FakeWindow({});
    window.show();
    const policy = { quitting: false, toTray: true };
    installCloseToTray(window, { isQuitting: () => policy.quitting, closeToTray: () => policy.toTray });
    expect(window.userClose()).toBe(false);
    expect(window.visible).toBe(false);
    expect(window.destroyed).toBe(false);

    policy.toTray = false;
    expect(window.userClose()).toBe(true);
  });

  it("lets the window close when the user chose Quit", () => {
    const window = new FakeWindow({});
    installCloseToTray(window, { isQuitting: () => true, closeToTray: () => true });
    expect(window.userClose()).toBe(true);
  });
});

describe("trackCloseToTraySetting", () => {
  it("reads the stored setting and follows settings.changed (real app and store)", async () => {
    const { app, cleanup } = newTestApp();
    cleanups.push(cleanup);
    await app.call("settings.update", { closeToTray: false });
    const setting = trackCloseToTraySetting(app);
    expect(setting.get()).toBe(true); // the default, until the store answers
    await setting.loaded;
    expect(setting.get()).toBe(false);
    await app.call("settings.update", { closeToTray: true });
    expect(setting.get()).toBe(true);
    setting.dispose();
    await app.call("settings.update", { closeToTray: false });
    expect(setting.get()).toBe(true);
  });

  it("a change event that beats the initial read wins over it", async () => {
    const events = new EventBus();
    let answer: (value: Envelope<unknown>) => void = () => {};
    const setting = trackCloseToTraySetting({ events, call: () => new Promise((resolve) => (answer = resolve)) });
    events.emit("settings.changed", { network: "local", startAtLogin: false, closeToTray: false });
    answer({ ok: true, value: { network: "local", startAtLogin: false, closeToTray: true } });
    await setting.loaded;
    expect(setting.get()).toBe(false);
  });

  it("keeps the default when the read fails", async () => {
    const setting = trackCloseToTraySetting({ events: new EventBus(), call: async () => ({ ok: false, error: { code: "INTERNAL", message: "db locked" } }) });
    await setting.loaded;
    expect(setting.get()).toBe(true);
    const rejected = trackCloseToTraySetting({ events: new EventBus(), call: () => Promise.reject(new Error("gone")) });
    await rejected.loaded;
    expect(rejected.get()).toBe(true);
  });
});
