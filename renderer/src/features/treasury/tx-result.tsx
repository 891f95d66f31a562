import type { ChainTx } from "../../../../common/chain-schemas";

/** A sent transaction as the user needs it: what it was, whether it landed, and its hash to look up. */
export function TxResult({ tx, what }: { tx: ChainTx; what: string }) {
  const landed = tx.status === "confirmed";
  return (
    <div className={landed ? "result" : "notice-warn"} role="status" data-testid="tx-result">
      <p>
        {what}: {landed ? `confirmed at height ${tx.height ?? "?"}` : tx.status === "failed" ? `failed (${tx.log ?? `code ${tx.code ?? "?"}`})` : `${tx.status}, waiting for a block`}.
      </p>
      <p className="help">
        Transaction <code className="mono">{tx.hash}</code> · fee {tx.fee.amount} {tx.fee.denom}
      </p>
    </div>
  );
}
