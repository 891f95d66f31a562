import { artifactPath, artifactsFor, type BundleArch, type BundleArtifact, type BundleManifest } from "./bundle-manifest";
import { sha256File } from "./sha256";

export type ArtifactState = "ok" | "missing" | "tampered" | "unpinned";

export interface ArtifactCheck {
  artifact: BundleArtifact;
  path: string;
  state: ArtifactState;
  actual: string | null;
}

/** Checks every file one architecture needs against its pinned sha256. */
export async function verifyArtifacts(bundleDir: string, manifest: BundleManifest, arch: BundleArch): Promise<ArtifactCheck[]> {
  const checks: ArtifactCheck[] = [];
  for (const artifact of artifactsFor(manifest, arch)) {
    const path = artifactPath(bundleDir, artifact);
    const actual = await sha256File(path);
    let state: ArtifactState;
    if (artifact.sha256 === null) state = "unpinned";
    else if (actual === null) state = "missing";
    else state = actual === artifact.sha256 ? "ok" : "tampered";
    checks.push({ artifact, path, state, actual });
  }
  return checks;
}

export function describeCheck(check: ArtifactCheck): string {
  const name = `${check.artifact.arch}/${check.artifact.id}`;
  switch (check.state) {
    case "ok":
      return `${name}: verified`;
    case "missing":
      return `${name}: missing (${check.path}); run \`npm run bundle:fetch\``;
    case "tampered":
      return `${name}: sha256 ${check.actual} does not match the pinned ${check.artifact.sha256}; the file was altered or is a different release`;
    case "unpinned":
      return `${name}: no pinned sha256 yet, not used`;
  }
}
