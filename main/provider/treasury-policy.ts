// Automatic treasury moves, each off by default. The planner is pure: the UI shows its plan ("what it
// will do") before the user switches a policy on, and the scheduler runs exactly that plan.

export interface TreasuryPolicy {
  /** Convert ACT earnings to AKT once at least this much uact has accrued; null = off. */
  burnActAbove: bigint | null;
  /** Sweep AKT above the reserve to `sweepTo` once the surplus exceeds this; null = off. */
  sweepAbove: bigint | null;
  sweepTo: string | null;
}

export const POLICY_OFF: TreasuryPolicy = { burnActAbove: null, sweepAbove: null, sweepTo: null };

export type PlannedMove =
  | { kind: "burnAct"; amount: bigint; reason: string }
  | { kind: "sweep"; amount: bigint; to: string; reason: string };

export interface PolicyInputs {
  uact: bigint;
  /** uakt above the bidding reserve. */
  surplus: bigint;
  /** uact already waiting in BME for the next epoch (not burnt twice). */
  pendingActToAkt: bigint;
}

/** BME refuses tiny conversions; below this a burn only wastes the fee. */
export const MIN_BURN_UACT = 1_000_000n;

export function planPolicy(policy: TreasuryPolicy, inputs: PolicyInputs): PlannedMove[] {
  const moves: PlannedMove[] = [];
  if (policy.burnActAbove !== null && inputs.pendingActToAkt === 0n && inputs.uact >= policy.burnActAbove && inputs.uact >= MIN_BURN_UACT) {
    moves.push({ kind: "burnAct", amount: inputs.uact, reason: `ACT balance ${inputs.uact} uact reached the threshold ${policy.burnActAbove}` });
  }
  if (policy.sweepAbove !== null && policy.sweepTo && inputs.surplus > policy.sweepAbove) {
    moves.push({ kind: "sweep", amount: inputs.surplus, to: policy.sweepTo, reason: `AKT above the reserve (${inputs.surplus} uakt) exceeds ${policy.sweepAbove}` });
  }
  return moves;
}
