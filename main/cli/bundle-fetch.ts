import { fileURLToPath } from "node:url";
import { BUNDLE_ARCHES, BundleError, loadBundleManifest, type BundleArch } from "../cluster/bundle/bundle-manifest";
import { fetchBundle } from "../cluster/bundle/fetch-bundle";

// `npm run bundle:fetch [-- --arch amd64] [--base-url URL] [--bundle-dir DIR] [--skip-unpinned]`:
// downloads and verifies the pinned k3s files into k3s-bundle/downloads/ before packaging.

const USAGE = "usage: bundle-fetch [--arch amd64|arm64]... [--base-url URL] [--bundle-dir DIR] [--skip-unpinned]";

export interface FetchArgs {
  arches: BundleArch[];
  baseUrl: string | undefined;
  bundleDir: string;
  skipUnpinned: boolean;
}

export function parseFetchArgs(argv: readonly string[], defaultBundleDir: string): FetchArgs {
  const args: FetchArgs = { arches: [], baseUrl: undefined, bundleDir: defaultBundleDir, skipUnpinned: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith("--")) throw new BundleError(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === "--arch") {
      const arch = value();
      if (!(BUNDLE_ARCHES as readonly string[]).includes(arch)) throw new BundleError(`unknown --arch ${arch}; expected ${BUNDLE_ARCHES.join(" or ")}`);
      args.arches.push(arch as BundleArch);
    } else if (arg === "--base-url") {
      const url = value();
      if (!/^https?:\/\/[^\s]+$/.test(url)) throw new BundleError(`--base-url must be an http(s) URL, got ${url}`);
      args.baseUrl = url;
    } else if (arg === "--bundle-dir") args.bundleDir = value();
    else if (arg === "--skip-unpinned") args.skipUnpinned = true;
    else throw new BundleError(`unknown argument ${arg}\n${USAGE}`);
  }
  if (args.arches.length === 0) args.arches = [...BUNDLE_ARCHES];
  return args;
}

export async function main(argv: readonly string[], out: Pick<Console, "log" | "error"> = console): Promise<number> {
  const defaultDir = fileURLToPath(new URL("../../k3s-bundle", import.meta.url));
  try {
    const args = parseFetchArgs(argv, defaultDir);
    const manifest = await loadBundleManifest(args.bundleDir);
    const results = await fetchBundle({ ...args, manifest, log: (line) => out.log(line) });
    out.log(`bundle:fetch: ${results.filter((r) => r.outcome !== "skipped-unpinned").length} file(s) verified for k3s ${manifest.k3s.version}`);
    return 0;
  } catch (error) {
    out.error(`bundle:fetch failed: ${error instanceof BundleError ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
