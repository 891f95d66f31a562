import type Database from "better-sqlite3";
import { LeaseId, ManifestGroup } from "../../common/gateway-schemas";
import type { GatewayClock, ManifestStorePort } from "./ports";

function leaseKey(lease: LeaseId): string {
  return `${lease.owner}/${lease.dseq}/${lease.gseq}/${lease.oseq}/${lease.provider}`;
}

interface Row {
  owner: string;
  dseq: string;
  gseq: number;
  oseq: number;
  provider: string;
  group_json: string;
}

/** Accepted manifest groups in the app database (table lease_manifests, migration 6). */
export class SqliteManifestStore implements ManifestStorePort {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: GatewayClock,
  ) {}

  save(accepted: readonly { lease: LeaseId; group: ManifestGroup }[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO lease_manifests (lease_key, owner, dseq, gseq, oseq, provider, group_json, accepted_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(lease_key) DO UPDATE SET group_json = excluded.group_json, accepted_ms = excluded.accepted_ms`,
    );
    const now = this.clock.now();
    this.db.transaction(() => {
      for (const { lease, group } of accepted) upsert.run(leaseKey(lease), lease.owner, lease.dseq, lease.gseq, lease.oseq, lease.provider, JSON.stringify(group), now);
    })();
  }

  group(lease: LeaseId): ManifestGroup | null {
    const row = this.db.prepare("SELECT group_json FROM lease_manifests WHERE lease_key = ?").get(leaseKey(lease)) as { group_json: string } | undefined;
    return row ? parseGroup(row.group_json) : null;
  }

  forget(lease: LeaseId): void {
    this.db.prepare("DELETE FROM lease_manifests WHERE lease_key = ?").run(leaseKey(lease));
  }

  /** Every stored lease with a readable group (what reconcile can redeploy). */
  all(): { lease: LeaseId; group: ManifestGroup }[] {
    const rows = this.db.prepare("SELECT owner, dseq, gseq, oseq, provider, group_json FROM lease_manifests ORDER BY lease_key").all() as Row[];
    const out: { lease: LeaseId; group: ManifestGroup }[] = [];
    for (const row of rows) {
      const lease = LeaseId.safeParse({ owner: row.owner, dseq: row.dseq, gseq: row.gseq, oseq: row.oseq, provider: row.provider });
      const group = parseGroup(row.group_json);
      if (lease.success && group) out.push({ lease: lease.data, group });
    }
    return out;
  }
}

/** A torn or hand-edited row reads as "no manifest" rather than crashing the gateway. */
function parseGroup(json: string): ManifestGroup | null {
  try {
    const parsed = ManifestGroup.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
