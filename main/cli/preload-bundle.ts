import type { BuildOptions } from "esbuild";

// How the preload is bundled: shared by main/cli/build.ts (dist/preload/index.cjs) and the tests,
// which bundle the same source the same way instead of trusting a possibly stale dist/.
// CommonJS because Electron's sandboxed preloads are; everything but `electron` is inlined.
export function preloadBuildOptions(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: ["preload/index.ts"],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    external: ["electron"],
    minify: true,
  };
}
