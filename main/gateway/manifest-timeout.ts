import type { LeaseId } from "../../common/gateway-schemas";
import type { BidPort, TimerPort } from "./ports";

/** provider-services' --manifest-timeout default, and the close reason it uses. */
export const MANIFEST_TIMEOUT_MS = 5 * 60_000;
export const LEASE_CLOSED_MANIFEST_TIMEOUT = 10003;

function key(lease: LeaseId): string {
  return `${lease.owner}/${lease.dseq}/${lease.gseq}/${lease.oseq}/${lease.provider}`;
}

/**
 * A won lease must receive a valid manifest in time; otherwise its bid is closed with reason
 * manifest_timeout (which also releases the reserved capacity), so the provider neither holds
 * capacity for nothing nor gets paid for a workload it never ran.
 */
export class ManifestTimeouts {
  private readonly pending = new Map<string, { lease: LeaseId; handle: unknown }>();

  constructor(
    private readonly timers: TimerPort,
    private readonly bids: BidPort,
    private readonly onError: (lease: LeaseId, error: unknown) => void = () => {},
    private readonly timeoutMs = MANIFEST_TIMEOUT_MS,
  ) {}

  leaseWon(lease: LeaseId): void {
    const k = key(lease);
    if (this.pending.has(k)) return;
    const handle = this.timers.set(this.timeoutMs, () => {
      this.pending.delete(k);
      this.bids.closeBid(lease, LEASE_CLOSED_MANIFEST_TIMEOUT).catch((error: unknown) => this.onError(lease, error));
    });
    this.pending.set(k, { lease, handle });
  }

  /** A valid manifest was deployed for this lease (or the lease closed): stop the clock. */
  settle(lease: LeaseId): void {
    const entry = this.pending.get(key(lease));
    if (!entry) return;
    this.timers.clear(entry.handle);
    this.pending.delete(key(lease));
  }

  waiting(): LeaseId[] {
    return [...this.pending.values()].map((e) => e.lease);
  }

  stop(): void {
    for (const entry of this.pending.values()) this.timers.clear(entry.handle);
    this.pending.clear();
  }
}
