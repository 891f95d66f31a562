import { mkdir, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

// Start at login, off by default. Windows and macOS: Electron's login items, started with --hidden
// (straight to the tray). Linux: an XDG autostart entry ($XDG_CONFIG_HOME/autostart), which every
// desktop that follows the XDG spec runs at login.

export const AUTOSTART_FILE = "akash-provider-desktop.desktop";

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[]; openAsHidden?: boolean }): void;
}

export interface AutoLaunchTarget {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The executable to start: process.execPath, or $APPIMAGE for an AppImage (its mount path changes). */
  execPath: string;
  /** Before --hidden: the app folder when running an unpackaged Electron (development). */
  appArgs?: string[];
  app: LoginItemApp;
}

export function xdgAutostartDir(env: NodeJS.ProcessEnv): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith("/") ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), ".config");
  return join(config, "autostart");
}

/** The .desktop entry; the path is quoted as the Desktop Entry spec's Exec rules ask. */
export function desktopEntry(execPath: string, appArgs: readonly string[] = []): string {
  const quote = (arg: string) => `"${arg.replace(/(["`$\\])/g, "\\$1")}"`;
  const quoted = [execPath, ...appArgs].map(quote).join(" ");
  return [
    "[Desktop Entry]",
    "Type=Application",
    "Name=Akash Provider Desktop",
    "Comment=Keep providing on Akash after login (starts in the tray)",
    `Exec=${quoted} --hidden`,
    "Terminal=false",
    "X-GNOME-Autostart-enabled=true",
    "",
  ].join("\n");
}

export async function applyStartAtLogin(enabled: boolean, target: AutoLaunchTarget): Promise<void> {
  if (target.platform === "win32" || target.platform === "darwin") {
    target.app.setLoginItemSettings({ openAtLogin: enabled, args: [...(target.appArgs ?? []), "--hidden"], openAsHidden: true });
    return;
  }
  const dir = xdgAutostartDir(target.env);
  const file = join(dir, AUTOSTART_FILE);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dir, { recursive: true });
  await writeFile(file, desktopEntry(target.env.APPIMAGE || target.execPath, target.env.APPIMAGE ? [] : target.appArgs), { mode: 0o644 });
}
