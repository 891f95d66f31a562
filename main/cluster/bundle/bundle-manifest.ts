import { readFile } from "node:fs/promises";
import { isAbsolute, join, normalize } from "node:path";
import { z } from "zod";

// k3s-bundle/bundle.json: the pinned k3s version and, per architecture, every file the node needs with
// its download URL and sha256. A null sha256 marks a file whose checksum is not known yet: nothing
// trusts such a file, and bundle:fetch refuses it unless told to skip it.

export const BUNDLE_ARCHES = ["amd64", "arm64"] as const;
export type BundleArch = (typeof BUNDLE_ARCHES)[number];

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lowercase hex digits");
const RelativeFile = z
  .string()
  .min(1)
  .refine((p) => !isAbsolute(p) && !normalize(p).startsWith("..") && !p.includes("\\"), "file must be a relative path inside downloads/");

export const BundleArtifact = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(["k3s-binary", "airgap-images", "image-archive"]),
    arch: z.enum(BUNDLE_ARCHES),
    file: RelativeFile,
    url: z.string().url().nullable(),
    sha256: Sha256.nullable(),
    /** Image references an image archive holds (checked after import). */
    images: z.array(z.string()),
  })
  .strict();
export type BundleArtifact = z.infer<typeof BundleArtifact>;

export const BundleManifest = z
  .object({
    schema: z.literal(1),
    k3s: z.object({ version: z.string().regex(/^v\d+\.\d+\.\d+\+k3s\d+$/) }).passthrough(),
    notes: z.array(z.string()),
    images: z.object({ nvidiaDevicePlugin: z.string().min(1) }).strict(),
    artifacts: z.array(BundleArtifact).min(1),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    for (const a of manifest.artifacts) {
      const key = `${a.arch}/${a.id}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: `artifact ${key} is listed twice` });
      seen.add(key);
    }
    for (const arch of BUNDLE_ARCHES) {
      if (!manifest.artifacts.some((a) => a.arch === arch && a.kind === "k3s-binary")) {
        ctx.addIssue({ code: "custom", message: `no k3s binary for ${arch}` });
      }
    }
  });
export type BundleManifest = z.infer<typeof BundleManifest>;

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BundleError";
  }
}

/** Parses bundle.json text; a clear BundleError for anything malformed. */
export function parseBundleManifest(text: string, source = "bundle.json"): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BundleError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = BundleManifest.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new BundleError(`${source} is malformed: ${first.join("; ")}`);
  }
  return parsed.data;
}

export async function loadBundleManifest(bundleDir: string): Promise<BundleManifest> {
  const path = join(bundleDir, "bundle.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new BundleError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseBundleManifest(text, path);
}

export function artifactsFor(manifest: BundleManifest, arch: BundleArch): BundleArtifact[] {
  return manifest.artifacts.filter((a) => a.arch === arch);
}

export function downloadsDir(bundleDir: string): string {
  return join(bundleDir, "downloads");
}

export function artifactPath(bundleDir: string, artifact: BundleArtifact): string {
  return join(downloadsDir(bundleDir), artifact.file);
}

/** Node's process.arch → the bundle's naming; null for an architecture k3s is not shipped for. */
export function bundleArch(nodeArch: string): BundleArch | null {
  if (nodeArch === "x64" || nodeArch === "amd64" || nodeArch === "x86_64") return "amd64";
  if (nodeArch === "arm64" || nodeArch === "aarch64") return "arm64";
  return null;
}
