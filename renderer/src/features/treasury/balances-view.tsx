import type { Balances } from "../funding/use-balances";
import { formatBaseUnits } from "./amounts";

/** The provider wallet's money at a glance, with the reserve that keeps bidding funded. */
export function BalancesView({ balances }: { balances: Balances }) {
  const items: [string, string, string][] = [
    ["AKT", balances.uakt, "balance-uakt"],
    ["ACT (earnings)", balances.uact, "balance-uact"],
    ["Staked AKT", balances.staked, "balance-staked"],
    ["Staking rewards (AKT)", balances.rewards, "balance-rewards"],
    ["ACT → AKT pending", balances.pendingActToAkt, "balance-pending"],
    ["AKT above the reserve", balances.sweepable, "balance-sweepable"],
  ];
  return (
    <div className="stack">
      <div className="balance-grid" data-testid="treasury-balances">
        {items.map(([label, amount, id]) => (
          <div className="balance" key={id}>
            <div className="balance-label">{label}</div>
            <div className="balance-value" data-testid={id}>
              {formatBaseUnits(amount)}
            </div>
          </div>
        ))}
      </div>
      <p role="status" className={balances.reserve.status === "ok" ? "notice-ok" : "notice-warn"}>
        Reserve for bidding: {formatBaseUnits(balances.reserve.required)} AKT. {balances.reserve.message}
      </p>
    </div>
  );
}
