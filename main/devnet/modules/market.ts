import {
  EventBidClosed,
  EventBidCreated,
  EventLeaseClosed,
  EventLeaseCreated,
  EventOrderClosed,
  EventOrderCreated,
  Lease,
  LeaseClosedReason,
  Lease_State,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Group, Group_State } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import {
  Bid,
  Bid_State,
  MsgCloseBid,
  MsgCloseBidResponse,
  MsgCloseLease,
  MsgCloseLeaseResponse,
  MsgCreateBid,
  MsgCreateBidResponse,
  MsgCreateLease,
  MsgCreateLeaseResponse,
  MsgWithdrawLease,
  MsgWithdrawLeaseResponse,
  Order,
  Order_State,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { typedEvent } from "../chain/events";
import type { MsgContext, MsgHandler } from "../chain/types";
import type { Index, Store, Table } from "../state/store";
import { checkAddress } from "../util/address";
import { formatDec, isDec, parseDec } from "../util/dec";
import type { AuditModule } from "./audit";
import { checkCoin } from "./bank";
import type { DeploymentModule } from "./deployment";
import { accountKey, type EscrowModule } from "./escrow";
import { bidEscrowXid, bidKey, deploymentKey, groupKey, leasePaymentXid, orderKey, type BidIdLike } from "./keys";
import { marketErr } from "./module-errors";
import { matchCapabilities, matchRequirements } from "./placement";
import type { ProviderModule } from "./provider";
import { groupPrice } from "./resources";

export interface MarketParams {
  orderMaxBids: number;
  /** Minimum bid deposit per accepted denom. */
  bidMinDeposits: Record<string, bigint>;
}

export const DEFAULT_MARKET_PARAMS: MarketParams = { orderMaxBids: 20, bidMinDeposits: { uact: 500_000n, uakt: 500_000n } };

const codec = <T>(type: { toJSON(v: T): unknown; fromJSON(j: unknown): T }) => ({ toJSON: (v: T) => type.toJSON(v), fromJSON: (j: unknown) => type.fromJSON(j) });

const isProviderReason = (reason: number) => reason >= 10_000 && reason <= 19_999;
const isOwnerReason = (reason: number) => reason >= 1 && reason <= 9_999;

/**
 * x/market (v1beta5): orders, bids, leases. Indexed by order and by provider so that a block's
 * work touches only the records its messages name.
 */
export class MarketModule {
  readonly orders: Table<Order>;
  readonly bids: Table<Bid>;
  readonly leases: Table<Lease>;
  readonly bidsByOrder: Index;
  readonly bidsByProvider: Index;
  readonly leasesByProvider: Index;
  readonly leasesByDeployment: Index;
  readonly ordersByDeployment: Index;

  constructor(
    store: Store,
    readonly params: MarketParams,
    private readonly escrow: EscrowModule,
    private readonly deployments: DeploymentModule,
    private readonly providers: ProviderModule,
    private readonly audit: AuditModule,
  ) {
    this.orders = store.table("market.orders", codec(Order));
    this.bids = store.table("market.bids", codec(Bid));
    this.leases = store.table("market.leases", codec(Lease));
    this.bidsByOrder = store.index();
    this.bidsByProvider = store.index();
    this.leasesByProvider = store.index();
    this.leasesByDeployment = store.index();
    this.ordersByDeployment = store.index();
    deployments.hooks = {
      onGroupCreated: (group, ctx) => this.createOrder(group, ctx),
      onDeploymentClosed: (owner, dseq, ctx) => this.closeDeploymentMarket(owner, dseq, LeaseClosedReason.lease_closed_owner, ctx),
    };
  }

  rebuildIndexes(): void {
    for (const index of [this.bidsByOrder, this.bidsByProvider, this.leasesByProvider, this.leasesByDeployment, this.ordersByDeployment]) index.clear();
    for (const [key, order] of this.orders.entries()) if (order.id) this.ordersByDeployment.add(deploymentKey(order.id.owner, order.id.dseq), key);
    for (const [key, bid] of this.bids.entries()) {
      if (!bid.id) continue;
      this.bidsByOrder.add(orderKey(bid.id), key);
      this.bidsByProvider.add(bid.id.provider, key);
    }
    for (const [key, lease] of this.leases.entries()) {
      if (!lease.id) continue;
      this.leasesByProvider.add(lease.id.provider, key);
      this.leasesByDeployment.add(deploymentKey(lease.id.owner, lease.id.dseq), key);
    }
  }

  /** Imports an order as-is (tests replay mainnet data through the devnet's queries). */
  importOrder(order: Order): void {
    if (!order.id) throw new Error("order has no id");
    const key = orderKey(order.id);
    this.orders.put(key, order);
    this.ordersByDeployment.add(deploymentKey(order.id.owner, order.id.dseq), key);
  }

  createOrder(group: Group, ctx: MsgContext): void {
    const id = { owner: group.id?.owner ?? "", dseq: group.id?.dseq ?? 0, gseq: group.id?.gseq ?? 0, oseq: 1 };
    const key = orderKey(id);
    const order = Order.fromPartial({ id, state: Order_State.open, spec: group.groupSpec, createdAt: ctx.height });
    this.orders.put(key, order);
    this.ordersByDeployment.add(deploymentKey(id.owner, id.dseq), key);
    ctx.emit(typedEvent(EventOrderCreated, EventOrderCreated.fromPartial({ id })));
  }

  private setBid(key: string, bid: Bid, state: Bid_State): void {
    this.bids.put(key, { ...bid, state });
  }

  private closeOrder(key: string, ctx: MsgContext): void {
    const order = this.orders.get(key);
    if (!order || order.state === Order_State.closed) return;
    this.orders.put(key, { ...order, state: Order_State.closed });
    ctx.emit(typedEvent(EventOrderClosed, EventOrderClosed.fromPartial({ id: order.id })));
  }

  private closeBidEscrow(id: BidIdLike, ctx: MsgContext): void {
    this.escrow.closeAccount(accountKey("bid", bidEscrowXid(id)), ctx.height, ctx);
  }

  /** Closes an active lease, its bid (deposit back) and its order, and settles its payment. */
  private closeLease(key: string, reason: LeaseClosedReason, ctx: MsgContext, groupState: Group_State): void {
    const lease = this.leases.get(key);
    if (!lease?.id || lease.state !== Lease_State.active) return;
    const id = lease.id;
    const paymentKey = `${accountKey("deployment", deploymentKey(id.owner, id.dseq))}/${leasePaymentXid(id)}`;
    this.escrow.closePayment(paymentKey, ctx.height, ctx);
    const state = reason === LeaseClosedReason.lease_closed_reason_insufficient_funds ? Lease_State.insufficient_funds : Lease_State.closed;
    this.leases.put(key, Lease.fromPartial({ ...lease, state, closedOn: ctx.height, reason }));
    ctx.emit(typedEvent(EventLeaseClosed, EventLeaseClosed.fromPartial({ id, reason })));
    const bid = this.bids.get(key);
    if (bid) {
      this.setBid(key, bid, Bid_State.closed);
      ctx.emit(typedEvent(EventBidClosed, EventBidClosed.fromPartial({ id })));
    }
    this.closeBidEscrow(id, ctx);
    this.closeOrder(orderKey(id), ctx);
    this.deployments.setGroupState(id.owner, id.dseq.toString(), id.gseq, groupState);
  }

  /** Everything of a deployment the market holds: leases closed, open bids closed (refunded), orders closed. */
  closeDeploymentMarket(owner: string, dseq: string, reason: LeaseClosedReason, ctx: MsgContext): void {
    const dKey = deploymentKey(owner, dseq);
    const groupState = reason === LeaseClosedReason.lease_closed_reason_insufficient_funds ? Group_State.insufficient_funds : Group_State.closed;
    for (const leaseKey of this.leasesByDeployment.members(dKey)) this.closeLease(leaseKey, reason, ctx, groupState);
    for (const oKey of this.ordersByDeployment.members(dKey)) {
      for (const bKey of this.bidsByOrder.members(oKey)) {
        const bid = this.bids.get(bKey);
        if (bid?.id && bid.state === Bid_State.open) {
          this.setBid(bKey, bid, Bid_State.closed);
          this.closeBidEscrow(bid.id, ctx);
          ctx.emit(typedEvent(EventBidClosed, EventBidClosed.fromPartial({ id: bid.id })));
        }
      }
      this.closeOrder(oKey, ctx);
    }
  }

  /** An overdrawn deployment account: its leases close with insufficient_funds and the deployment closes. */
  onOverdrawn(escrowAccountKey: string, ctx: MsgContext): void {
    const account = this.escrow.account(escrowAccountKey);
    if (!account || account.scope !== "deployment") return;
    const [owner, dseq] = account.xid.split("/") as [string, string];
    this.closeDeploymentMarket(owner, dseq, LeaseClosedReason.lease_closed_reason_insufficient_funds, ctx);
    this.deployments.close(owner, dseq, ctx, Group_State.insufficient_funds);
  }

  handlers(): MsgHandler[] {
    return [this.createBidHandler(), this.closeBidHandler(), this.createLeaseHandler(), this.withdrawLeaseHandler(), this.closeLeaseHandler()] as MsgHandler[];
  }

  private createBidHandler(): MsgHandler<MsgCreateBid> {
    return {
      typeUrl: `/${MsgCreateBid.$type}`,
      decode: (b) => MsgCreateBid.decode(b),
      signers: (m) => [m.id?.provider ?? ""],
      gas: 80_000,
      module: "market",
      handle: (msg, ctx) => {
        const id = msg.id;
        if (!id) throw marketErr.invalidBid("missing id");
        checkAddress(id.owner, "owner");
        checkAddress(id.provider, "provider");
        if (id.owner === id.provider) throw marketErr.sameAccount();
        if (!msg.price || !isDec(msg.price.amount) || parseDec(msg.price.amount) === 0n) throw marketErr.bidZeroPrice();
        // 1. deposit denom and minimum (params.bid_min_deposits)
        const deposit = checkCoin(msg.deposit?.amount, "deposit");
        const minimum = this.params.bidMinDeposits[deposit.denom];
        if (minimum === undefined) throw marketErr.invalidDeposit(`deposit denom ${deposit.denom} is not accepted`);
        if (deposit.amount < minimum) throw marketErr.invalidDeposit(`deposit ${deposit.amount}${deposit.denom} is below the minimum ${minimum}${deposit.denom}`);
        // 2. bid count
        const oKey = orderKey(id);
        if (this.bidsByOrder.count(oKey) >= this.params.orderMaxBids) throw marketErr.invalidBid(`order already has ${this.params.orderMaxBids} bids`);
        // 3. bseq
        if (id.bseq !== 0) throw marketErr.invalidBid(`bseq must be 0, got ${id.bseq}`);
        // 4. order exists and is open
        const order = this.orders.get(oKey);
        if (!order?.spec) throw marketErr.orderNotFound(oKey);
        if (order.state !== Order_State.open) throw marketErr.orderNotOpen(oKey);
        const group = this.deployments.groups.get(groupKey(id.owner, id.dseq, id.gseq));
        if (group && group.state !== Group_State.open) throw marketErr.groupNotOpen(groupKey(id.owner, id.dseq, id.gseq));
        const bKey = bidKey(id);
        if (this.bids.has(bKey)) throw marketErr.bidExists(bKey);
        // 5. price ≤ order price, same denom
        const max = groupPrice(order.spec);
        if (msg.price.denom !== max.denom) throw marketErr.invalidPrice(`bid denom ${msg.price.denom} != order denom ${max.denom}`);
        if (parseDec(msg.price.amount) > max.amount) throw marketErr.bidOverOrder(`${msg.price.amount} > ${formatDec(max.amount)}`);
        // 6. resources offer matches the group spec
        for (const offer of msg.resourcesOffer) {
          const unit = order.spec.resources.find((r) => r.resource?.id === offer.resources?.id);
          if (!unit || unit.count !== offer.count) throw marketErr.invalidBid("resources offer does not match the group spec");
        }
        // 7. provider exists
        const provider = this.providers.get(id.provider);
        if (!provider) throw marketErr.unknownProvider(id.provider);
        // 8. attributes and signatures
        if (!matchRequirements(order.spec, provider.attributes, (auditor) => this.audit.signed(id.provider, auditor))) throw marketErr.attributeMismatch();
        // 9. storage and GPU capabilities
        if (!matchCapabilities(order.spec, provider.attributes)) throw marketErr.capabilitiesMismatch();
        // 12. the bid escrow account holds the deposit
        this.escrow.openAccount("bid", bidEscrowXid(id), id.provider, id.provider, deposit.denom, deposit.amount, ctx.height);
        const bid = Bid.fromPartial({ id, state: Bid_State.open, price: { denom: msg.price.denom, amount: formatDec(parseDec(msg.price.amount)) }, createdAt: ctx.height, resourcesOffer: msg.resourcesOffer });
        this.bids.put(bKey, bid);
        this.bidsByOrder.add(oKey, bKey);
        this.bidsByProvider.add(id.provider, bKey);
        ctx.emit(typedEvent(EventBidCreated, EventBidCreated.fromPartial({ id, price: bid.price })));
        return { typeUrl: `/${MsgCreateBidResponse.$type}`, value: MsgCreateBidResponse.encode({}).finish() };
      },
    };
  }

  private closeBidHandler(): MsgHandler<MsgCloseBid> {
    return {
      typeUrl: `/${MsgCloseBid.$type}`,
      decode: (b) => MsgCloseBid.decode(b),
      signers: (m) => [m.id?.provider ?? ""],
      gas: 50_000,
      module: "market",
      handle: (msg, ctx) => {
        const id = msg.id;
        if (!id) throw marketErr.invalidBid("missing id");
        if (!isProviderReason(msg.reason)) throw marketErr.invalidLeaseClosedReason(`reason ${msg.reason} is not in the provider range 10000-19999`);
        const key = bidKey(id);
        const bid = this.bids.get(key);
        if (!bid) throw marketErr.bidNotFound(key);
        if (bid.state === Bid_State.active) {
          this.closeLease(key, msg.reason, ctx, Group_State.paused);
        } else if (bid.state === Bid_State.open || bid.state === Bid_State.lost) {
          this.setBid(key, bid, Bid_State.closed);
          this.closeBidEscrow(id, ctx);
          ctx.emit(typedEvent(EventBidClosed, EventBidClosed.fromPartial({ id })));
        } else {
          throw marketErr.bidNotOpen(key);
        }
        return { typeUrl: `/${MsgCloseBidResponse.$type}`, value: MsgCloseBidResponse.encode({}).finish() };
      },
    };
  }

  private createLeaseHandler(): MsgHandler<MsgCreateLease> {
    return {
      typeUrl: `/${MsgCreateLease.$type}`,
      decode: (b) => MsgCreateLease.decode(b),
      signers: (m) => [m.bidId?.owner ?? ""],
      gas: 80_000,
      module: "market",
      handle: (msg, ctx) => {
        const id = msg.bidId;
        if (!id) throw marketErr.invalidBid("missing bid id");
        const key = bidKey(id);
        const bid = this.bids.get(key);
        if (!bid?.price) throw marketErr.bidNotFound(key);
        if (bid.state !== Bid_State.open) throw marketErr.bidNotOpen(key);
        const oKey = orderKey(id);
        const order = this.orders.get(oKey);
        if (!order) throw marketErr.orderNotFound(oKey);
        if (order.state !== Order_State.open) throw marketErr.orderNotOpen(oKey);
        const dKey = deploymentKey(id.owner, id.dseq);
        const escrowKey = accountKey("deployment", dKey);
        this.escrow.createPayment(escrowKey, leasePaymentXid(id), id.provider, bid.price.amount, ctx.height);
        const lease = Lease.fromPartial({ id, state: Lease_State.active, price: bid.price, createdAt: ctx.height });
        this.leases.put(key, lease);
        this.leasesByProvider.add(id.provider, key);
        this.leasesByDeployment.add(dKey, key);
        this.setBid(key, bid, Bid_State.active);
        this.orders.put(oKey, { ...order, state: Order_State.active });
        for (const otherKey of this.bidsByOrder.members(oKey)) {
          const other = this.bids.get(otherKey);
          if (otherKey === key || !other?.id || other.state !== Bid_State.open) continue;
          this.setBid(otherKey, other, Bid_State.lost);
          this.closeBidEscrow(other.id, ctx);
        }
        ctx.emit(typedEvent(EventLeaseCreated, EventLeaseCreated.fromPartial({ id, price: bid.price })));
        return { typeUrl: `/${MsgCreateLeaseResponse.$type}`, value: MsgCreateLeaseResponse.encode({}).finish() };
      },
    };
  }

  private withdrawLeaseHandler(): MsgHandler<MsgWithdrawLease> {
    return {
      typeUrl: `/${MsgWithdrawLease.$type}`,
      decode: (b) => MsgWithdrawLease.decode(b),
      signers: (m) => [m.id?.provider ?? ""],
      gas: 50_000,
      module: "market",
      handle: (msg, ctx) => {
        const id = msg.id;
        if (!id) throw marketErr.leaseNotFound("missing id");
        const key = bidKey(id);
        const lease = this.leases.get(key);
        if (!lease) throw marketErr.leaseNotFound(key);
        if (lease.state !== Lease_State.active) throw marketErr.leaseNotActive(key);
        const escrowKey = accountKey("deployment", deploymentKey(id.owner, id.dseq));
        const { overdrawn } = this.escrow.settle(escrowKey, ctx.height);
        this.escrow.withdrawPayment(`${escrowKey}/${leasePaymentXid(id)}`, ctx);
        if (overdrawn) this.onOverdrawn(escrowKey, ctx);
        return { typeUrl: `/${MsgWithdrawLeaseResponse.$type}`, value: MsgWithdrawLeaseResponse.encode({}).finish() };
      },
    };
  }

  private closeLeaseHandler(): MsgHandler<MsgCloseLease> {
    return {
      typeUrl: `/${MsgCloseLease.$type}`,
      decode: (b) => MsgCloseLease.decode(b),
      signers: (m) => [m.id?.owner ?? ""],
      gas: 50_000,
      module: "market",
      handle: (msg, ctx) => {
        const id = msg.id;
        if (!id) throw marketErr.leaseNotFound("missing id");
        const reason = msg.reason === LeaseClosedReason.lease_closed_invalid ? LeaseClosedReason.lease_closed_owner : msg.reason;
        if (!isOwnerReason(reason)) throw marketErr.invalidLeaseClosedReason(`reason ${msg.reason} is not in the owner range 1-9999`);
        const key = bidKey(id);
        const lease = this.leases.get(key);
        if (!lease) throw marketErr.leaseNotFound(key);
        if (lease.state !== Lease_State.active) throw marketErr.leaseNotActive(key);
        this.closeLease(key, reason, ctx, Group_State.paused);
        return { typeUrl: `/${MsgCloseLeaseResponse.$type}`, value: MsgCloseLeaseResponse.encode({}).finish() };
      },
    };
  }
}
