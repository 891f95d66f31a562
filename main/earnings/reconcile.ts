import type { ChainTx } from "../../common/chain-schemas";
import type { BidDeposit, Conversion } from "./bme-and-bid-reads";
import type { EscrowAccountSnapshot, LeaseSnapshot } from "./chain-reads";
import { formatDec, microUsdToUakt, uaktToMicroUsd } from "./dec";
import { accruedNow, earnedTotal } from "./lease-math";
import type { LedgerRepo, LedgerRow } from "./ledger-repo";

// Reconciliation: compare what the chain says each lease has earned and paid with what the ledger
// has booked, and book the difference. Run it any number of times (or on an empty database) and the
// ledger's totals equal the chain's: each lease's accruals sum to earnedTotal() and its withdrawals
// to the escrow payment's `withdrawn`. Rows carry the height and block time they were observed at.

export interface ChainView {
  height: number;
  time: Date;
  leases: LeaseSnapshot[];
  accounts: Map<string, EscrowAccountSnapshot | null>;
  /** USD per AKT (scaled decimal); 0n when the oracle was never reachable. */
  aktUsd: bigint;
  priceAsOf: string | null;
  /** Our bids with their escrow deposits, and our executed BME conversions. */
  bids?: readonly BidDeposit[];
  conversions?: readonly Conversion[];
}

export interface ReconcileInput {
  network: string;
  provider: string;
  view: ChainView;
  /** Our confirmed transactions (for fees, and to name the tx behind a withdrawal). */
  txs: readonly ChainTx[];
  /** lease id → hash of the withdraw tx the scheduler just sent for it. */
  withdrawHints?: ReadonlyMap<string, string>;
}

export function accountKey(lease: LeaseSnapshot): string {
  return `${lease.key.owner}/${lease.key.dseq}`;
}

export function reconcile(repo: LedgerRepo, input: ReconcileInput): { rowsAdded: number } {
  const { network, provider, view } = input;
  const atMs = view.time.getTime();
  const actSource = view.aktUsd > 0n ? `ACT≈$1 (AKT $${formatDec(view.aktUsd, 4)} oracle as of ${view.priceAsOf ?? "?"})` : "ACT≈$1 (no AKT price)";
  const aktSource = view.aktUsd > 0n ? `AKT $${formatDec(view.aktUsd, 4)} oracle as of ${view.priceAsOf ?? "?"}` : "AKT price unknown";
  let rowsAdded = 0;
  const book = (row: LedgerRow) => {
    if (repo.insert(network, provider, row)) rowsAdded++;
  };
  // uact: 1 uact = 1 µUSD (ACT ≈ $1); uakt: valued at the oracle price.
  const actRow = (leaseId: string, kind: LedgerRow["kind"], amount: bigint, extra: Partial<LedgerRow>): LedgerRow => ({
    leaseId,
    kind,
    detail: "",
    height: view.height,
    atMs,
    amount,
    denom: "uact",
    usdMicro: amount,
    uaktEquiv: microUsdToUakt(amount, view.aktUsd),
    priceSource: actSource,
    txHash: "",
    dedupeKey: `${kind}:${leaseId}:${view.height}`,
    ...extra,
  });

  for (const lease of view.leases) {
    const account = view.accounts.get(accountKey(lease)) ?? null;
    const previous = repo.lease(lease.leaseId);
    const earned = earnedTotal(lease, account, view.height);
    const booked = repo.leaseSum(lease.leaseId, "accrual");
    if (earned > booked) book(actRow(lease.leaseId, "accrual", earned - booked, {}));

    const withdrawnBooked = repo.leaseSum(lease.leaseId, "withdrawal");
    const delta = lease.withdrawn - withdrawnBooked;
    const closedNow = lease.state !== "active" && (previous?.state ?? "active") === "active" && previous !== undefined;
    if (delta > 0n) {
      const hint = input.withdrawHints?.get(lease.leaseId) ?? "";
      book(actRow(lease.leaseId, "withdrawal", delta, { detail: closedNow ? "paid at close" : hint ? "withdraw" : "settled on chain", txHash: hint, dedupeKey: `withdrawal:${lease.leaseId}:${lease.withdrawn}` }));
    }
    repo.upsertLease(network, provider, {
      leaseId: lease.leaseId,
      owner: lease.key.owner,
      dseq: lease.key.dseq,
      state: lease.state,
      rate: formatDec(lease.rate),
      createdHeight: lease.createdHeight,
      closedHeight: lease.closedHeight,
      balance: accruedNow(lease, account, view.height).toString(),
      withdrawn: lease.withdrawn.toString(),
      escrowFunds: account ? formatDec(account.funds) : "0",
      settledAt: account?.settledAt ?? 0,
      seenHeight: view.height,
      closePaid: closedNow && delta > 0n ? delta.toString() : (previous?.closePaid ?? "0"),
    });
  }

  // Bid deposits: locked when first seen open or active, refunded when the bid is closed or lost
  // (the chain returns it then). A bid first seen already closed (e.g. after a rebuild) books neither.
  const valueOf = (amount: bigint, denom: string) => (denom === "uakt" ? uaktToMicroUsd(amount, view.aktUsd) : amount);
  for (const bid of view.bids ?? []) {
    const leaseId = bid.bidId.split("/").slice(0, 5).join("/");
    const depositKey = `deposit:${bid.bidId}`;
    if ((bid.state === "open" || bid.state === "active") && bid.amount > 0n) {
      book({ leaseId, kind: "deposit", detail: "locked", height: view.height, atMs, amount: bid.amount, denom: bid.denom, usdMicro: valueOf(bid.amount, bid.denom), uaktEquiv: bid.denom === "uakt" ? bid.amount : microUsdToUakt(bid.amount, view.aktUsd), priceSource: bid.denom === "uakt" ? aktSource : actSource, txHash: "", dedupeKey: depositKey });
    } else if (bid.state === "closed" || bid.state === "lost") {
      const locked = repo.byKey(depositKey);
      if (locked) book({ ...locked, kind: "refund", detail: `refunded (${bid.state})`, height: view.height, atMs, usdMicro: valueOf(locked.amount, locked.denom), dedupeKey: `refund:${bid.bidId}` });
    }
  }

  // ACT→AKT conversions the BME executed for us: the ACT burned, the AKT minted and the BME's price.
  for (const c of view.conversions ?? []) {
    if (c.burned.amount === 0n) continue;
    const price = formatDec(c.mintPrice, 6);
    book({
      leaseId: "",
      kind: "conversion",
      detail: `${c.burned.amount} ${c.burned.denom} → ${c.minted.amount} ${c.minted.denom}`,
      height: c.height,
      atMs,
      amount: c.burned.amount,
      denom: c.burned.denom,
      usdMicro: c.burned.denom === "uakt" ? uaktToMicroUsd(c.burned.amount, c.mintPrice) : c.burned.amount,
      uaktEquiv: c.minted.denom === "uakt" ? c.minted.amount : c.burned.amount,
      priceSource: `BME at oracle $${price}`,
      txHash: "",
      dedupeKey: `conversion:${c.key}`,
    });
  }

  // Every fee our confirmed transactions paid (uakt), valued at the price now.
  for (const tx of input.txs) {
    if (tx.status !== "confirmed" || tx.signer !== provider || tx.height === null) continue;
    const amount = BigInt(tx.fee.amount);
    if (amount === 0n) continue;
    const usd = tx.fee.denom === "uakt" ? uaktToMicroUsd(amount, view.aktUsd) : amount;
    book({
      leaseId: "",
      kind: "fee",
      detail: tx.kind,
      height: tx.height,
      atMs: Date.parse(tx.updatedAt) || atMs,
      amount,
      denom: tx.fee.denom,
      usdMicro: usd,
      uaktEquiv: tx.fee.denom === "uakt" ? amount : microUsdToUakt(usd, view.aktUsd),
      priceSource: tx.fee.denom === "uakt" ? aktSource : actSource,
      txHash: tx.hash,
      dedupeKey: `fee:${tx.hash}`,
    });
  }
  repo.setReconciled(network, provider, view.height, atMs);
  return { rowsAdded };
}
