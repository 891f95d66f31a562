import { Manifest } from "../../../common/gateway-schemas";
import { ManifestRejected } from "./errors";

/** The largest manifest body accepted (provider-services' limit is of the same order). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

function describe(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

/**
 * Bytes from the wire → a raw JSON value (what the hash is computed over) and the validated
 * manifest. Never throws anything but ManifestRejected, whatever the input.
 */
export function parseManifestBody(body: Uint8Array): { raw: unknown; manifest: Manifest } {
  if (body.byteLength > MAX_MANIFEST_BYTES) throw new ManifestRejected("malformed", `manifest exceeds ${MAX_MANIFEST_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new ManifestRejected("malformed", "body is not valid UTF-8 JSON");
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new ManifestRejected("invalid", `invalid manifest: ${describe(parsed.error.issues)}`);
  return { raw, manifest: parsed.data };
}
