// Why a manifest is refused, with the HTTP status provider-services answers for that class:
// a body that is not a manifest → 400, a manifest that fails validation (schema, hash, groups,
// resources) → 422, a deployment this provider holds no lease for → 404.
export type ManifestRejection = "malformed" | "invalid" | "hash_mismatch" | "group_mismatch" | "resources_exceed" | "no_lease";

const STATUS: Record<ManifestRejection, number> = {
  malformed: 400,
  invalid: 422,
  hash_mismatch: 422,
  group_mismatch: 422,
  resources_exceed: 422,
  no_lease: 404,
};

export class ManifestRejected extends Error {
  readonly status: number;
  constructor(
    readonly reason: ManifestRejection,
    message: string,
  ) {
    super(message);
    this.name = "ManifestRejected";
    this.status = STATUS[reason];
  }
}
