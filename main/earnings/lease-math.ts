import type { EscrowAccountSnapshot, LeaseSnapshot } from "./chain-reads";
import { floorDec } from "./dec";

// Lazy settlement arithmetic (PROTOCOL.md §2.5): the chain only moves money when an account is
// touched, so what a lease has earned by `height` is what was paid out, plus what the last
// settlement left in the payment's balance, plus rate × blocks since that settlement — capped by
// the funds the deployment still holds (an overdrawn escrow pays no more than it has).

/** uact (scaled decimal) accrued since the last settlement and not yet in the payment's balance. */
export function pendingSinceSettlement(lease: LeaseSnapshot, account: EscrowAccountSnapshot | null, height: number): bigint {
  if (lease.state !== "active" || !account) return 0n;
  const blocks = BigInt(Math.max(0, height - account.settledAt));
  const owed = lease.rate * blocks;
  return owed < account.funds ? owed : account.funds > 0n ? account.funds : 0n;
}

/** Accrued and not yet withdrawn (integer uact): what a MsgWithdrawLease now would pay. */
export function accruedNow(lease: LeaseSnapshot, account: EscrowAccountSnapshot | null, height: number): bigint {
  return floorDec(lease.balance + pendingSinceSettlement(lease, account, height));
}

/** Everything the lease has earned by `height` (integer uact). */
export function earnedTotal(lease: LeaseSnapshot, account: EscrowAccountSnapshot | null, height: number): bigint {
  return lease.withdrawn + accruedNow(lease, account, height);
}

/** Blocks until the deployment's funds run out at this lease's rate; null when it is not active. */
export function blocksUntilDry(lease: LeaseSnapshot, account: EscrowAccountSnapshot | null, height: number): number | null {
  if (lease.state !== "active" || !account || lease.rate <= 0n) return null;
  const left = account.funds - pendingSinceSettlement(lease, account, height);
  if (left <= 0n) return 0;
  const blocks = left / lease.rate;
  return blocks > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(blocks);
}
