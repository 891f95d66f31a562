import type { Db } from "../store/database";
import type { ChainTx } from "../../common/chain-schemas";

// Every transaction the app sends, recorded before it is broadcast (so a crash mid-send still leaves
// its hash to look up) and updated as it is confirmed or fails. Table from migration "chain".

export type TxStatus = ChainTx["status"];

interface Row {
  id: number;
  network: string;
  signer: string;
  kind: string;
  hash: string;
  status: TxStatus;
  height: number | null;
  gas_wanted: string | null;
  gas_used: string | null;
  fee_amount: string;
  fee_denom: string;
  code: number | null;
  log: string | null;
  memo: string;
  created_at: string;
  updated_at: string;
}

export interface NewTx {
  network: string;
  signer: string;
  kind: string;
  hash: string;
  gasWanted: bigint;
  fee: { amount: bigint; denom: string };
  memo: string;
}

export interface TxUpdate {
  status: TxStatus;
  height?: number | null;
  gasUsed?: bigint | null;
  code?: number | null;
  log?: string | null;
}

export class TxRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  insert(tx: NewTx): number {
    const stamp = this.now().toISOString();
    // Identical signed bytes (e.g. re-signed after a false sequence alarm) are the same transaction.
    const existing = this.db.prepare("SELECT id FROM chain_tx WHERE hash = ?").get(tx.hash) as { id: number } | undefined;
    if (existing) {
      this.db.prepare("UPDATE chain_tx SET status = 'pending', code = NULL, log = NULL, updated_at = ? WHERE id = ?").run(stamp, existing.id);
      return existing.id;
    }
    const result = this.db
      .prepare(
        `INSERT INTO chain_tx (network, signer, kind, hash, status, gas_wanted, fee_amount, fee_denom, memo, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)`,
      )
      .run(tx.network, tx.signer, tx.kind, tx.hash, tx.gasWanted.toString(), tx.fee.amount.toString(), tx.fee.denom, tx.memo, stamp, stamp);
    return Number(result.lastInsertRowid);
  }

  update(id: number, change: TxUpdate): void {
    const current = this.db.prepare("SELECT * FROM chain_tx WHERE id = ?").get(id) as Row | undefined;
    if (!current) throw new Error(`no chain_tx row ${id}`);
    this.db
      .prepare("UPDATE chain_tx SET status = ?, height = ?, gas_used = ?, code = ?, log = ?, updated_at = ? WHERE id = ?")
      .run(
        change.status,
        change.height === undefined ? current.height : change.height,
        change.gasUsed === undefined ? current.gas_used : change.gasUsed === null ? null : change.gasUsed.toString(),
        change.code === undefined ? current.code : change.code,
        change.log === undefined ? current.log : change.log === null ? null : change.log.slice(0, 4000),
        this.now().toISOString(),
        id,
      );
  }

  get(id: number): ChainTx | undefined {
    const row = this.db.prepare("SELECT * FROM chain_tx WHERE id = ?").get(id) as Row | undefined;
    return row && toTx(row);
  }

  /** Newest first. */
  list(network: string, limit = 100): ChainTx[] {
    const rows = this.db.prepare("SELECT * FROM chain_tx WHERE network = ? ORDER BY id DESC LIMIT ?").all(network, limit) as Row[];
    return rows.map(toTx);
  }

  /** Transactions a previous run left unconfirmed: looked up by hash at start, never resent blindly. */
  unsettled(network: string): ChainTx[] {
    const rows = this.db.prepare("SELECT * FROM chain_tx WHERE network = ? AND status IN ('pending', 'broadcast', 'unknown') ORDER BY id").all(network) as Row[];
    return rows.map(toTx);
  }
}

function toTx(row: Row): ChainTx {
  return {
    id: row.id,
    network: row.network as ChainTx["network"],
    signer: row.signer,
    kind: row.kind,
    hash: row.hash,
    status: row.status,
    height: row.height,
    gasWanted: row.gas_wanted,
    gasUsed: row.gas_used,
    fee: { amount: row.fee_amount, denom: row.fee_denom },
    code: row.code,
    log: row.log,
    memo: row.memo,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
