import type { LeaseEarnings } from "../../../../common/earnings-schemas";
import { token, usd } from "./format-money";

const STATE: Record<LeaseEarnings["state"], string> = { active: "Active", insufficient_funds: "Out of funds", closed: "Closed", invalid: "Unknown" };

export function LeaseTable({ leases }: { leases: LeaseEarnings[] }) {
  return (
    <div className="earn-table-wrap">
      <table className="earn-table">
        <caption className="visually-hidden">Earnings per lease in the selected period</caption>
        <thead>
          <tr>
            <th scope="col">Lease</th>
            <th scope="col">State</th>
            <th scope="col">Rate</th>
            <th scope="col">Earned</th>
            <th scope="col">Withdrawn</th>
            <th scope="col">Accrued</th>
            <th scope="col">Electricity</th>
            <th scope="col">Net</th>
          </tr>
        </thead>
        <tbody>
          {leases.map((l) => (
            <tr key={l.leaseId}>
              <th scope="row" title={l.leaseId}>
                dseq {l.dseq}
                <span className="earn-sub">{l.owner.slice(0, 12)}…</span>
              </th>
              <td>{STATE[l.state]}</td>
              <td>{Number(l.rateUactPerBlock).toLocaleString()} uact/block</td>
              <td>{token(l.earnedUact, "ACT")}</td>
              <td>{token(l.withdrawnUact, "ACT")}</td>
              <td>{token(l.accruedUact, "ACT")}</td>
              <td>{l.electricityConverted ? usd(l.electricityUsdMicro) : "not converted"}</td>
              <td>{usd(l.netUsdMicro)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
