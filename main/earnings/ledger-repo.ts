import type { Db } from "../store/database";

// The ledger's SQL, behind one small repository (tables from earnings-migration.ts).

export type LedgerKind = "accrual" | "withdrawal" | "conversion" | "fee" | "deposit" | "refund";

export interface LedgerRow {
  leaseId: string;
  kind: LedgerKind;
  detail: string;
  height: number;
  atMs: number;
  amount: bigint;
  denom: string;
  usdMicro: bigint;
  uaktEquiv: bigint;
  priceSource: string;
  txHash: string;
  dedupeKey: string;
}

export interface LeaseRecord {
  leaseId: string;
  owner: string;
  dseq: string;
  state: string;
  rate: string;
  createdHeight: number;
  closedHeight: number | null;
  balance: string;
  withdrawn: string;
  escrowFunds: string;
  settledAt: number;
  seenHeight: number;
  closePaid: string;
  lastWithdrawMs: number | null;
}

interface DbRow {
  lease_id: string;
  kind: LedgerKind;
  detail: string;
  height: number;
  at_ms: number;
  amount: string;
  denom: string;
  usd_micro: string;
  uakt_equiv: string;
  price_source: string;
  tx_hash: string;
  dedupe_key: string;
}

const toRow = (r: DbRow): LedgerRow => ({
  leaseId: r.lease_id,
  kind: r.kind,
  detail: r.detail,
  height: r.height,
  atMs: r.at_ms,
  amount: BigInt(r.amount),
  denom: r.denom,
  usdMicro: BigInt(r.usd_micro),
  uaktEquiv: BigInt(r.uakt_equiv),
  priceSource: r.price_source,
  txHash: r.tx_hash,
  dedupeKey: r.dedupe_key,
});

export class LedgerRepo {
  constructor(private readonly db: Db) {}

  /** Books a row unless its dedupe key is already booked; true when it was new. */
  insert(network: string, provider: string, row: LedgerRow): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO earnings_ledger (network, provider, lease_id, kind, detail, height, at_ms, amount, denom, usd_micro, uakt_equiv, price_source, tx_hash, dedupe_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .run(network, provider, row.leaseId, row.kind, row.detail, row.height, row.atMs, row.amount.toString(), row.denom, row.usdMicro.toString(), row.uaktEquiv.toString(), row.priceSource, row.txHash, row.dedupeKey);
    return result.changes > 0;
  }

  /** Sum of a lease's booked amounts of one kind (integers summed as bigint, not in SQL floats). */
  leaseSum(leaseId: string, kind: LedgerKind): bigint {
    const rows = this.db.prepare("SELECT amount FROM earnings_ledger WHERE lease_id = ? AND kind = ?").all(leaseId, kind) as { amount: string }[];
    return rows.reduce((sum, r) => sum + BigInt(r.amount), 0n);
  }

  countLease(leaseId: string, kind: LedgerKind): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM earnings_ledger WHERE lease_id = ? AND kind = ?").get(leaseId, kind) as { n: number }).n;
  }

  rows(network: string, provider: string, fromMs: number, toMs: number, kinds?: readonly LedgerKind[]): LedgerRow[] {
    const all = this.db
      .prepare("SELECT * FROM earnings_ledger WHERE network = ? AND provider = ? AND at_ms >= ? AND at_ms < ? ORDER BY at_ms, id")
      .all(network, provider, fromMs, toMs) as DbRow[];
    const rows = all.map(toRow);
    return kinds ? rows.filter((r) => kinds.includes(r.kind)) : rows;
  }

  byKey(dedupeKey: string): LedgerRow | undefined {
    const row = this.db.prepare("SELECT * FROM earnings_ledger WHERE dedupe_key = ?").get(dedupeKey) as DbRow | undefined;
    return row && toRow(row);
  }

  hasTx(hash: string, kind: LedgerKind): boolean {
    return this.db.prepare("SELECT 1 FROM earnings_ledger WHERE tx_hash = ? AND kind = ?").get(hash, kind) !== undefined;
  }

  lease(leaseId: string): LeaseRecord | undefined {
    const r = this.db.prepare("SELECT * FROM earnings_leases WHERE lease_id = ?").get(leaseId) as Record<string, unknown> | undefined;
    return r && toLease(r);
  }

  leases(network: string, provider: string): LeaseRecord[] {
    return (this.db.prepare("SELECT * FROM earnings_leases WHERE network = ? AND provider = ? ORDER BY created_height").all(network, provider) as Record<string, unknown>[]).map(toLease);
  }

  upsertLease(network: string, provider: string, lease: Omit<LeaseRecord, "lastWithdrawMs">): void {
    this.db
      .prepare(
        `INSERT INTO earnings_leases (lease_id, network, provider, owner, dseq, state, rate, created_height, closed_height, balance, withdrawn, escrow_funds, settled_at, seen_height, close_paid)
         VALUES (@leaseId, @network, @provider, @owner, @dseq, @state, @rate, @createdHeight, @closedHeight, @balance, @withdrawn, @escrowFunds, @settledAt, @seenHeight, @closePaid)
         ON CONFLICT (lease_id) DO UPDATE SET state = excluded.state, rate = excluded.rate, closed_height = excluded.closed_height, balance = excluded.balance,
           withdrawn = excluded.withdrawn, escrow_funds = excluded.escrow_funds, settled_at = excluded.settled_at, seen_height = excluded.seen_height, close_paid = excluded.close_paid`,
      )
      .run({ ...lease, network, provider });
  }

  markWithdrawn(leaseId: string, atMs: number): void {
    this.db.prepare("UPDATE earnings_leases SET last_withdraw_ms = ? WHERE lease_id = ?").run(atMs, leaseId);
  }

  savePrice(network: string, denom: string, usd: string, asOfMs: number, height: number | null): void {
    this.db.prepare("INSERT INTO earnings_prices (network, denom, usd, as_of_ms, height) VALUES (?, ?, ?, ?, ?)").run(network, denom, usd, asOfMs, height);
  }

  latestPrice(network: string, denom: string): { usd: string; asOfMs: number } | undefined {
    const r = this.db.prepare("SELECT usd, as_of_ms FROM earnings_prices WHERE network = ? AND denom = ? ORDER BY as_of_ms DESC, id DESC LIMIT 1").get(network, denom) as
      | { usd: string; as_of_ms: number }
      | undefined;
    return r && { usd: r.usd, asOfMs: r.as_of_ms };
  }

  setReconciled(network: string, provider: string, height: number, atMs: number): void {
    this.db
      .prepare("INSERT INTO earnings_state (network, provider, height, at_ms) VALUES (?, ?, ?, ?) ON CONFLICT (network, provider) DO UPDATE SET height = excluded.height, at_ms = excluded.at_ms")
      .run(network, provider, height, atMs);
  }

  reconciled(network: string, provider: string): { height: number; atMs: number } | undefined {
    const r = this.db.prepare("SELECT height, at_ms FROM earnings_state WHERE network = ? AND provider = ?").get(network, provider) as { height: number; at_ms: number } | undefined;
    return r && { height: r.height, atMs: r.at_ms };
  }
}

function toLease(r: Record<string, unknown>): LeaseRecord {
  return {
    leaseId: String(r.lease_id),
    owner: String(r.owner),
    dseq: String(r.dseq),
    state: String(r.state),
    rate: String(r.rate),
    createdHeight: Number(r.created_height),
    closedHeight: r.closed_height === null ? null : Number(r.closed_height),
    balance: String(r.balance),
    withdrawn: String(r.withdrawn),
    escrowFunds: String(r.escrow_funds),
    settledAt: Number(r.settled_at),
    seenHeight: Number(r.seen_height),
    closePaid: String(r.close_paid),
    lastWithdrawMs: r.last_withdraw_ms === null ? null : Number(r.last_withdraw_ms),
  };
}
