import type { ChainTx } from "../../../../common/chain-schemas";
import { formatDateTime } from "../../format/date-time";

/** Every transaction the app sent on this network, newest first: what, when, whether it landed, its hash. */
export function TransactionsTable({ txs }: { txs: ChainTx[] }) {
  return (
    <table className="table" data-testid="transactions">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Height
          </th>
          <th scope="col">Fee</th>
          <th scope="col">Hash</th>
        </tr>
      </thead>
      <tbody>
        {txs.map((tx) => (
          <tr key={tx.id}>
            <td>{formatDateTime(tx.createdAt)}</td>
            <td>{tx.kind}</td>
            <td className={`status-${tx.status}`} title={tx.log ?? undefined}>
              {tx.status}
              {tx.status === "failed" && tx.log ? <span className="help"> · {tx.log}</span> : null}
            </td>
            <td className="num">{tx.height ?? "—"}</td>
            <td>
              {tx.fee.amount} {tx.fee.denom}
            </td>
            <td className="mono tx-hash">{tx.hash}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
