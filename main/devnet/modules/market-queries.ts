import { Lease_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import {
  Bid_State,
  Order_State,
  QueryBidRequest,
  QueryBidResponse,
  QueryBidsRequest,
  QueryBidsResponse,
  QueryLeaseRequest,
  QueryLeaseResponse,
  QueryLeasesRequest,
  QueryLeasesResponse,
  QueryOrderRequest,
  QueryOrderResponse,
  QueryOrdersRequest,
  QueryOrdersResponse,
  QueryParamsResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { sdkErr } from "../chain/errors";
import { paginate } from "../chain/pagination";
import type { QueryRoutes } from "../chain/types";
import { accountKey } from "./escrow";
import type { EscrowModule } from "./escrow";
import { bidEscrowXid, bidKey, deploymentKey, leasePaymentXid, orderKey } from "./keys";
import type { MarketModule } from "./market";

interface IdFilter {
  owner: string;
  dseq: { isZero(): boolean; toString(): string };
  gseq: number;
  oseq: number;
  provider?: string;
  bseq?: number;
}

function idMatches(filter: IdFilter | undefined, id: { owner: string; dseq: { toString(): string }; gseq: number; oseq: number; provider?: string } | undefined): boolean {
  if (!filter || !id) return true;
  return (
    (!filter.owner || filter.owner === id.owner) &&
    (filter.dseq.isZero() || filter.dseq.toString() === id.dseq.toString()) &&
    (!filter.gseq || filter.gseq === id.gseq) &&
    (!filter.oseq || filter.oseq === id.oseq) &&
    (!filter.provider || filter.provider === id.provider)
  );
}

const ORDER_STATES: Record<string, Order_State> = { open: Order_State.open, active: Order_State.active, closed: Order_State.closed };
const BID_STATES: Record<string, Bid_State> = { open: Bid_State.open, active: Bid_State.active, lost: Bid_State.lost, closed: Bid_State.closed };
const LEASE_STATES: Record<string, Lease_State> = { active: Lease_State.active, insufficient_funds: Lease_State.insufficient_funds, closed: Lease_State.closed };

function stateFilter<S>(text: string, states: Record<string, S>): S | undefined {
  if (!text) return undefined;
  const state = states[text];
  if (state === undefined) throw sdkErr.invalidRequest(`invalid state value "${text}"`);
  return state;
}

/** akash.market.v1beta5.Query: filters narrow by provider / deployment index before scanning. */
export function marketRoutes(market: MarketModule, escrow: EscrowModule): QueryRoutes {
  const bidEscrow = (id: Parameters<typeof bidEscrowXid>[0]) => {
    const account = escrow.account(accountKey("bid", bidEscrowXid(id)));
    return account ? escrow.toAccount(account) : undefined;
  };
  const leasePayment = (id: Parameters<typeof leasePaymentXid>[0]) => {
    const payment = escrow.payments.get(`${accountKey("deployment", deploymentKey(id.owner, id.dseq))}/${leasePaymentXid(id)}`);
    return payment ? escrow.toPayment(payment) : undefined;
  };
  return {
    "/akash.market.v1beta5.Query/Orders": (data) => {
      const { filters, pagination } = QueryOrdersRequest.decode(data);
      const state = stateFilter(filters?.state ?? "", ORDER_STATES);
      const source = filters?.owner && !filters.dseq.isZero() ? market.ordersByDeployment.members(deploymentKey(filters.owner, filters.dseq)).map((k) => market.orders.get(k)) : [...market.orders.values()];
      const list = source.filter((o): o is NonNullable<typeof o> => o !== undefined && idMatches(filters, o.id) && (state === undefined || o.state === state));
      const page = paginate(list, pagination);
      return QueryOrdersResponse.encode(QueryOrdersResponse.fromPartial({ orders: page.items, pagination: page.pagination })).finish();
    },
    "/akash.market.v1beta5.Query/Order": (data) => {
      const { id } = QueryOrderRequest.decode(data);
      const order = id && market.orders.get(orderKey(id));
      if (!order) throw sdkErr.keyNotFound("order not found");
      return QueryOrderResponse.encode(QueryOrderResponse.fromPartial({ order })).finish();
    },
    "/akash.market.v1beta5.Query/Bids": (data) => {
      const { filters, pagination } = QueryBidsRequest.decode(data);
      const state = stateFilter(filters?.state ?? "", BID_STATES);
      // Narrow by index: a provider's bids, or a deployment's orders' bids, before filtering.
      const keys = filters?.provider
        ? market.bidsByProvider.members(filters.provider)
        : filters?.owner && !filters.dseq.isZero()
          ? market.ordersByDeployment.members(deploymentKey(filters.owner, filters.dseq)).flatMap((o) => market.bidsByOrder.members(o))
          : [...market.bids.rows.keys()];
      const list = keys
        .map((k) => market.bids.get(k))
        .filter((b): b is NonNullable<typeof b> => b?.id !== undefined && idMatches(filters, b?.id) && (state === undefined || b?.state === state));
      const page = paginate(list, pagination);
      return QueryBidsResponse.encode(
        QueryBidsResponse.fromPartial({ bids: page.items.map((bid) => ({ bid, escrowAccount: bid.id ? bidEscrow(bid.id) : undefined })), pagination: page.pagination }),
      ).finish();
    },
    "/akash.market.v1beta5.Query/Bid": (data) => {
      const { id } = QueryBidRequest.decode(data);
      const bid = id && market.bids.get(bidKey(id));
      if (!bid?.id) throw sdkErr.keyNotFound("bid not found");
      return QueryBidResponse.encode(QueryBidResponse.fromPartial({ bid, escrowAccount: bidEscrow(bid.id) })).finish();
    },
    "/akash.market.v1beta5.Query/Leases": (data) => {
      const { filters, pagination } = QueryLeasesRequest.decode(data);
      const state = stateFilter(filters?.state ?? "", LEASE_STATES);
      const keys = filters?.provider ? market.leasesByProvider.members(filters.provider) : [...market.leases.rows.keys()];
      const list = keys
        .map((k) => market.leases.get(k))
        .filter((l): l is NonNullable<typeof l> => l?.id !== undefined && idMatches(filters, l?.id) && (state === undefined || l?.state === state));
      const page = paginate(list, pagination);
      return QueryLeasesResponse.encode(
        QueryLeasesResponse.fromPartial({ leases: page.items.map((lease) => ({ lease, escrowPayment: lease.id ? leasePayment(lease.id) : undefined })), pagination: page.pagination }),
      ).finish();
    },
    "/akash.market.v1beta5.Query/Lease": (data) => {
      const { id } = QueryLeaseRequest.decode(data);
      const lease = id && market.leases.get(bidKey(id));
      if (!lease?.id) throw sdkErr.keyNotFound("lease not found");
      return QueryLeaseResponse.encode(QueryLeaseResponse.fromPartial({ lease, escrowPayment: leasePayment(lease.id) })).finish();
    },
    "/akash.market.v1beta5.Query/Params": () => {
      const deposits = Object.entries(market.params.bidMinDeposits).map(([denom, amount]) => ({ denom, amount: amount.toString() }));
      return QueryParamsResponse.encode(
        QueryParamsResponse.fromPartial({
          params: { bidMinDeposit: deposits.find((d) => d.denom === "uakt") ?? deposits[0], orderMaxBids: market.params.orderMaxBids, bidMinDeposits: deposits },
        }),
      ).finish();
    },
  };
}
