import type { Db } from "../store/database";
import type { LeaseGpuInterval } from "./earnings-service";

// Which GPUs a lease held and when: read (only read) from the hardware service's lease intervals,
// which the bid engine feeds with leaseStarted/leaseEnded. Its key may be the lease id or the order
// key (owner/dseq/gseq/oseq), so both are accepted.
export function leaseGpuIntervals(db: Db): (leaseId: string) => LeaseGpuInterval[] {
  const statement = db.prepare("SELECT channel, start_ms, end_ms FROM hw_lease_intervals WHERE lease_id IN (?, ?)");
  return (leaseId) => {
    const orderKey = leaseId.split("/").slice(0, 4).join("/");
    const rows = statement.all(leaseId, orderKey) as { channel: string; start_ms: number; end_ms: number | null }[];
    return rows.map((r) => ({ channel: r.channel, startMs: r.start_ms, endMs: r.end_ms }));
  };
}
