import { formatCount } from "../../format/count";
import { token } from "../earnings/format-money";
import { formatPerHour, formatRate, microUsdPerHour } from "./lease-rate";
import type { LeaseRow } from "./lease-rows";

const STATE: Record<LeaseRow["state"], string> = { active: "Active", insufficient_funds: "Out of funds", closed: "Closed", invalid: "Unknown" };

/** "dseq 42 · 1/1": the lease's position in the deployment (group / order). */
export function leaseLabel(row: LeaseRow): string {
  return row.gseq === null || row.oseq === null ? `dseq ${row.dseq}` : `dseq ${row.dseq} · ${row.gseq}/${row.oseq}`;
}

/** "2 GPUs (gpu0, gpu1)" from the hardware's record of what the lease holds; "—" when none is recorded. */
export function resourcesLabel(row: LeaseRow): string {
  return row.gpus.length > 0 ? `${formatCount(row.gpus.length, "GPU")} (${row.gpus.join(", ")})` : "—";
}

export function stateLabel(row: LeaseRow): string {
  return row.reconciled ? STATE[row.state] : "Won (not in the ledger yet)";
}

function Rate({ row, blockTimeMs }: { row: LeaseRow; blockTimeMs: number }) {
  if (!row.rate) return <>—</>;
  const perHour = microUsdPerHour(row.rate.amount, row.rate.denom, blockTimeMs);
  return (
    <>
      {formatRate(row.rate.amount, row.rate.denom)}
      {perHour !== null && <span className="ls-sub">≈ {formatPerHour(perHour)}</span>}
    </>
  );
}

function Earned({ row }: { row: LeaseRow }) {
  if (row.earnedUact === null) return <span className="ls-sub">after the next ledger update</span>;
  return (
    <>
      {token(row.earnedUact, "ACT", 2)}
      {row.withdrawnUact !== null && <span className="ls-sub">{token(row.withdrawnUact, "ACT", 2)} withdrawn</span>}
    </>
  );
}

function Blocks({ row }: { row: LeaseRow }) {
  if (row.createdHeight === null) return <>—</>;
  return (
    <>
      from block {row.createdHeight.toLocaleString("en-US")}
      {row.closedHeight !== null && <span className="ls-sub">to block {row.closedHeight.toLocaleString("en-US")}</span>}
    </>
  );
}

/** Leases as an accessible table: the lease id heads each row, every column has a header. */
export function LeaseTable({ rows, caption, blockTimeMs }: { rows: LeaseRow[]; caption: string; blockTimeMs: number }) {
  return (
    <div className="ls-table-wrap">
      <table className="ls-table">
        <caption className="ls-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Lease</th>
            <th scope="col">Tenant</th>
            <th scope="col">State</th>
            <th scope="col">Resources</th>
            <th scope="col">Rate</th>
            <th scope="col">Earned so far</th>
            <th scope="col">Blocks</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-state={row.state}>
              <th scope="row">{leaseLabel(row)}</th>
              <td className="ls-owner">{row.owner}</td>
              <td>{stateLabel(row)}</td>
              <td>{resourcesLabel(row)}</td>
              <td>
                <Rate row={row} blockTimeMs={blockTimeMs} />
              </td>
              <td>
                <Earned row={row} />
              </td>
              <td>
                <Blocks row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
