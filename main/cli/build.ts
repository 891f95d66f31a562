import { build as esbuild } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build as viteBuild } from "vite";
import { preloadBuildOptions } from "./preload-bundle.ts";

// Builds everything `npm start`, the tests and the packager need into dist/.
const root = fileURLToPath(new URL("../../", import.meta.url));
const quiet = process.argv.includes("--quiet");

rmSync(`${root}dist`, { recursive: true, force: true });

await esbuild({
  absWorkingDir: root,
  entryPoints: { "main/index": "main/index.ts", "main/headless-entry": "main/headless-entry.ts", "main/launch": "main/launch.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  // Code behind a dynamic import() (the in-process devnet) gets its own chunk, loaded only when used.
  splitting: true,
  // Chunks sit beside the entries: code in them resolves paths relative to dist/main/ (import.meta.url).
  chunkNames: "main/[name]-[hash]",
  target: "node22",
  packages: "external",
  sourcemap: true,
  logLevel: quiet ? "warning" : "info",
});

// The preload is CommonJS (Electron's sandboxed preloads are) and needs nothing but electron.
await esbuild({ ...preloadBuildOptions(root), outfile: "dist/preload/index.cjs", logLevel: quiet ? "warning" : "info" });

await viteBuild({ root: `${root}renderer`, configFile: `${root}renderer/vite.config.ts`, logLevel: quiet ? "warn" : "info" });
