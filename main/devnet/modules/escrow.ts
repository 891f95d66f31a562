import {

  MsgAccountDeposit,
  MsgAccountDepositResponse,
  QueryAccountsRequest,
  QueryAccountsResponse,
  QueryPaymentsRequest,
  QueryPaymentsResponse,
  Scope,
  Source,
  Types_Account,
  Types_Payment,
  Types_State,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { paginate } from "../chain/pagination";
import type { MsgContext, MsgHandler, QueryRoutes } from "../chain/types";
import type { Index, Store, Table } from "../state/store";
import { moduleAddress } from "../util/address";
import { decFloor, decFromInt, formatDec, parseDec } from "../util/dec";
import type { BankModule } from "./bank";
import { checkCoin } from "./bank";
import { escrowErr } from "./module-errors";

export type EscrowState = "open" | "closed" | "overdrawn";

export interface EscrowAccountRec {
  scope: "deployment" | "bid";
  xid: string;
  owner: string;
  state: EscrowState;
  denom: string;
  /** Dec strings (18 places), as the chain keeps them. */
  funds: string;
  transferred: string;
  settledAt: number;
  deposits: Array<{ owner: string; height: number; source: "balance" | "grant"; amount: string }>;
}

export interface PaymentRec {
  accountKey: string;
  xid: string;
  owner: string;
  state: EscrowState;
  denom: string;
  rate: string;
  balance: string;
  unsettled: string;
  withdrawn: string;
}

export const ESCROW_MODULE = moduleAddress("escrow");

export const accountKey = (scope: "deployment" | "bid", xid: string) => `${scope}/${xid}`;

/**
 * x/escrow (v1) with lazy settlement exactly as PROTOCOL.md §2.5: an account settles only when it
 * is touched (deposit, withdraw, payment create/close, account close). Accrued = rate × blocks
 * since settled_at; when the funds do not cover it the account and its payments go overdrawn and
 * the caller (market) closes the leases with insufficient_funds.
 */
export class EscrowModule {
  readonly accounts: Table<EscrowAccountRec>;
  readonly payments: Table<PaymentRec>;
  readonly paymentsByAccount: Index;

  constructor(
    store: Store,
    private readonly bank: BankModule,
  ) {
    this.accounts = store.table<EscrowAccountRec>("escrow.accounts");
    this.payments = store.table<PaymentRec>("escrow.payments");
    this.paymentsByAccount = store.index();
  }

  rebuildIndexes(): void {
    this.paymentsByAccount.clear();
    for (const [key, payment] of this.payments.entries()) this.paymentsByAccount.add(payment.accountKey, key);
  }

  account(key: string): EscrowAccountRec | undefined {
    return this.accounts.get(key);
  }

  openAccount(scope: "deployment" | "bid", xid: string, owner: string, depositor: string, denom: string, amount: bigint, height: number): void {
    const key = accountKey(scope, xid);
    if (this.accounts.get(key)?.state === "open") throw escrowErr.accountClosed(`account ${key} already exists`);
    this.bank.transfer(depositor, ESCROW_MODULE, denom, amount);
    this.accounts.put(key, {
      scope,
      xid,
      owner,
      state: "open",
      denom,
      funds: formatDec(decFromInt(amount)),
      transferred: formatDec(0n),
      settledAt: height,
      deposits: [{ owner: depositor, height, source: "balance", amount: formatDec(decFromInt(amount)) }],
    });
  }

  deposit(key: string, depositor: string, denom: string, amount: bigint, height: number): { overdrawn: boolean } {
    const account = this.accounts.get(key);
    if (!account) throw escrowErr.accountNotFound(key);
    if (account.state !== "open") throw escrowErr.accountClosed(key);
    if (denom !== account.denom) throw escrowErr.invalidDenomination(`deposit denom ${denom} != account denom ${account.denom}`);
    const settled = this.settle(key, height);
    if (settled.overdrawn) return settled;
    this.bank.transfer(depositor, ESCROW_MODULE, denom, amount);
    const current = this.accounts.get(key) as EscrowAccountRec;
    this.accounts.put(key, {
      ...current,
      funds: formatDec(parseDec(current.funds) + decFromInt(amount)),
      deposits: [...current.deposits, { owner: depositor, height, source: "balance", amount: formatDec(decFromInt(amount)) }],
    });
    return { overdrawn: false };
  }

  createPayment(key: string, xid: string, provider: string, rate: string, height: number): void {
    this.settle(key, height);
    const account = this.accounts.get(key);
    if (!account) throw escrowErr.accountNotFound(key);
    const paymentKey = `${key}/${xid}`;
    this.payments.put(paymentKey, {
      accountKey: key,
      xid,
      owner: provider,
      state: "open",
      denom: account.denom,
      rate: formatDec(parseDec(rate)),
      balance: formatDec(0n),
      unsettled: formatDec(0n),
      withdrawn: "0",
    });
    this.paymentsByAccount.add(key, paymentKey);
  }

  /** Brings an account up to `height`; overdrawn when the funds did not cover the accrued rate. */
  settle(key: string, height: number): { overdrawn: boolean } {
    const account = this.accounts.get(key);
    if (!account || account.state !== "open") return { overdrawn: account?.state === "overdrawn" };
    const blocks = BigInt(Math.max(0, height - account.settledAt));
    const open = this.paymentsByAccount
      .members(key)
      .map((k) => [k, this.payments.get(k)] as const)
      .filter((entry): entry is readonly [string, PaymentRec] => entry[1]?.state === "open");
    if (blocks === 0n || open.length === 0) {
      if (blocks > 0n) this.accounts.put(key, { ...account, settledAt: height });
      return { overdrawn: false };
    }
    const totalRate = open.reduce((sum, [, p]) => sum + parseDec(p.rate), 0n);
    const owed = totalRate * blocks;
    const funds = parseDec(account.funds);
    const overdrawn = owed > funds;
    const paid = overdrawn ? funds : owed;
    for (const [paymentKey, payment] of open) {
      const due = parseDec(payment.rate) * blocks;
      const share = overdrawn && totalRate > 0n ? (funds * parseDec(payment.rate)) / totalRate : due;
      this.payments.put(paymentKey, {
        ...payment,
        state: overdrawn ? "overdrawn" : payment.state,
        balance: formatDec(parseDec(payment.balance) + share),
        unsettled: formatDec(parseDec(payment.unsettled) + (due - share)),
      });
    }
    this.accounts.put(key, {
      ...account,
      state: overdrawn ? "overdrawn" : "open",
      funds: formatDec(funds - paid),
      transferred: formatDec(parseDec(account.transferred) + paid),
      settledAt: height,
    });
    return { overdrawn };
  }

  /** Pays the integer part of the payment's accrued balance to its owner (the provider). */
  withdrawPayment(paymentKey: string, ctx?: MsgContext): bigint {
    const payment = this.payments.get(paymentKey);
    if (!payment) return 0n;
    const amount = decFloor(parseDec(payment.balance));
    if (amount > 0n) this.bank.transfer(ESCROW_MODULE, payment.owner, payment.denom, amount, ctx);
    this.payments.put(paymentKey, {
      ...payment,
      balance: formatDec(parseDec(payment.balance) - decFromInt(amount)),
      withdrawn: (BigInt(payment.withdrawn) + amount).toString(),
    });
    return amount;
  }

  closePayment(paymentKey: string, height: number, ctx?: MsgContext): void {
    const payment = this.payments.get(paymentKey);
    if (!payment || payment.state === "closed") return;
    this.settle(payment.accountKey, height);
    this.withdrawPayment(paymentKey, ctx);
    const after = this.payments.get(paymentKey) as PaymentRec;
    this.payments.put(paymentKey, { ...after, state: after.state === "overdrawn" ? "overdrawn" : "closed" });
  }

  /** Closes an account: settles, pays out its payments, refunds what is left to the depositors. */
  closeAccount(key: string, height: number, ctx?: MsgContext): void {
    const account = this.accounts.get(key);
    if (!account || account.state === "closed") return;
    this.settle(key, height);
    for (const paymentKey of this.paymentsByAccount.members(key)) this.closePayment(paymentKey, height, ctx);
    const settled = this.accounts.get(key) as EscrowAccountRec;
    const refund = decFloor(parseDec(settled.funds));
    const depositor = settled.deposits[0]?.owner ?? settled.owner;
    if (refund > 0n) this.bank.transfer(ESCROW_MODULE, depositor, settled.denom, refund, ctx);
    this.accounts.put(key, { ...settled, state: settled.state === "overdrawn" ? "overdrawn" : "closed", funds: formatDec(parseDec(settled.funds) - decFromInt(refund)) });
  }

  /** Accrued-but-unsettled view for tenants deciding to top up (no state change). */
  projectedFunds(key: string, height: number): bigint {
    const account = this.accounts.get(key);
    if (!account || account.state !== "open") return 0n;
    const rate = this.paymentsByAccount
      .members(key)
      .map((k) => this.payments.get(k))
      .filter((p) => p?.state === "open")
      .reduce((sum, p) => sum + parseDec((p as PaymentRec).rate), 0n);
    const left = parseDec(account.funds) - rate * BigInt(Math.max(0, height - account.settledAt));
    return left > 0n ? left : 0n;
  }

  toAccount(rec: EscrowAccountRec): Types_Account {
    return Types_Account.fromPartial({
      id: { scope: rec.scope === "deployment" ? Scope.deployment : Scope.bid, xid: rec.xid },
      state: {
        owner: rec.owner,
        state: stateEnum(rec.state),
        transferred: [{ denom: rec.denom, amount: rec.transferred }],
        settledAt: rec.settledAt,
        funds: [{ denom: rec.denom, amount: rec.funds }],
        deposits: rec.deposits.map((d) => ({
          owner: d.owner,
          height: d.height,
          source: d.source === "balance" ? Source.balance : Source.grant,
          balance: { denom: rec.denom, amount: d.amount },
          direct: true,
        })),
      },
    });
  }

  toPayment(rec: PaymentRec): Types_Payment {
    const account = this.accounts.get(rec.accountKey);
    return Types_Payment.fromPartial({
      id: { aid: { scope: account?.scope === "bid" ? Scope.bid : Scope.deployment, xid: account?.xid ?? "" }, xid: rec.xid },
      state: {
        owner: rec.owner,
        state: stateEnum(rec.state),
        rate: { denom: rec.denom, amount: rec.rate },
        balance: { denom: rec.denom, amount: rec.balance },
        unsettled: { denom: rec.denom, amount: rec.unsettled },
        withdrawn: { denom: rec.denom, amount: rec.withdrawn },
      },
    });
  }

  handlers(onOverdrawn: (accountKey: string, ctx: MsgContext) => void): MsgHandler[] {
    const deposit: MsgHandler<MsgAccountDeposit> = {
      typeUrl: `/${MsgAccountDeposit.$type}`,
      decode: (b) => MsgAccountDeposit.decode(b),
      signers: (m) => [m.signer],
      gas: 30_000,
      module: "escrow",
      handle: (msg, ctx) => {
        const scope = msg.id?.scope === Scope.bid ? "bid" : msg.id?.scope === Scope.deployment ? "deployment" : undefined;
        if (!scope) throw escrowErr.accountNotFound("invalid escrow scope");
        const { denom, amount } = checkCoin(msg.deposit?.amount, "deposit");
        if (amount === 0n) throw escrowErr.invalidDenomination("deposit amount must be positive");
        const key = accountKey(scope, msg.id?.xid ?? "");
        const result = this.deposit(key, msg.signer, denom, amount, ctx.height);
        if (result.overdrawn) onOverdrawn(key, ctx);
        return { typeUrl: `/${MsgAccountDepositResponse.$type}`, value: MsgAccountDepositResponse.encode({}).finish() };
      },
    };
    return [deposit as MsgHandler];
  }

  routes(): QueryRoutes {
    return {
      "/akash.escrow.v1.Query/Accounts": (data) => {
        const request = QueryAccountsRequest.decode(data);
        const list = [...this.accounts.values()].filter((a) => (!request.state || a.state === request.state) && (!request.xid || a.xid.startsWith(request.xid)));
        const page = paginate(list, request.pagination);
        return QueryAccountsResponse.encode(QueryAccountsResponse.fromPartial({ accounts: page.items.map((a) => this.toAccount(a)), pagination: page.pagination })).finish();
      },
      "/akash.escrow.v1.Query/Payments": (data) => {
        const request = QueryPaymentsRequest.decode(data);
        const list = [...this.payments.values()].filter((p) => {
          const account = this.accounts.get(p.accountKey);
          const fullXid = `${account?.xid ?? ""}/${p.xid}`;
          return (!request.state || p.state === request.state) && (!request.xid || fullXid.startsWith(request.xid));
        });
        const page = paginate(list, request.pagination);
        return QueryPaymentsResponse.encode(QueryPaymentsResponse.fromPartial({ payments: page.items.map((p) => this.toPayment(p)), pagination: page.pagination })).finish();
      },
    };
  }
}

function stateEnum(state: EscrowState): Types_State {
  return state === "open" ? Types_State.open : state === "closed" ? Types_State.closed : Types_State.overdrawn;
}


