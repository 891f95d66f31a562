// Electron entry: only wiring. Every piece lives in main/electron/ and takes Electron objects as
// parameters; this is the one file that loads `electron` for real.
import * as electron from "electron";
import { fileURLToPath } from "node:url";
import { startElectronShell } from "./electron/shell";

// dist/main/index.mjs → dist/
const distDir = fileURLToPath(new URL("../", import.meta.url));

startElectronShell(electron, { argv: process.argv, env: process.env, platform: process.platform, distDir }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  electron.app.exit(1);
});
