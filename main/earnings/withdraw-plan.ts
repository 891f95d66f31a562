import type { EarningsSettings } from "../../common/earnings-schemas";
import type { EscrowAccountSnapshot, LeaseSnapshot } from "./chain-reads";
import { uaktToMicroUsd } from "./dec";
import { accruedNow, blocksUntilDry } from "./lease-math";

// Which leases to withdraw now, and why not the others. Pure: the scheduler feeds it the chain view,
// the clock and the last withdraw times, and sends what it returns.

export interface PlanInput {
  leases: readonly LeaseSnapshot[];
  accounts: ReadonlyMap<string, EscrowAccountSnapshot | null>;
  height: number;
  nowMs: number;
  lastWithdrawMs: (leaseId: string) => number | null;
  settings: EarningsSettings;
  /** Fee one MsgWithdrawLease adds to a tx, in uakt (gas × price). */
  feePerLeaseUakt: bigint;
  /** USD per AKT (scaled decimal); 0n when unknown, then the fee check is skipped. */
  aktUsd: bigint;
  /** Withdraw every due lease regardless of schedule (the "Withdraw now" button). */
  force?: boolean;
}

export interface Plan {
  /** Batches of lease snapshots, each at most maxLeasesPerTx long. */
  batches: LeaseSnapshot[][];
  skipped: { leaseId: string; reason: string }[];
}

export function planWithdrawals(input: PlanInput): Plan {
  const due: LeaseSnapshot[] = [];
  const skipped: Plan["skipped"] = [];
  const everyMs = input.settings.withdrawEveryHours * 3_600_000;
  const feeUsd = uaktToMicroUsd(input.feePerLeaseUakt, input.aktUsd);
  for (const lease of input.leases) {
    if (lease.state !== "active") continue;
    const account = input.accounts.get(`${lease.key.owner}/${lease.key.dseq}`) ?? null;
    const accrued = accruedNow(lease, account, input.height);
    const dry = blocksUntilDry(lease, account, input.height);
    const runningDry = dry !== null && dry <= input.settings.dryWithinBlocks;
    const last = input.lastWithdrawMs(lease.leaseId);
    // A lease never withdrawn by us counts from its first sighting: the scheduler stamps it then.
    const scheduled = last === null || input.nowMs - last >= everyMs;
    if (!runningDry && !scheduled && !input.force) {
      skipped.push({ leaseId: lease.leaseId, reason: "not due yet" });
      continue;
    }
    // An overdrawn escrow (dry now) is withdrawn even at a loss: that settles the account, so the lease
    // closes now rather than running unpaid. Otherwise the accrued uact (µUSD) must cover the fee.
    const overdrawn = dry === 0;
    if (!overdrawn && input.aktUsd > 0n && accrued <= feeUsd) {
      skipped.push({ leaseId: lease.leaseId, reason: `accrued ${accrued} uact would not cover the ~${feeUsd} µUSD fee` });
      continue;
    }
    if (accrued === 0n && !overdrawn) {
      skipped.push({ leaseId: lease.leaseId, reason: "nothing accrued" });
      continue;
    }
    due.push(lease);
  }
  // Leases closest to running dry go first.
  due.sort((a, b) => (dryOf(a, input) ?? Infinity) - (dryOf(b, input) ?? Infinity));
  const batches: LeaseSnapshot[][] = [];
  for (let i = 0; i < due.length; i += input.settings.maxLeasesPerTx) batches.push(due.slice(i, i + input.settings.maxLeasesPerTx));
  return { batches, skipped };
}

function dryOf(lease: LeaseSnapshot, input: PlanInput): number | null {
  return blocksUntilDry(lease, input.accounts.get(`${lease.key.owner}/${lease.key.dseq}`) ?? null, input.height);
}
