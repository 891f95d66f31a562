// The gateway's table: the manifest group each lease runs, so that GET /lease/.../manifest and
// start-up reconcile (recreating a namespace k3s lost) survive an app restart.
export const GATEWAY_MIGRATION_SQL = `
CREATE TABLE lease_manifests (
  lease_key TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  dseq TEXT NOT NULL,
  gseq INTEGER NOT NULL,
  oseq INTEGER NOT NULL,
  provider TEXT NOT NULL,
  group_json TEXT NOT NULL,
  accepted_ms INTEGER NOT NULL
);
CREATE INDEX lease_manifests_deployment ON lease_manifests (owner, dseq);
`;
