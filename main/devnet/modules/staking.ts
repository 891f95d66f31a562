import {
  BondStatus,
  MsgDelegate,
  MsgDelegateResponse,
  MsgUndelegate,
  MsgUndelegateResponse,
  MsgWithdrawDelegatorReward,
  MsgWithdrawDelegatorRewardResponse,
  QueryDelegationRequest,
  QueryDelegationResponse,
  QueryDelegationRewardsRequest,
  QueryDelegationRewardsResponse,
  QueryDelegationTotalRewardsRequest,
  QueryDelegationTotalRewardsResponse,
  QueryDelegatorDelegationsRequest,
  QueryDelegatorDelegationsResponse,
  QueryDelegatorUnbondingDelegationsRequest,
  QueryDelegatorUnbondingDelegationsResponse,
  QueryValidatorRequest,
  QueryValidatorResponse,
  QueryValidatorsRequest,
  QueryValidatorsResponse,
  Staking_QueryParamsResponse,
  Staking_Validator,
} from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { sha256 } from "@cosmjs/crypto";
import { toBech32, toHex } from "@cosmjs/encoding";
import { sdkErr } from "../chain/errors";
import { paginate } from "../chain/pagination";
import type { MsgContext, MsgHandler, QueryRoutes } from "../chain/types";
import type { Store, Table } from "../state/store";
import { checkAddress, moduleAddress } from "../util/address";
import { decFloor, decFromInt, formatDec, parseDec } from "../util/dec";
import type { BankModule } from "./bank";
import { checkCoin } from "./bank";
import { stakingErr } from "./module-errors";

export interface StakingParams {
  /** Reward rate in basis points per year (e.g. 1500 = 15 % APR). */
  aprBps: number;
  blocksPerYear: number;
  unbondingBlocks: number;
  /** Shown in the Params query; the devnet matures unbondings by blocks. */
  unbondingSeconds: number;
}

export const DEFAULT_STAKING_PARAMS: StakingParams = { aprBps: 1500, blocksPerYear: 5_256_000, unbondingBlocks: 100, unbondingSeconds: 21 * 24 * 3600 };

interface ValidatorRec {
  operator: string;
  moniker: string;
  tokens: string;
  consensusKey: string; // base64 ed25519 public key
}

interface DelegationRec {
  delegator: string;
  validator: string;
  amount: string;
  /** Rewards accrued up to `since`, scaled Dec. */
  accrued: string;
  since: number;
}

interface UnbondingRec {
  delegator: string;
  validator: string;
  amount: string;
  creationHeight: number;
  completionHeight: number;
  completionTime: string;
}

export const BONDED_POOL = moduleAddress("bonded_tokens_pool");
export const NOT_BONDED_POOL = moduleAddress("not_bonded_tokens_pool");

export interface ValidatorGenesis {
  moniker: string;
  selfBond: bigint;
}

/** A deterministic consensus identity for a validator moniker (the devnet signs nothing with it). */
export function validatorIdentity(moniker: string): { operator: string; consensusKey: Uint8Array; address: string } {
  const seed = sha256(new TextEncoder().encode(`devnet-validator/${moniker}`));
  const consensusKey = sha256(seed);
  return {
    operator: toBech32("akashvaloper", seed.slice(0, 20)),
    consensusKey,
    address: toHex(sha256(consensusKey).slice(0, 20)).toUpperCase(),
  };
}

/**
 * x/staking + x/distribution, reduced to what a provider's treasury uses: a few bonded validators,
 * delegate, undelegate (maturing after unbondingBlocks), and rewards that accrue lazily at a fixed
 * APR per block, paid by MsgWithdrawDelegatorReward.
 */
export class StakingModule {
  readonly validators: Table<ValidatorRec>;
  readonly delegations: Table<DelegationRec>;
  private readonly unbondings: Table<UnbondingRec[]>;

  constructor(
    store: Store,
    readonly params: StakingParams,
    private readonly bank: BankModule,
  ) {
    this.validators = store.table<ValidatorRec>("staking.validators");
    this.delegations = store.table<DelegationRec>("staking.delegations");
    this.unbondings = store.table<UnbondingRec[]>("staking.unbondings");
  }

  genesis(validators: ValidatorGenesis[]): void {
    for (const v of validators) {
      const id = validatorIdentity(v.moniker);
      if (this.validators.has(id.operator)) continue;
      this.bank.mint(BONDED_POOL, "uakt", v.selfBond);
      this.validators.put(id.operator, { operator: id.operator, moniker: v.moniker, tokens: v.selfBond.toString(), consensusKey: Buffer.from(id.consensusKey).toString("base64") });
    }
  }

  private rewards(d: DelegationRec, height: number): bigint {
    const blocks = BigInt(Math.max(0, height - d.since));
    const perBlock = (decFromInt(BigInt(d.amount)) * BigInt(this.params.aprBps)) / 10_000n / BigInt(this.params.blocksPerYear);
    return parseDec(d.accrued) + perBlock * blocks;
  }

  private settleDelegation(key: string, height: number): DelegationRec | undefined {
    const d = this.delegations.get(key);
    if (!d) return undefined;
    const updated = { ...d, accrued: formatDec(this.rewards(d, height)), since: height };
    this.delegations.put(key, updated);
    return updated;
  }

  private addTokens(operator: string, delta: bigint): void {
    const v = this.validators.get(operator) as ValidatorRec;
    this.validators.put(operator, { ...v, tokens: (BigInt(v.tokens) + delta).toString() });
  }

  private payRewards(key: string, ctx: MsgContext): bigint {
    const d = this.settleDelegation(key, ctx.height);
    if (!d) return 0n;
    const amount = decFloor(parseDec(d.accrued));
    if (amount > 0n) this.bank.mint(d.delegator, "uakt", amount, ctx);
    this.delegations.put(key, { ...d, accrued: formatDec(parseDec(d.accrued) - decFromInt(amount)) });
    return amount;
  }

  endBlock(ctx: MsgContext): void {
    const due = this.unbondings.get(String(ctx.height));
    if (!due) return;
    for (const u of due) this.bank.transfer(NOT_BONDED_POOL, u.delegator, "uakt", BigInt(u.amount), ctx);
    this.unbondings.delete(String(ctx.height));
  }

  private validatorMsg(v: ValidatorRec): Staking_Validator {
    return Staking_Validator.fromPartial({
      operatorAddress: v.operator,
      consensusPubkey: { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: Uint8Array.from([10, 32, ...Buffer.from(v.consensusKey, "base64")]) },
      jailed: false,
      status: BondStatus.BOND_STATUS_BONDED,
      tokens: v.tokens,
      delegatorShares: formatDec(decFromInt(BigInt(v.tokens))),
      description: { moniker: v.moniker },
      commission: { commissionRates: { rate: "0.050000000000000000", maxRate: "0.200000000000000000", maxChangeRate: "0.010000000000000000" }, updateTime: new Date(0) },
      minSelfDelegation: "1",
    });
  }

  private delegationResponse(d: DelegationRec) {
    return { delegation: { delegatorAddress: d.delegator, validatorAddress: d.validator, shares: formatDec(decFromInt(BigInt(d.amount))) }, balance: { denom: "uakt", amount: d.amount } };
  }

  handlers(): MsgHandler[] {
    const delegate: MsgHandler<MsgDelegate> = {
      typeUrl: `/${MsgDelegate.$type}`,
      decode: (b) => MsgDelegate.decode(b),
      signers: (m) => [m.delegatorAddress],
      gas: 60_000,
      module: "staking",
      handle: (msg, ctx) => {
        checkAddress(msg.delegatorAddress, "delegator");
        if (!this.validators.has(msg.validatorAddress)) throw stakingErr.noValidator(msg.validatorAddress);
        const { denom, amount } = checkCoin(msg.amount, "amount");
        if (denom !== "uakt") throw stakingErr.badDenom(`got ${denom}, expected uakt`);
        if (amount === 0n) throw sdkErr.invalidRequest("invalid delegation amount");
        this.bank.transfer(msg.delegatorAddress, BONDED_POOL, denom, amount, ctx);
        const key = `${msg.delegatorAddress}/${msg.validatorAddress}`;
        const existing = this.settleDelegation(key, ctx.height);
        this.delegations.put(key, {
          delegator: msg.delegatorAddress,
          validator: msg.validatorAddress,
          amount: ((existing ? BigInt(existing.amount) : 0n) + amount).toString(),
          accrued: existing?.accrued ?? formatDec(0n),
          since: ctx.height,
        });
        this.addTokens(msg.validatorAddress, amount);
        return { typeUrl: `/${MsgDelegateResponse.$type}`, value: MsgDelegateResponse.encode({}).finish() };
      },
    };
    const undelegate: MsgHandler<MsgUndelegate> = {
      typeUrl: `/${MsgUndelegate.$type}`,
      decode: (b) => MsgUndelegate.decode(b),
      signers: (m) => [m.delegatorAddress],
      gas: 60_000,
      module: "staking",
      handle: (msg, ctx) => {
        const key = `${msg.delegatorAddress}/${msg.validatorAddress}`;
        const { denom, amount } = checkCoin(msg.amount, "amount");
        if (denom !== "uakt") throw stakingErr.badDenom(`got ${denom}, expected uakt`);
        const d = this.delegations.get(key);
        if (!d) throw stakingErr.noDelegation();
        if (amount === 0n || amount > BigInt(d.amount)) throw stakingErr.notEnoughShares(`cannot undelegate ${amount}uakt of ${d.amount}uakt`);
        this.payRewards(key, ctx);
        const after = this.delegations.get(key) as DelegationRec;
        const left = BigInt(after.amount) - amount;
        if (left === 0n) this.delegations.delete(key);
        else this.delegations.put(key, { ...after, amount: left.toString() });
        this.addTokens(msg.validatorAddress, -amount);
        this.bank.transfer(BONDED_POOL, NOT_BONDED_POOL, "uakt", amount);
        const completionHeight = ctx.height + this.params.unbondingBlocks;
        const completionTime = new Date(ctx.time.getTime() + this.params.unbondingSeconds * 1000);
        const queue = this.unbondings.get(String(completionHeight)) ?? [];
        this.unbondings.put(String(completionHeight), [
          ...queue,
          { delegator: msg.delegatorAddress, validator: msg.validatorAddress, amount: amount.toString(), creationHeight: ctx.height, completionHeight, completionTime: completionTime.toISOString() },
        ]);
        return {
          typeUrl: `/${MsgUndelegateResponse.$type}`,
          value: MsgUndelegateResponse.encode(MsgUndelegateResponse.fromPartial({ completionTime, amount: { denom: "uakt", amount: amount.toString() } })).finish(),
        };
      },
    };
    const withdraw: MsgHandler<MsgWithdrawDelegatorReward> = {
      typeUrl: `/${MsgWithdrawDelegatorReward.$type}`,
      decode: (b) => MsgWithdrawDelegatorReward.decode(b),
      signers: (m) => [m.delegatorAddress],
      gas: 50_000,
      module: "distribution",
      handle: (msg, ctx) => {
        const key = `${msg.delegatorAddress}/${msg.validatorAddress}`;
        if (!this.validators.has(msg.validatorAddress)) throw stakingErr.noValidator(msg.validatorAddress);
        if (!this.delegations.has(key)) throw stakingErr.noDelegation();
        const amount = this.payRewards(key, ctx);
        return {
          typeUrl: `/${MsgWithdrawDelegatorRewardResponse.$type}`,
          value: MsgWithdrawDelegatorRewardResponse.encode(MsgWithdrawDelegatorRewardResponse.fromPartial({ amount: amount > 0n ? [{ denom: "uakt", amount: amount.toString() }] : [] })).finish(),
        };
      },
    };
    return [delegate, undelegate, withdraw] as MsgHandler[];
  }

  routes(): QueryRoutes {
    const of = (delegator: string) => [...this.delegations.values()].filter((d) => d.delegator === delegator);
    return {
      "/cosmos.staking.v1beta1.Query/Validators": (data) => {
        const { status, pagination } = QueryValidatorsRequest.decode(data);
        const list = status && status !== "BOND_STATUS_BONDED" ? [] : [...this.validators.values()];
        const page = paginate(list, pagination);
        return QueryValidatorsResponse.encode(QueryValidatorsResponse.fromPartial({ validators: page.items.map((v) => this.validatorMsg(v)), pagination: page.pagination })).finish();
      },
      "/cosmos.staking.v1beta1.Query/Validator": (data) => {
        const { validatorAddr } = QueryValidatorRequest.decode(data);
        const v = this.validators.get(validatorAddr);
        if (!v) throw sdkErr.keyNotFound(`validator ${validatorAddr} not found`);
        return QueryValidatorResponse.encode(QueryValidatorResponse.fromPartial({ validator: this.validatorMsg(v) })).finish();
      },
      "/cosmos.staking.v1beta1.Query/Delegation": (data) => {
        const { delegatorAddr, validatorAddr } = QueryDelegationRequest.decode(data);
        const d = this.delegations.get(`${delegatorAddr}/${validatorAddr}`);
        if (!d) throw sdkErr.keyNotFound(`delegation with delegator ${delegatorAddr} not found for validator ${validatorAddr}`);
        return QueryDelegationResponse.encode(QueryDelegationResponse.fromPartial({ delegationResponse: this.delegationResponse(d) })).finish();
      },
      "/cosmos.staking.v1beta1.Query/DelegatorDelegations": (data) => {
        const { delegatorAddr, pagination } = QueryDelegatorDelegationsRequest.decode(data);
        const page = paginate(of(delegatorAddr), pagination);
        return QueryDelegatorDelegationsResponse.encode(
          QueryDelegatorDelegationsResponse.fromPartial({ delegationResponses: page.items.map((d) => this.delegationResponse(d)), pagination: page.pagination }),
        ).finish();
      },
      "/cosmos.staking.v1beta1.Query/DelegatorUnbondingDelegations": (data) => {
        const { delegatorAddr } = QueryDelegatorUnbondingDelegationsRequest.decode(data);
        const entries = [...this.unbondings.values()].flat().filter((u) => u.delegator === delegatorAddr);
        const byValidator = new Map<string, UnbondingRec[]>();
        for (const u of entries) byValidator.set(u.validator, [...(byValidator.get(u.validator) ?? []), u]);
        return QueryDelegatorUnbondingDelegationsResponse.encode(
          QueryDelegatorUnbondingDelegationsResponse.fromPartial({
            unbondingResponses: [...byValidator].map(([validator, list]) => ({
              delegatorAddress: delegatorAddr,
              validatorAddress: validator,
              entries: list.map((u) => ({ creationHeight: u.creationHeight, completionTime: new Date(u.completionTime), initialBalance: u.amount, balance: u.amount })),
            })),
          }),
        ).finish();
      },
      "/cosmos.staking.v1beta1.Query/Params": () =>
        Staking_QueryParamsResponse.encode(
          Staking_QueryParamsResponse.fromPartial({
            params: { unbondingTime: { seconds: this.params.unbondingSeconds, nanos: 0 }, maxValidators: 100, maxEntries: 7, historicalEntries: 10000, bondDenom: "uakt", minCommissionRate: "0.050000000000000000" },
          }),
        ).finish(),
      "/cosmos.distribution.v1beta1.Query/DelegationRewards": (data, height) => {
        const { delegatorAddress, validatorAddress } = QueryDelegationRewardsRequest.decode(data);
        const d = this.delegations.get(`${delegatorAddress}/${validatorAddress}`);
        if (!d) throw sdkErr.keyNotFound("delegation does not exist");
        return QueryDelegationRewardsResponse.encode(QueryDelegationRewardsResponse.fromPartial({ rewards: [{ denom: "uakt", amount: formatDec(this.rewards(d, height)) }] })).finish();
      },
      "/cosmos.distribution.v1beta1.Query/DelegationTotalRewards": (data, height) => {
        const { delegatorAddress } = QueryDelegationTotalRewardsRequest.decode(data);
        const list = of(delegatorAddress);
        const total = list.reduce((sum, d) => sum + this.rewards(d, height), 0n);
        return QueryDelegationTotalRewardsResponse.encode(
          QueryDelegationTotalRewardsResponse.fromPartial({
            rewards: list.map((d) => ({ validatorAddress: d.validator, reward: [{ denom: "uakt", amount: formatDec(this.rewards(d, height)) }] })),
            total: list.length > 0 ? [{ denom: "uakt", amount: formatDec(total) }] : [],
          }),
        ).finish();
      },
    };
  }
}
