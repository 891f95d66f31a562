export { checkManifest, type AcceptedGroup, type CheckedManifest, type CheckManifestInput, type HeldLease } from "./check-manifest";
export { ManifestRejected, type ManifestRejection } from "./errors";
export { manifestHash } from "./manifest-hash";
export { MAX_MANIFEST_BYTES, parseManifestBody } from "./parse-manifest";
export { checkResourcesFit } from "./resources-fit";
