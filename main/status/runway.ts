import type { BidEngineSettings } from "../../common/bidengine-schemas";
import type { z } from "zod";
import type { TreasuryBalances as TreasuryBalancesSchema } from "../../common/provider-schemas";

type TreasuryBalances = z.infer<typeof TreasuryBalancesSchema>;
import type { CollateralRunway } from "../../common/status-schemas";

// How long the wallet keeps the bid engine going: each bid locks a deposit (returned when the bid
// closes) and pays a fee (gone). The owner's kept reserve is never counted as spendable.

function balanceOf(balances: TreasuryBalances, denom: string): bigint | null {
  if (denom === "uakt") return BigInt(balances.uakt);
  if (denom === "uact") return BigInt(balances.uact);
  return null;
}

export function collateralRunway(settings: BidEngineSettings, balances: TreasuryBalances, bidsLastDay: number | null): CollateralRunway | null {
  const { deposit, feeEstimate } = settings.chain;
  const reserveAmount = BigInt(settings.policies.keepReserve);
  const fee = BigInt(feeEstimate.amount);
  const depositAmount = BigInt(deposit.amount);
  const feeBalance = balanceOf(balances, feeEstimate.denom);
  const depositBalance = balanceOf(balances, deposit.denom);
  if (feeBalance === null || depositBalance === null) return null;

  const sameDenom = deposit.denom === feeEstimate.denom;
  // The reserve is kept in the deposit's denom (owner-policies' collateral check does the same).
  const reserve = sameDenom ? reserveAmount : 0n;
  const perBid = fee + (sameDenom ? depositAmount : 0n);
  const spendable = feeBalance > reserve ? feeBalance - reserve : 0n;
  let covered = perBid > 0n ? spendable / perBid : 0n;
  if (!sameDenom && depositAmount > 0n) {
    const depositSpendable = depositBalance > reserveAmount ? depositBalance - reserveAmount : 0n;
    const byDeposit = depositSpendable / depositAmount;
    if (byDeposit < covered) covered = byDeposit;
  }
  const spent = bidsLastDay === null ? 0n : BigInt(bidsLastDay) * fee;
  const days = spent > 0n ? spendable / spent : null;
  return {
    denom: feeEstimate.denom,
    balance: feeBalance.toString(),
    reserve: reserve.toString(),
    perBid: perBid.toString(),
    bidsCovered: clampInt(covered),
    spentLastDay: spent.toString(),
    days: days === null ? null : clampInt(days),
  };
}

/** Counts beyond 2^31 say nothing more to a person; keep them in a safe integer. */
function clampInt(value: bigint): number {
  return value > 2_147_483_647n ? 2_147_483_647 : Number(value);
}
