import { MsgBurnACT } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgDelegate, MsgSend, MsgWithdrawDelegatorReward } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { fromBech32 } from "@cosmjs/encoding";
import { ContractFailure } from "../../common/envelope";
import type { ChainTx } from "../../common/chain-schemas";
import { queryBalances, queryDelegations, queryPendingConversions, queryRewards, queryValidators, type ValidatorInfo } from "../chain/queries";
import type { RpcPool } from "../chain/rpc-pool";
import { encodeMsg, type TxQueue } from "../chain/tx-queue";
import { planPolicy, type PlannedMove, type TreasuryPolicy } from "./treasury-policy";

// The provider's money: balances, the collateral reserve that keeps bidding funded, and the user's
// (never automatic by default) moves: ACT→AKT, stake, claim rewards, sweep surplus to a cold address.
// All amounts are integer base units (bigint inside, decimal strings at the edge).

export interface ReservePolicy {
  /** How many bids may be open at once. */
  maxConcurrentBids: number;
  /** uakt per bid (chain minimum 500000). */
  bidDeposit: bigint;
  /** uakt kept for fees (bids, closes, withdrawals) between top-ups. */
  feeRunway: bigint;
}

export const DEFAULT_RESERVE: ReservePolicy = { maxConcurrentBids: 4, bidDeposit: 500_000n, feeRunway: 5_000_000n };

export interface TreasuryBalances {
  address: string;
  uakt: string;
  uact: string;
  staked: string;
  rewards: string;
  /** uact sent to BME for AKT that settles at the next epoch. */
  pendingActToAkt: string;
  reserve: { required: string; status: "ok" | "low" | "stalled"; message: string };
}

export interface TreasuryDeps {
  pool: () => RpcPool;
  queue: () => TxQueue;
  address: () => string;
  reserve?: () => ReservePolicy;
}

export class Treasury {
  constructor(private readonly d: TreasuryDeps) {}

  async balances(): Promise<TreasuryBalances> {
    const address = this.d.address();
    const pool = this.d.pool();
    const [coins, delegations, rewards, pending] = await Promise.all([
      queryBalances(pool, address),
      queryDelegations(pool, address),
      queryRewards(pool, address),
      // Older chains (before BME) have no ledger: show nothing pending rather than fail the whole view.
      queryPendingConversions(pool, address).catch(() => []),
    ]);
    const uakt = amountOf(coins, "uakt");
    const staked = delegations.filter((d) => d.amount.denom === "uakt").reduce((sum, d) => sum + BigInt(d.amount.amount), 0n);
    return {
      address,
      uakt: uakt.toString(),
      uact: amountOf(coins, "uact").toString(),
      staked: staked.toString(),
      rewards: amountOf(rewards.total, "uakt").toString(),
      pendingActToAkt: amountOf(pending.filter((p) => p.toDenom === "uakt").map((p) => p.from), "uact").toString(),
      reserve: this.reserveStatus(uakt),
    };
  }

  /** The reserve check the UI alerts on before bidding would stall. */
  reserveStatus(uakt: bigint): TreasuryBalances["reserve"] {
    const policy = this.policy();
    const required = requiredReserve(policy);
    const oneBid = policy.bidDeposit + policy.feeRunway / 10n;
    if (uakt < oneBid) {
      return { required: required.toString(), status: "stalled", message: `Bidding has stopped: ${fmt(uakt)} AKT cannot cover one bid deposit plus fees (${fmt(oneBid)} AKT). Add AKT or convert ACT earnings.` };
    }
    if (uakt < required) {
      return { required: required.toString(), status: "low", message: `Below the reserve: ${fmt(uakt)} of ${fmt(required)} AKT for ${policy.maxConcurrentBids} concurrent bids and fees. Bidding will stall soon.` };
    }
    return { required: required.toString(), status: "ok", message: `Reserve covered (${fmt(required)} AKT needed).` };
  }

  /** ACT→AKT through BME (settles at the next BME epoch; shows as pending until then). */
  burnAct(amount: bigint): Promise<ChainTx> {
    positive(amount, "ACT amount");
    const owner = this.d.address();
    return this.d.queue().submit({ kind: "treasury.burnAct", messages: [encodeMsg(MsgBurnACT, { owner, to: owner, coinsToBurn: { denom: "uact", amount: amount.toString() } })] });
  }

  async validators(): Promise<ValidatorInfo[]> {
    const list = await queryValidators(this.d.pool());
    return list.filter((v) => !v.jailed).sort((a, b) => (BigInt(b.tokens) > BigInt(a.tokens) ? 1 : BigInt(b.tokens) < BigInt(a.tokens) ? -1 : 0));
  }

  /** Stakes surplus AKT; refuses to dip into the reserve. */
  async stake(validator: string, amount: bigint): Promise<ChainTx> {
    positive(amount, "stake amount");
    checkAddress(validator, "akashvaloper", "validator");
    const surplus = await this.surplus();
    if (amount > surplus) throw new ContractFailure("CONFLICT", `Only ${fmt(surplus)} AKT is above the bidding reserve; staking ${fmt(amount)} AKT would stall bidding.`);
    const delegatorAddress = this.d.address();
    return this.d.queue().submit({ kind: "treasury.stake", messages: [encodeMsg(MsgDelegate, { delegatorAddress, validatorAddress: validator, amount: { denom: "uakt", amount: amount.toString() } })] });
  }

  async claimRewards(): Promise<ChainTx | null> {
    const delegatorAddress = this.d.address();
    const rewards = await queryRewards(this.d.pool(), delegatorAddress);
    const validators = rewards.byValidator.filter((r) => amountOf(r.reward, "uakt") > 0n).map((r) => r.validator);
    if (validators.length === 0) return null;
    return this.d.queue().submit({
      kind: "treasury.claimRewards",
      messages: validators.map((validatorAddress) => encodeMsg(MsgWithdrawDelegatorReward, { delegatorAddress, validatorAddress })),
    });
  }

  /** What the automatic policy would do now (shown before it is switched on, and what runPolicy runs). */
  async planPolicy(policy: TreasuryPolicy): Promise<PlannedMove[]> {
    const balances = await this.balances();
    return planPolicy(policy, { uact: BigInt(balances.uact), surplus: await this.surplus(), pendingActToAkt: BigInt(balances.pendingActToAkt) });
  }

  /** Runs the planned moves one by one; a failure stops the rest (they are re-planned next time). */
  async runPolicy(policy: TreasuryPolicy): Promise<{ move: PlannedMove; tx: ChainTx | null }[]> {
    const done: { move: PlannedMove; tx: ChainTx | null }[] = [];
    for (const move of await this.planPolicy(policy)) {
      // A sweep sends the surplus as it is now: earlier moves in this run have paid fees since the plan.
      const tx = move.kind === "burnAct" ? await this.burnAct(move.amount) : await this.sweep(move.to);
      done.push({ move, tx });
    }
    return done;
  }

  /** What a sweep would send now: everything above the reserve. */
  async previewSweep(): Promise<{ amount: string }> {
    return { amount: (await this.surplus()).toString() };
  }

  /** Sends the surplus AKT (or a given amount of it) to the owner's own cold address. */
  async sweep(to: string, amount?: bigint): Promise<ChainTx | null> {
    checkAddress(to, "akash", "destination");
    const from = this.d.address();
    if (to === from) throw new ContractFailure("INVALID_INPUT", "Sweep to another address (your cold wallet), not to the provider's own.");
    const surplus = await this.surplus();
    const send = amount ?? surplus;
    if (amount !== undefined) positive(amount, "sweep amount");
    if (send > surplus) throw new ContractFailure("CONFLICT", `Only ${fmt(surplus)} AKT is above the bidding reserve.`);
    if (send === 0n) return null;
    return this.d.queue().submit({ kind: "treasury.sweep", messages: [encodeMsg(MsgSend, { fromAddress: from, toAddress: to, amount: [{ denom: "uakt", amount: send.toString() }] })] });
  }

  private async surplus(): Promise<bigint> {
    const coins = await queryBalances(this.d.pool(), this.d.address());
    const surplus = amountOf(coins, "uakt") - requiredReserve(this.policy());
    return surplus > 0n ? surplus : 0n;
  }

  private policy(): ReservePolicy {
    return this.d.reserve?.() ?? DEFAULT_RESERVE;
  }
}

export function requiredReserve(policy: ReservePolicy): bigint {
  return BigInt(policy.maxConcurrentBids) * policy.bidDeposit + policy.feeRunway;
}

function amountOf(coins: readonly { denom: string; amount: string }[], denom: string): bigint {
  return coins.filter((c) => c.denom === denom).reduce((sum, c) => sum + BigInt(c.amount), 0n);
}

function positive(amount: bigint, what: string): void {
  if (amount <= 0n) throw new ContractFailure("INVALID_INPUT", `The ${what} must be more than zero.`);
}

function checkAddress(address: string, prefix: string, what: string): void {
  try {
    if (fromBech32(address, 128).prefix !== prefix) throw new Error("prefix");
  } catch {
    throw new ContractFailure("INVALID_INPUT", `The ${what} address must be a valid ${prefix}1… address.`);
  }
}

/** Display only: base units to a 6-decimal string, exact. */
function fmt(uakt: bigint): string {
  const whole = uakt / 1_000_000n;
  const frac = (uakt % 1_000_000n).toString().padStart(6, "0").replace(/0+$/u, "");
  return frac ? `${whole}.${frac}` : whole.toString();
}
