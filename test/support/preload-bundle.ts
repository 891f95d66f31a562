import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { preloadBuildOptions } from "../../main/cli/preload-bundle";

// The preload, bundled from source exactly as main/cli/build.ts bundles it into dist/ (same options
// function), in memory: tests never depend on a prior `npm run build` nor on a stale dist/.

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface PreloadBundle {
  code: string;
  bytes: number;
  /** Modules the bundle leaves to run-time require/import, as esbuild's metafile records them. */
  externals: string[];
}

let cached: Promise<PreloadBundle> | undefined;

export function bundlePreload(): Promise<PreloadBundle> {
  cached ??= build({ ...preloadBuildOptions(root), outfile: "preload.cjs", write: false, metafile: true, logLevel: "silent" }).then((result) => {
    const output = result.outputFiles[0];
    if (!output) throw new Error("esbuild produced no preload bundle");
    const externals = Object.values(result.metafile.outputs).flatMap((out) => out.imports.filter((i) => i.external).map((i) => i.path));
    return { code: output.text, bytes: output.contents.byteLength, externals };
  });
  return cached;
}

/**
 * Runs the bundle the way a sandboxed preload runs: its own global scope, and a `require` that only
 * knows `electron` (any other module throws). Returns the modules it asked for.
 */
export function runPreload(code: string, electron: unknown): string[] {
  const required: string[] = [];
  const require = (id: string) => {
    required.push(id);
    if (id === "electron") return electron;
    throw new Error(`The preload required "${id}": a sandboxed preload can only require electron`);
  };
  const module = { exports: {} };
  runInNewContext(code, { require, module, exports: module.exports }, { filename: "preload/index.cjs" });
  return required;
}
