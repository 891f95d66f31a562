import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EventBus } from "../../../main/events";
import { applyStartAtLogin, AUTOSTART_FILE, desktopEntry, xdgAutostartDir } from "../../../main/electron/auto-launch";
import { trackStartAtLogin } from "../../../main/electron/start-at-login";
import type { Envelope } from "../../../common/envelope";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "apd-autostart-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function loginApp() {
  const calls: unknown[] = [];
  return { calls, setLoginItemSettings: (s: unknown) => void calls.push(s) };
}

describe("start at login", () => {
  it("Windows and macOS: a login item started with --hidden", async () => {
    for (const platform of ["win32", "darwin"] as const) {
      const app = loginApp();
      await applyStartAtLogin(true, { platform, env: {}, execPath: "C:\\x.exe", app });
      await applyStartAtLogin(false, { platform, env: {}, execPath: "C:\\x.exe", app });
      expect(app.calls).toEqual([
        { openAtLogin: true, args: ["--hidden"], openAsHidden: true },
        { openAtLogin: false, args: ["--hidden"], openAsHidden: true },
      ]);
    }
  });

  it("Linux: writes and removes an XDG autostart entry under $XDG_CONFIG_HOME/autostart", async () => {
    const app = loginApp();
    const env = { XDG_CONFIG_HOME: join(dir, "config") };
    const file = join(dir, "config", "autostart", AUTOSTART_FILE);
    await applyStartAtLogin(true, { platform: "linux", env, execPath: "/opt/Akash Provider/akash-provider", app });
    const text = readFileSync(file, "utf8");
    expect(text).toContain('Exec="/opt/Akash Provider/akash-provider" --hidden');
    expect(text.startsWith("[Desktop Entry]\nType=Application\n")).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    await applyStartAtLogin(false, { platform: "linux", env, execPath: "/x", app });
    expect(existsSync(file)).toBe(false);
    await applyStartAtLogin(false, { platform: "linux", env, execPath: "/x", app }); // already gone: fine
    expect(app.calls).toEqual([]);
  });

  it("an AppImage starts from $APPIMAGE (its mount path changes each run); odd characters are escaped", async () => {
    const env = { XDG_CONFIG_HOME: join(dir, "c"), APPIMAGE: "/home/me/Apps/Akash.AppImage" };
    await applyStartAtLogin(true, { platform: "linux", env, execPath: "/tmp/.mount_x/akash", app: loginApp() });
    expect(readFileSync(join(dir, "c", "autostart", AUTOSTART_FILE), "utf8")).toContain('Exec="/home/me/Apps/Akash.AppImage" --hidden');
    expect(desktopEntry('/a/"$b`\\')).toContain('Exec="/a/\\"\\$b\\`\\\\" --hidden');
    expect(desktopEntry("/usr/lib/electron", ["/home/me/app"])).toContain('Exec="/usr/lib/electron" "/home/me/app" --hidden');
  });

  it("without a usable XDG_CONFIG_HOME, uses ~/.config", () => {
    expect(xdgAutostartDir({ HOME: "/home/me" })).toBe("/home/me/.config/autostart");
    expect(xdgAutostartDir({ HOME: "/home/me", XDG_CONFIG_HOME: "relative/path" })).toBe("/home/me/.config/autostart");
  });

  it("follows the setting: off by default touches nothing, on writes, off removes", async () => {
    const events = new EventBus();
    let stored = { network: "local" as const, startAtLogin: false, closeToTray: true };
    const core = { events, call: async (): Promise<Envelope<unknown>> => ({ ok: true, value: stored }) };
    const env = { XDG_CONFIG_HOME: join(dir, "cfg") };
    const file = join(dir, "cfg", "autostart", AUTOSTART_FILE);
    const tracker = trackStartAtLogin(core, { platform: "linux", env, execPath: "/opt/akash", app: loginApp() });
    await tracker.settled();
    expect(existsSync(join(dir, "cfg"))).toBe(false);
    stored = { ...stored, startAtLogin: true };
    events.emit("settings.changed", stored);
    await tracker.settled();
    expect(existsSync(file)).toBe(true);
    events.emit("settings.changed", { ...stored, closeToTray: false }); // unrelated change: no rewrite
    events.emit("settings.changed", { ...stored, startAtLogin: false });
    await tracker.settled();
    expect(existsSync(file)).toBe(false);
    tracker.dispose();
  });

  it("at start, an enabled setting is applied again (the executable may have moved); errors are logged", async () => {
    const logs: string[] = [];
    const core = { events: new EventBus(), call: async (): Promise<Envelope<unknown>> => ({ ok: true, value: { network: "local", startAtLogin: true, closeToTray: true } }) };
    const app = { setLoginItemSettings: () => { throw new Error("denied by policy"); } };
    const tracker = trackStartAtLogin(core, { platform: "win32", env: {}, execPath: "C:\\a.exe", app }, (l) => logs.push(l));
    await tracker.settled();
    expect(logs).toEqual(["[start-at-login] denied by policy"]);
  });
});
