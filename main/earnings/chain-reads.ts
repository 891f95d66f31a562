import { Lease_State, QueryAccountsRequest, QueryAccountsResponse, QueryAggregatedPriceRequest, QueryAggregatedPriceResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryLeasesRequest, QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { abciQuery } from "../chain/abci-query";
import type { RpcPool } from "../chain/rpc-pool";
import { parseDec } from "./dec";

// The chain reads the ledger is built from: the provider's leases with their escrow payments, the
// tenants' deployment escrow accounts (settled_at and funds, for "accrued since last settlement" and
// "about to run dry"), the oracle's AKT price and the latest block. Every value is checked here, at
// the edge: a malformed answer throws a clear error instead of booking garbage.

export interface LeaseKey {
  owner: string;
  dseq: string;
  gseq: number;
  oseq: number;
  provider: string;
  bseq: number;
}

export interface LeaseSnapshot {
  key: LeaseKey;
  leaseId: string;
  state: "active" | "insufficient_funds" | "closed" | "invalid";
  /** uact per block, scaled decimal. */
  rate: bigint;
  createdHeight: number;
  closedHeight: number | null;
  /** Accrued at the last settlement, not yet paid out (scaled decimal uact). */
  balance: bigint;
  /** Paid out to the provider so far (integer uact). */
  withdrawn: bigint;
  denom: string;
}

export interface EscrowAccountSnapshot {
  settledAt: number;
  /** Unspent funds in the lease's denom (scaled decimal). */
  funds: bigint;
}

export function leaseIdOf(key: LeaseKey): string {
  return `${key.owner}/${key.dseq}/${key.gseq}/${key.oseq}/${key.provider}`;
}

const STATES: Record<number, LeaseSnapshot["state"]> = {
  [Lease_State.active]: "active",
  [Lease_State.insufficient_funds]: "insufficient_funds",
  [Lease_State.closed]: "closed",
};

function num(value: unknown, what: string): number {
  const n = Number(value?.toString() ?? "0");
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`the chain returned a bad ${what}: ${String(value)}`);
  return n;
}

function intAmount(value: string | undefined, what: string): bigint {
  const text = value ?? "0";
  if (!/^\d{1,40}$/u.test(text)) throw new Error(`the chain returned a bad ${what}: ${JSON.stringify(text.slice(0, 60))}`);
  return BigInt(text);
}

/** Every lease (any state) this provider holds, with its escrow payment. */
export async function queryProviderLeases(pool: RpcPool, provider: string): Promise<LeaseSnapshot[]> {
  const out: LeaseSnapshot[] = [];
  let key: Uint8Array = new Uint8Array();
  for (let page = 0; page < 100; page++) {
    const response = await abciQuery(
      pool,
      "/akash.market.v1beta5.Query/Leases",
      QueryLeasesRequest,
      { filters: { provider, owner: "", state: "", dseq: 0n, gseq: 0, oseq: 0, bseq: 0 }, pagination: { key, limit: 200n, offset: 0n, countTotal: false, reverse: false } } as never,
      QueryLeasesResponse,
    );
    for (const item of response.leases) {
      const lease = item.lease;
      const id = lease?.id;
      if (!lease || !id || id.provider !== provider) continue;
      const leaseKey: LeaseKey = { owner: id.owner, dseq: id.dseq.toString(), gseq: id.gseq, oseq: id.oseq, provider: id.provider, bseq: id.bseq };
      const payment = item.escrowPayment?.state;
      out.push({
        key: leaseKey,
        leaseId: leaseIdOf(leaseKey),
        state: STATES[lease.state] ?? "invalid",
        rate: parseDec(payment?.rate?.amount ?? lease.price?.amount ?? "0"),
        createdHeight: num(lease.createdAt, "lease created_at"),
        closedHeight: lease.closedOn && num(lease.closedOn, "lease closed_on") > 0 ? num(lease.closedOn, "lease closed_on") : null,
        balance: parseDec(payment?.balance?.amount ?? "0"),
        withdrawn: intAmount(payment?.withdrawn?.amount, "payment withdrawn"),
        denom: payment?.rate?.denom ?? lease.price?.denom ?? "uact",
      });
    }
    key = response.pagination?.nextKey ?? new Uint8Array();
    if (key.length === 0) break;
  }
  return out;
}

/** The deployment escrow account (scope deployment, xid owner/dseq) that pays a lease. */
export async function queryDeploymentAccount(pool: RpcPool, owner: string, dseq: string, denom: string): Promise<EscrowAccountSnapshot | null> {
  const xid = `${owner}/${dseq}`;
  const response = await abciQuery(pool, "/akash.escrow.v1.Query/Accounts", QueryAccountsRequest, { state: "", xid, pagination: { key: new Uint8Array(), limit: 10n, offset: 0n, countTotal: false, reverse: false } } as never, QueryAccountsResponse);
  // xid is a prefix on chain: "owner/1" also matches "owner/12", so match exactly.
  const account = response.accounts.find((a) => a.id?.xid === xid && a.id.scope === 1);
  if (!account?.state) return null;
  const funds = account.state.funds.filter((f) => f.denom === denom).reduce((sum, f) => sum + parseDec(f.amount), 0n);
  return { settledAt: num(account.state.settledAt, "account settled_at"), funds };
}

/** The oracle's AKT price in USD (scaled decimal) and the time it was aggregated. */
export async function queryAktPrice(pool: RpcPool): Promise<{ usd: bigint; at: Date | null }> {
  const response = await abciQuery(pool, "/akash.oracle.v1.Query/AggregatedPrice", QueryAggregatedPriceRequest, { denom: "uakt" }, QueryAggregatedPriceResponse);
  const price = response.aggregatedPrice;
  const text = price?.twap || price?.medianPrice || "";
  if (!text) throw new Error("the oracle returned no AKT price");
  const usd = parseDec(text);
  if (usd <= 0n) throw new Error(`the oracle returned a non-positive AKT price: ${text}`);
  return { usd, at: price?.timestamp ?? null };
}

/** The newest block the pool's node has: height and block time. */
export async function latestBlock(pool: RpcPool): Promise<{ height: number; time: Date }> {
  const status = await pool.call<{ sync_info?: { latest_block_height?: string; latest_block_time?: string } }>("status");
  const height = Number(status?.sync_info?.latest_block_height);
  const time = new Date(status?.sync_info?.latest_block_time ?? "");
  if (!Number.isSafeInteger(height) || height < 0) throw new Error("the node's status has no latest block height");
  if (Number.isNaN(time.getTime())) throw new Error("the node's status has no latest block time");
  return { height, time };
}
