import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { artifactPath, artifactsFor, BundleError, type BundleArch, type BundleArtifact, type BundleManifest } from "./bundle-manifest";
import { sha256File } from "./sha256";

// Packaging-time download of the pinned files into k3s-bundle/downloads/. Each file is written to a
// temporary name, hashed, and only renamed into place when its sha256 matches: a tampered or truncated
// download never sits where the installer would pick it up.

export interface FetchBundleOptions {
  bundleDir: string;
  manifest: BundleManifest;
  arches: readonly BundleArch[];
  /** Replaces each artifact's URL with `${baseUrl}/${artifact.file}` (a local mirror, or the tests' server). */
  baseUrl?: string;
  /** Skip artifacts whose sha256 is not pinned yet instead of failing. */
  skipUnpinned?: boolean;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export interface FetchResult {
  artifact: BundleArtifact;
  outcome: "downloaded" | "already-present" | "skipped-unpinned";
}

export async function fetchBundle(options: FetchBundleOptions): Promise<FetchResult[]> {
  const doFetch = options.fetch ?? fetch;
  const log = options.log ?? (() => undefined);
  const wanted = options.arches.flatMap((arch) => artifactsFor(options.manifest, arch));
  const unpinned = wanted.filter((a) => a.sha256 === null || a.url === null);
  if (unpinned.length > 0 && !options.skipUnpinned) {
    const names = unpinned.map((a) => `${a.arch}/${a.id}`).join(", ");
    throw new BundleError(`bundle.json has no pinned url+sha256 for: ${names}. Pin them, or pass --skip-unpinned to leave them out.`);
  }
  const results: FetchResult[] = [];
  for (const artifact of wanted) {
    if (artifact.sha256 === null || artifact.url === null) {
      log(`skip ${artifact.arch}/${artifact.id}: not pinned`);
      results.push({ artifact, outcome: "skipped-unpinned" });
      continue;
    }
    const target = artifactPath(options.bundleDir, artifact);
    if ((await sha256File(target)) === artifact.sha256) {
      log(`ok   ${artifact.arch}/${artifact.id}: already present and verified`);
      results.push({ artifact, outcome: "already-present" });
      continue;
    }
    const url = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, "")}/${artifact.file}` : artifact.url;
    log(`get  ${artifact.arch}/${artifact.id} from ${url}`);
    await download(doFetch, url, target, artifact);
    results.push({ artifact, outcome: "downloaded" });
  }
  return results;
}

async function download(doFetch: typeof fetch, url: string, target: string, artifact: BundleArtifact): Promise<void> {
  const partial = `${target}.partial`;
  await mkdir(dirname(target), { recursive: true });
  let response: Response;
  try {
    response = await doFetch(url, { redirect: "follow" });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new BundleError(`${artifact.arch}/${artifact.id}: cannot download ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  if (!response.ok || !response.body) {
    throw new BundleError(`${artifact.arch}/${artifact.id}: ${url} answered HTTP ${response.status}`);
  }
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(partial));
    const actual = await sha256File(partial);
    if (actual !== artifact.sha256) {
      throw new BundleError(`${artifact.arch}/${artifact.id}: downloaded file has sha256 ${actual}, expected ${artifact.sha256} — refusing it (tampered or wrong release)`);
    }
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
}
