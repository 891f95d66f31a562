import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The e2e tests and benchmarks run the built app, as a user would. `npm test` and `npm run bench` build
// first; a test run on its own builds only when dist/ is missing.
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const HEADLESS_ENTRY = `${ROOT}dist/main/headless-entry.mjs`;
export const RENDERER_INDEX = `${ROOT}dist/renderer/index.html`;
export const PRELOAD_BUNDLE = `${ROOT}dist/preload/index.cjs`;

export function ensureBuilt(): void {
  if (existsSync(HEADLESS_ENTRY) && existsSync(RENDERER_INDEX) && existsSync(PRELOAD_BUNDLE)) return;
  const result = spawnSync(process.execPath, [`${ROOT}main/cli/build.ts`, "--quiet"], { cwd: ROOT, encoding: "utf8", timeout: 170_000 });
  if (result.status !== 0) {
    throw new Error(`Build failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}
