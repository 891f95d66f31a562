import { homedir } from "node:os";
import { join } from "node:path";

export interface AppConfig {
  /** Where the database and every other per-user file lives. */
  dataDir: string;
  mode: "electron" | "headless";
  version: string;
}

const APP_DIR_NAME = "akash-provider-desktop";
export const DATA_DIR_ENV = "AKASH_PROVIDER_DATA_DIR";

/** The per-user data dir: `--data-dir`, then the env variable, then the platform's convention. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const fromArgs = readFlag(argv, "--data-dir");
  if (fromArgs) return fromArgs;
  if (env[DATA_DIR_ENV]) return env[DATA_DIR_ENV];
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === "win32") return join(env.APPDATA ?? join(home, "AppData", "Roaming"), APP_DIR_NAME);
  if (platform === "darwin") return join(home, "Library", "Application Support", APP_DIR_NAME);
  return join(env.XDG_DATA_HOME || join(home, ".local", "share"), APP_DIR_NAME);
}

/** Reads `--name value` or `--name=value`. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

export function hasFlag(argv: readonly string[], name: string): boolean {
  return argv.includes(name);
}
