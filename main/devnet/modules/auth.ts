import { BaseAccount, QueryAccountRequest, QueryAccountResponse } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { PubKey } from "@akashnetwork/chain-sdk/private-types/cosmos.secp256k1";
import { fromBase64 } from "@cosmjs/encoding";
import type { Store, Table } from "../state/store";
import { sdkErr } from "../chain/errors";
import { checkAddress } from "../util/address";
import type { QueryRoutes } from "../chain/types";

export interface AccountRecord {
  address: string;
  accountNumber: number;
  sequence: number;
  /** base64 of the compressed secp256k1 key, set by the first signed tx. */
  pubkey?: string;
}

const SECP256K1_PUBKEY = "/cosmos.crypto.secp256k1.PubKey";

/** x/auth: account numbers, sequences and public keys. */
export class AuthModule {
  readonly accounts: Table<AccountRecord>;
  private readonly meta: Table<number>;

  constructor(store: Store) {
    this.accounts = store.table<AccountRecord>("auth.accounts");
    this.meta = store.table<number>("auth.meta");
  }

  get(address: string): AccountRecord | undefined {
    return this.accounts.get(address);
  }

  /** Creates the account on first receipt of funds, as x/bank does. */
  ensure(address: string): AccountRecord {
    const existing = this.accounts.get(address);
    if (existing) return existing;
    const next = this.meta.get("nextAccountNumber") ?? 0;
    this.meta.put("nextAccountNumber", next + 1);
    const account: AccountRecord = { address, accountNumber: next, sequence: 0 };
    this.accounts.put(address, account);
    return account;
  }

  update(address: string, change: Partial<AccountRecord>): void {
    const account = this.accounts.get(address);
    if (!account) throw sdkErr.unknownRequest(`account ${address} not found`);
    this.accounts.put(address, { ...account, ...change });
  }

  routes(): QueryRoutes {
    return {
      "/cosmos.auth.v1beta1.Query/Account": (data) => {
        const request = QueryAccountRequest.decode(data);
        checkAddress(request.address);
        const account = this.accounts.get(request.address);
        if (!account) throw sdkErr.keyNotFound(`account ${request.address} not found`);
        const base = BaseAccount.fromPartial({
          address: account.address,
          accountNumber: account.accountNumber,
          sequence: account.sequence,
          pubKey: account.pubkey
            ? { typeUrl: SECP256K1_PUBKEY, value: PubKey.encode({ key: fromBase64(account.pubkey) }).finish() }
            : undefined,
        });
        const any = { typeUrl: "/cosmos.auth.v1beta1.BaseAccount", value: BaseAccount.encode(base).finish() };
        return QueryAccountResponse.encode(QueryAccountResponse.fromPartial({ account: any })).finish();
      },
    };
  }
}

export function decodeSecp256k1PubKey(any: { typeUrl: string; value: Uint8Array } | undefined): Uint8Array | undefined {
  if (!any) return undefined;
  if (any.typeUrl !== SECP256K1_PUBKEY) throw sdkErr.invalidPubKey(`unsupported public key type ${any.typeUrl}`);
  const key = PubKey.decode(any.value).key;
  if (key.length !== 33) throw sdkErr.invalidPubKey(`secp256k1 key must be 33 bytes, got ${key.length}`);
  return key;
}

