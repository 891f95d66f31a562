import {
  QueryCertificatesRequest,
  QueryCertificatesResponse,
  Cert_State,
  QueryLedgerRecordsRequest,
  QueryLedgerRecordsResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryProviderRequest, QueryProviderResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import {
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryDelegationTotalRewardsRequest,
  QueryDelegationTotalRewardsResponse,
  QueryDelegatorDelegationsRequest,
  QueryDelegatorDelegationsResponse,
  QueryValidatorsRequest,
  QueryValidatorsResponse,
} from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { abciQuery, ChainQueryError } from "./abci-query";
import type { RpcPool } from "./rpc-pool";

// Typed chain reads over abci_query, returned as plain app-side shapes (amounts as integer strings
// in base units; Dec values as decimal strings, as chain-sdk decodes them).

export interface OnChainProvider {
  owner: string;
  hostUri: string;
  attributes: { key: string; value: string }[];
  info: { email: string; website: string };
}

export interface OnChainCertificate {
  serial: string;
  state: "valid" | "revoked" | "invalid";
  certPem: string;
  pubkeyPem: string;
}

export interface Coin {
  denom: string;
  amount: string;
}

export interface ValidatorInfo {
  operatorAddress: string;
  moniker: string;
  /** Decimal fraction, e.g. "0.05" for 5%. */
  commission: string;
  jailed: boolean;
  status: "bonded" | "unbonding" | "unbonded" | "unspecified";
  tokens: string;
}

export async function queryProvider(pool: RpcPool, owner: string): Promise<OnChainProvider | null> {
  try {
    const { provider } = await abciQuery(pool, "/akash.provider.v1beta4.Query/Provider", QueryProviderRequest, { owner }, QueryProviderResponse);
    if (!provider) return null;
    return {
      owner: provider.owner,
      hostUri: provider.hostUri,
      attributes: provider.attributes.map((a) => ({ key: a.key, value: a.value })),
      info: { email: provider.info?.email ?? "", website: provider.info?.website ?? "" },
    };
  } catch (error) {
    if (error instanceof ChainQueryError && error.notFound) return null;
    throw error;
  }
}

export async function queryCertificates(pool: RpcPool, owner: string): Promise<OnChainCertificate[]> {
  const out: OnChainCertificate[] = [];
  let key: Uint8Array = new Uint8Array();
  for (let page = 0; page < 20; page++) {
    const response = await abciQuery(
      pool,
      "/akash.cert.v1.Query/Certificates",
      QueryCertificatesRequest,
      { filter: { owner, serial: "", state: "" }, pagination: { key, limit: 100n, offset: 0n, countTotal: false, reverse: false } } as never,
      QueryCertificatesResponse,
    );
    for (const item of response.certificates) {
      const state = item.certificate?.state === Cert_State.valid ? "valid" : item.certificate?.state === Cert_State.revoked ? "revoked" : "invalid";
      const dec = new TextDecoder();
      out.push({ serial: item.serial, state, certPem: dec.decode(item.certificate?.cert ?? new Uint8Array()), pubkeyPem: dec.decode(item.certificate?.pubkey ?? new Uint8Array()) });
    }
    key = response.pagination?.nextKey ?? new Uint8Array();
    if (key.length === 0) break;
  }
  return out;
}

export async function queryBalances(pool: RpcPool, address: string): Promise<Coin[]> {
  const response = await abciQuery(pool, "/cosmos.bank.v1beta1.Query/AllBalances", QueryAllBalancesRequest, { address, resolveDenom: false } as never, QueryAllBalancesResponse);
  return response.balances.map((c) => ({ denom: c.denom, amount: c.amount }));
}

export async function queryDelegations(pool: RpcPool, delegator: string): Promise<{ validator: string; amount: Coin }[]> {
  const response = await abciQuery(pool, "/cosmos.staking.v1beta1.Query/DelegatorDelegations", QueryDelegatorDelegationsRequest, { delegatorAddr: delegator } as never, QueryDelegatorDelegationsResponse);
  return response.delegationResponses.map((d) => ({ validator: d.delegation?.validatorAddress ?? "", amount: { denom: d.balance?.denom ?? "uakt", amount: d.balance?.amount ?? "0" } }));
}

/** Pending staking rewards; DecCoin amounts floored to whole base units (what a claim pays out). */
export async function queryRewards(pool: RpcPool, delegator: string): Promise<{ total: Coin[]; byValidator: { validator: string; reward: Coin[] }[] }> {
  const response = await abciQuery(pool, "/cosmos.distribution.v1beta1.Query/DelegationTotalRewards", QueryDelegationTotalRewardsRequest, { delegatorAddress: delegator }, QueryDelegationTotalRewardsResponse);
  const floor = (c: { denom: string; amount: string }): Coin => ({ denom: c.denom, amount: (c.amount.split(".")[0] || "0").replace(/^0+(?=\d)/u, "") });
  return { total: response.total.map(floor), byValidator: response.rewards.map((r) => ({ validator: r.validatorAddress, reward: r.reward.map(floor) })) };
}

export async function queryValidators(pool: RpcPool): Promise<ValidatorInfo[]> {
  const response = await abciQuery(pool, "/cosmos.staking.v1beta1.Query/Validators", QueryValidatorsRequest, { status: "BOND_STATUS_BONDED", pagination: { key: new Uint8Array(), limit: 200n, offset: 0n, countTotal: false, reverse: false } } as never, QueryValidatorsResponse);
  const statuses = ["unspecified", "unbonded", "unbonding", "bonded"] as const;
  return response.validators.map((v) => ({
    operatorAddress: v.operatorAddress,
    moniker: v.description?.moniker ?? "",
    commission: v.commission?.commissionRates?.rate ?? "0",
    jailed: v.jailed,
    status: statuses[v.status as number] ?? "unspecified",
    tokens: v.tokens,
  }));
}

/** BME conversions this address started that wait for the next epoch (e.g. ACT→AKT burns). */
export async function queryPendingConversions(pool: RpcPool, owner: string): Promise<{ from: Coin; toDenom: string }[]> {
  const response = await abciQuery(
    pool,
    "/akash.bme.v1.Query/LedgerRecords",
    QueryLedgerRecordsRequest,
    { filters: { source: owner, denom: "", toDenom: "", status: "ledger_record_status_pending" }, pagination: { key: new Uint8Array(), limit: 100n, offset: 0n, countTotal: false, reverse: false } } as never,
    QueryLedgerRecordsResponse,
  );
  return response.records
    .filter((r) => r.pendingRecord && r.pendingRecord.owner === owner)
    .map((r) => ({ from: { denom: r.pendingRecord!.coinsToBurn?.denom ?? "", amount: r.pendingRecord!.coinsToBurn?.amount ?? "0" }, toDenom: r.pendingRecord!.denomToMint }));
}
