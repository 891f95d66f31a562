import { QueryProviderAttributesRequest, QueryProvidersResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import {
  Bid_State,
  QueryBidsRequest,
  QueryBidsResponse,
  QueryLeasesRequest,
  QueryLeasesResponse,
  QueryOrderRequest,
  QueryOrderResponse,
  QueryOrdersRequest,
  QueryOrdersResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { abciQuery, ChainQueryError } from "../chain/abci-query";
import type { RpcPool } from "../chain/rpc-pool";
import type { ChainBidState } from "./bid-lifecycle";
import { normalizeOrder } from "./normalize-order";
import { orderKey, type NormalizedOrder } from "./order-model";

// The market reads the live engine needs, over abci_query (the chain client's one transport):
// open orders page by page (catch-up), one order by id (a new order event), our bids and leases
// (reconcile), market params (deposit, order_max_bids), the auditors' signatures on our attributes and
// one order's bid count (catch-up orders, before a bid).

const PAGE = 200n;
/** Hard stop for a catch-up: 500 pages × 200 = 100k orders. */
const MAX_PAGES = 500;

export interface MarketParams {
  orderMaxBids: number;
  /** Minimum bid deposit per denom (base units). */
  minDeposits: Map<string, bigint>;
}

export interface OrdersPage {
  orders: NormalizedOrder[];
  /** Orders the engine could not read (kept out, logged by the caller). */
  rejected: { key: string; message: string }[];
  nextKey: Uint8Array | null;
}

function pagination(key: Uint8Array | null) {
  return { key: key ?? new Uint8Array(), limit: PAGE, offset: 0n, countTotal: false, reverse: false };
}

export async function openOrdersPage(pool: RpcPool, key: Uint8Array | null): Promise<OrdersPage> {
  const response = await abciQuery(pool, "/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, { filters: { state: "open" }, pagination: pagination(key) } as never, QueryOrdersResponse);
  const page: OrdersPage = { orders: [], rejected: [], nextKey: null };
  for (const raw of response.orders) {
    try {
      page.orders.push(normalizeOrder(raw));
    } catch (error) {
      const id = raw.id;
      page.rejected.push({ key: id ? orderKey(id.owner, BigInt(id.dseq.toString()), id.gseq, id.oseq) : "?", message: (error as Error).message });
    }
  }
  const next = response.pagination?.nextKey;
  page.nextKey = next && next.length > 0 ? next : null;
  return page;
}

/** Every open order, page by page (bounded). `onPage` sees each page as it arrives. */
export async function catchUpOpenOrders(pool: RpcPool, onPage: (page: OrdersPage) => void): Promise<number> {
  let key: Uint8Array | null = null;
  let count = 0;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await openOrdersPage(pool, key);
    count += page.orders.length;
    onPage(page);
    if (!page.nextKey) break;
    key = page.nextKey;
  }
  return count;
}

/** One order by key; null when the chain does not have it. Throws OrderParseError for an unreadable one. */
export async function fetchOrder(pool: RpcPool, key: string): Promise<NormalizedOrder | null> {
  const [owner, dseq, gseq, oseq] = key.split("/");
  try {
    const { order } = await abciQuery(pool, "/akash.market.v1beta5.Query/Order", QueryOrderRequest, { id: { owner, dseq: BigInt(dseq!), gseq: Number(gseq), oseq: Number(oseq) } } as never, QueryOrderResponse);
    return order ? normalizeOrder(order) : null;
  } catch (error) {
    if (error instanceof ChainQueryError && error.notFound) return null;
    throw error;
  }
}

const BID_STATES: Partial<Record<Bid_State, ChainBidState>> = { [Bid_State.open]: "open", [Bid_State.active]: "active", [Bid_State.lost]: "lost", [Bid_State.closed]: "closed" };

/** Our bids by order key (open and active only matter to reconcile; lost/closed are kept for the log). */
export async function ourBids(pool: RpcPool, provider: string): Promise<Map<string, ChainBidState>> {
  const out = new Map<string, ChainBidState>();
  let key: Uint8Array | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const response: QueryBidsResponse = await abciQuery(pool, "/akash.market.v1beta5.Query/Bids", QueryBidsRequest, { filters: { provider }, pagination: pagination(key) } as never, QueryBidsResponse);
    for (const { bid } of response.bids) {
      const state = bid ? BID_STATES[bid.state] : undefined;
      if (!bid?.id || !state) continue;
      const k = orderKey(bid.id.owner, BigInt(bid.id.dseq.toString()), bid.id.gseq, bid.id.oseq);
      // A re-bid after a closed one keeps the live state.
      if (out.get(k) !== "open" && out.get(k) !== "active") out.set(k, state);
    }
    const next: Uint8Array | undefined = response.pagination?.nextKey;
    if (!next || next.length === 0) break;
    key = next;
  }
  return out;
}

/** Bid states the chain counts against `order_max_bids` (x/market BidCountForOrder: open, active, closed; not lost). */
const COUNTED_BID_STATES = new Set([Bid_State.open, Bid_State.active, Bid_State.closed]);

/**
 * How many bids an order holds, as the chain counts them, read up to `limit` (order_max_bids + 1 is
 * enough to know the order is full): one Bids query filtered by the order id in the common case.
 */
export async function orderBidCount(pool: RpcPool, order: Pick<NormalizedOrder, "owner" | "dseq" | "gseq" | "oseq">, limit: number): Promise<number> {
  const filters = { owner: order.owner, dseq: order.dseq, gseq: order.gseq, oseq: order.oseq, provider: "", state: "", bseq: 0 };
  let count = 0;
  let key: Uint8Array = new Uint8Array();
  // Lost bids are listed but not counted, so a full order can take a second page; bounded anyway.
  for (let i = 0; i < 5 && count < limit; i++) {
    const pagination = { key, limit: BigInt(limit), offset: 0n, countTotal: false, reverse: false };
    const response: QueryBidsResponse = await abciQuery(pool, "/akash.market.v1beta5.Query/Bids", QueryBidsRequest, { filters, pagination } as never, QueryBidsResponse);
    for (const { bid } of response.bids) {
      const id = bid?.id;
      // Belt and braces: a node that ignores a filter must not make us count another order's bids.
      if (!id || id.owner !== order.owner || id.dseq.toString() !== order.dseq.toString() || id.gseq !== order.gseq || id.oseq !== order.oseq) continue;
      if (COUNTED_BID_STATES.has(bid.state)) count++;
    }
    const next: Uint8Array | undefined = response.pagination?.nextKey;
    if (!next || next.length === 0) break;
    key = next;
  }
  return count;
}

/** Order keys of our active leases. */
export async function ourActiveLeases(pool: RpcPool, provider: string): Promise<Set<string>> {
  const out = new Set<string>();
  let key: Uint8Array | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const response: QueryLeasesResponse = await abciQuery(pool, "/akash.market.v1beta5.Query/Leases", QueryLeasesRequest, { filters: { provider, state: "active" }, pagination: pagination(key) } as never, QueryLeasesResponse);
    for (const { lease } of response.leases) if (lease?.id) out.add(orderKey(lease.id.owner, BigInt(lease.id.dseq.toString()), lease.id.gseq, lease.id.oseq));
    const next: Uint8Array | undefined = response.pagination?.nextKey;
    if (!next || next.length === 0) break;
    key = next;
  }
  return out;
}

export async function marketParams(pool: RpcPool): Promise<MarketParams> {
  const { params } = await abciQuery(pool, "/akash.market.v1beta5.Query/Params", QueryParamsRequest, {}, QueryParamsResponse);
  const minDeposits = new Map<string, bigint>();
  for (const c of params?.bidMinDeposits ?? []) if (/^\d+$/u.test(c.amount)) minDeposits.set(c.denom, BigInt(c.amount));
  if (minDeposits.size === 0 && params?.bidMinDeposit && /^\d+$/u.test(params.bidMinDeposit.amount)) minDeposits.set(params.bidMinDeposit.denom, BigInt(params.bidMinDeposit.amount));
  return { orderMaxBids: params?.orderMaxBids || 20, minDeposits };
}

/** The attributes each auditor has signed for this provider (x/audit). */
export async function auditorSignatures(pool: RpcPool, owner: string): Promise<{ auditor: string; attributes: { key: string; value: string }[] }[]> {
  try {
    const response = await abciQuery(pool, "/akash.audit.v1.Query/ProviderAttributes", QueryProviderAttributesRequest, { owner, pagination: pagination(null) } as never, QueryProvidersResponse);
    return response.providers.map((p) => ({ auditor: p.auditor, attributes: p.attributes.map((a) => ({ key: a.key, value: a.value })) }));
  } catch (error) {
    if (error instanceof ChainQueryError && error.notFound) return [];
    throw error;
  }
}
