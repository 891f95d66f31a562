import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasFlag } from "./config";
import { runHeadless } from "./headless";

// `npm start`: the Electron window where an Electron binary and a display exist, else headless mode.

export function findElectronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkgDir = dirname(require.resolve("electron/package.json"));
    const pathFile = join(pkgDir, "path.txt");
    if (!existsSync(pathFile)) return null;
    const binary = join(pkgDir, "dist", readFileSync(pathFile, "utf8").trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === "win32" || platform === "darwin") return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const electron = hasFlag(argv, "--headless") ? null : findElectronBinary();
  if (electron && hasDisplay(process.env, process.platform)) {
    const appDir = fileURLToPath(new URL("../../", import.meta.url));
    const child = spawn(electron, [appDir, ...argv], { stdio: "inherit" });
    child.on("exit", (code) => process.exit(code ?? 0));
    return;
  }
  if (!hasFlag(argv, "--headless")) {
    console.log(electron ? "No display found: starting headless mode." : "No Electron binary here: starting headless mode.");
  }
  await runHeadless(argv);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
