import type { EngineStatusView } from "../../../../common/bidengine-live-schemas";
import type { LeaseEarnings } from "../../../../common/earnings-schemas";

// One row per lease for the Leases page, merged from two sources: the earnings ledger (reconciled
// with the chain: state, rate, what was withdrawn and accrued) and the running bid engine (leases it
// just won, which the ledger only books at its next reconcile). The ledger wins where both know a
// lease, because it read the chain's own lease state.

export type LeaseState = LeaseEarnings["state"];

export interface LeaseRow {
  /** owner/dseq/gseq/oseq: the order the lease was created for. */
  key: string;
  owner: string;
  dseq: string;
  gseq: number | null;
  oseq: number | null;
  state: LeaseState;
  /** Price per block as a decimal string, with its denom; null when neither source knows it. */
  rate: { amount: string; denom: string } | null;
  /** Lifetime: withdrawn + accrued, integer uact; null until the ledger has reconciled the lease. */
  earnedUact: string | null;
  withdrawnUact: string | null;
  createdHeight: number | null;
  closedHeight: number | null;
  gpus: string[];
  /** False for a lease the engine won that the ledger has not read from the chain yet. */
  reconciled: boolean;
}

export interface LeaseIdParts {
  owner: string;
  dseq: string;
  gseq: number;
  oseq: number;
}

const SMALL_INT = /^\d{1,9}$/u;

/**
 * "owner/dseq/gseq/oseq" (engine keys) or "owner/dseq/gseq/oseq/provider" (ledger ids) → parts;
 * null for anything else, so a malformed id shows as-is instead of breaking the table.
 */
export function parseLeaseId(id: string): LeaseIdParts | null {
  const parts = id.split("/");
  if (parts.length !== 4 && parts.length !== 5) return null;
  const [owner, dseq, gseq, oseq] = parts as [string, string, string, string];
  if (!/^[a-z0-9]{1,128}$/u.test(owner) || !/^\d{1,20}$/u.test(dseq) || !SMALL_INT.test(gseq) || !SMALL_INT.test(oseq)) return null;
  return { owner, dseq, gseq: Number(gseq), oseq: Number(oseq) };
}

/** Whether a lease still runs (and pays or should pay): out of funds is still open on chain. */
export function isOpen(state: LeaseState): boolean {
  return state === "active" || state === "insufficient_funds";
}

function fromLedger(lease: LeaseEarnings): LeaseRow {
  const parts = parseLeaseId(lease.leaseId);
  return {
    key: parts ? `${parts.owner}/${parts.dseq}/${parts.gseq}/${parts.oseq}` : lease.leaseId,
    owner: lease.owner,
    dseq: lease.dseq,
    gseq: parts?.gseq ?? null,
    oseq: parts?.oseq ?? null,
    state: lease.state,
    rate: { amount: lease.rateUactPerBlock, denom: "uact" },
    earnedUact: (BigInt(lease.withdrawnUact) + BigInt(lease.accruedUact)).toString(),
    withdrawnUact: lease.withdrawnUact,
    createdHeight: lease.createdHeight,
    closedHeight: lease.closedHeight,
    gpus: lease.gpus,
    reconciled: true,
  };
}

function fromEngine(lease: EngineStatusView["leases"][number]): LeaseRow {
  const parts = parseLeaseId(lease.key);
  return {
    key: lease.key,
    owner: parts?.owner ?? lease.key,
    dseq: parts?.dseq ?? "?",
    gseq: parts?.gseq ?? null,
    oseq: parts?.oseq ?? null,
    state: "active",
    rate: /^\d{1,30}(\.\d{1,18})?$/u.test(lease.price.amount) ? { amount: lease.price.amount, denom: lease.price.denom } : null,
    earnedUact: null,
    withdrawnUact: null,
    createdHeight: null,
    closedHeight: null,
    gpus: [],
    reconciled: false,
  };
}

function compareDseqDesc(a: LeaseRow, b: LeaseRow): number {
  const da = /^\d+$/u.test(a.dseq) ? BigInt(a.dseq) : -1n;
  const db = /^\d+$/u.test(b.dseq) ? BigInt(b.dseq) : -1n;
  if (da !== db) return da > db ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The ledger's leases plus the engine's won leases the ledger does not know yet, split into open
 * (active or out of funds) and closed, newest deployment first. Either source may be missing
 * (no wallet, engine not running): the other one still shows.
 */
export function mergeLeases(ledger: readonly LeaseEarnings[] | null, engine: EngineStatusView["leases"] | null): { open: LeaseRow[]; closed: LeaseRow[] } {
  const rows = new Map<string, LeaseRow>();
  for (const lease of ledger ?? []) {
    const row = fromLedger(lease);
    rows.set(row.key, row);
  }
  for (const lease of engine ?? []) {
    const row = fromEngine(lease);
    if (!rows.has(row.key)) rows.set(row.key, row);
  }
  const all = [...rows.values()].sort(compareDseqDesc);
  return { open: all.filter((r) => isOpen(r.state)), closed: all.filter((r) => !isOpen(r.state)) };
}

/** The ledger query behind the page: the last 365 days up to the next full hour (a stable key for the call). */
export function leaseRange(now: Date): { from: string; to: string } {
  const to = Math.ceil(now.getTime() / 3_600_000) * 3_600_000;
  return { from: new Date(to - 365 * 86_400_000).toISOString(), to: new Date(to).toISOString() };
}
