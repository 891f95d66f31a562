import {
  MsgSend,
  MsgSendResponse,
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryBalanceRequest,
  QueryBalanceResponse,
} from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import type { Store, Table } from "../state/store";
import { moduleErr, sdkErr } from "../chain/errors";
import { plainEvent } from "../chain/events";
import { checkAddress } from "../util/address";
import { parseInt256 } from "../util/dec";
import type { MsgContext, MsgHandler, QueryRoutes } from "../chain/types";
import type { AuthModule } from "./auth";
import { paginate } from "../chain/pagination";

export interface Coin {
  denom: string;
  amount: string;
}

/** Denoms that bank sends refuse (ACT is non-transferable since the v2.0.0 upgrade). */
const SEND_DISABLED = new Set(["uact"]);
const DENOM_PATTERN = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

export function checkCoin(coin: { denom: string; amount: string } | undefined, field: string): { denom: string; amount: bigint } {
  if (!coin) throw sdkErr.invalidCoins(`${field} is required`);
  if (!DENOM_PATTERN.test(coin.denom)) throw sdkErr.invalidCoins(`${field}: invalid denom "${coin.denom}"`);
  try {
    return { denom: coin.denom, amount: parseInt256(coin.amount) };
  } catch {
    throw sdkErr.invalidCoins(`${field}: invalid amount "${coin.amount}"`);
  }
}

/** x/bank: balances per address (a small denom → amount record each). */
export class BankModule {
  readonly balances: Table<Record<string, string>>;

  constructor(
    store: Store,
    private readonly auth: AuthModule,
  ) {
    this.balances = store.table<Record<string, string>>("bank.balances");
  }

  balance(address: string, denom: string): bigint {
    return BigInt(this.balances.get(address)?.[denom] ?? "0");
  }

  all(address: string): Coin[] {
    const record = this.balances.get(address) ?? {};
    return Object.keys(record)
      .sort()
      .map((denom) => ({ denom, amount: record[denom] ?? "0" }))
      .filter((coin) => coin.amount !== "0");
  }

  private set(address: string, denom: string, amount: bigint): void {
    const record = { ...(this.balances.get(address) ?? {}) };
    if (amount === 0n) delete record[denom];
    else record[denom] = amount.toString();
    this.balances.put(address, record);
  }

  /** Mints into an address (faucet, genesis, BME). */
  mint(address: string, denom: string, amount: bigint, ctx?: MsgContext): void {
    if (amount < 0n) throw sdkErr.invalidCoins("negative amount");
    if (amount === 0n) return;
    this.auth.ensure(address);
    this.set(address, denom, this.balance(address, denom) + amount);
    ctx?.emit(plainEvent("coinbase", { minter: address, amount: `${amount}${denom}` }));
  }

  burn(address: string, denom: string, amount: bigint): void {
    this.debit(address, denom, amount);
  }

  private debit(address: string, denom: string, amount: bigint): void {
    if (amount < 0n) throw sdkErr.invalidCoins("negative amount");
    const have = this.balance(address, denom);
    if (have < amount) throw sdkErr.insufficientFunds(`spendable balance ${have}${denom} is smaller than ${amount}${denom}`);
    this.set(address, denom, have - amount);
  }

  /** Moves coins between accounts (module accounts included); no send-enabled check. */
  transfer(from: string, to: string, denom: string, amount: bigint, ctx?: MsgContext): void {
    if (amount === 0n) return;
    this.debit(from, denom, amount);
    this.auth.ensure(to);
    this.set(to, denom, this.balance(to, denom) + amount);
    ctx?.emit(plainEvent("transfer", { recipient: to, sender: from, amount: `${amount}${denom}` }));
  }

  handlers(): MsgHandler[] {
    const send: MsgHandler<MsgSend> = {
      typeUrl: `/${MsgSend.$type}`,
      decode: (bytes) => MsgSend.decode(bytes),
      signers: (msg) => [msg.fromAddress],
      gas: 20_000,
      module: "bank",
      handle: (msg, ctx) => {
        checkAddress(msg.fromAddress, "from address");
        checkAddress(msg.toAddress, "to address");
        if (msg.amount.length === 0) throw sdkErr.invalidCoins("amount is empty");
        for (const coin of msg.amount) {
          const { denom, amount } = checkCoin(coin, "amount");
          if (SEND_DISABLED.has(denom)) throw moduleErr("bank", 8, `${denom} transfers are currently disabled: send transactions are disabled`);
          this.transfer(msg.fromAddress, msg.toAddress, denom, amount, ctx);
        }
        return { typeUrl: `/${MsgSendResponse.$type}`, value: MsgSendResponse.encode({}).finish() };
      },
    };
    return [send as MsgHandler];
  }

  routes(): QueryRoutes {
    return {
      "/cosmos.bank.v1beta1.Query/Balance": (data) => {
        const request = QueryBalanceRequest.decode(data);
        checkAddress(request.address);
        if (!request.denom) throw sdkErr.invalidCoins("invalid denom");
        const amount = this.balance(request.address, request.denom).toString();
        return QueryBalanceResponse.encode({ balance: { denom: request.denom, amount } }).finish();
      },
      "/cosmos.bank.v1beta1.Query/AllBalances": (data) => {
        const request = QueryAllBalancesRequest.decode(data);
        checkAddress(request.address);
        const page = paginate(this.all(request.address), request.pagination);
        return QueryAllBalancesResponse.encode(QueryAllBalancesResponse.fromPartial({ balances: page.items, pagination: page.pagination })).finish();
      },
    };
  }
}
