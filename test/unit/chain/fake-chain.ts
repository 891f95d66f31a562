import { Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { decodePubkey, makeSignBytes } from "@cosmjs/proto-signing";
import {
  AuthInfo,
  BaseAccount,
  QueryAccountRequest,
  QueryAccountResponse,
  SimulateRequest,
  SimulateResponse,
  TxBody,
  TxRaw,
} from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { RpcHandlerError, STALL, startFakeComet, type FakeComet } from "./fake-comet";

// Just enough of a Cosmos chain behind the fake CometBFT server to exercise the tx queue: accounts
// with sequences, simulate, CheckTx (signature and sequence verified for real), blocks, `tx` by hash.

export interface IncludedTx {
  hash: string;
  height: number;
  sequence: bigint;
  memo: string;
  fee: string;
  gasLimit: bigint;
  code: number;
  log: string;
  messages: { typeUrl: string; value: Uint8Array }[];
}

/** A custom abci_query answer: the response bytes, or an error (code, log). */
export type QueryHandler = (data: Uint8Array) => Uint8Array | { code: number; log: string };

export interface FakeChain {
  comet: FakeComet;
  accounts: Map<string, { number: bigint; sequence: bigint }>;
  included: Map<string, IncludedTx>;
  broadcasts: string[];
  gasUsed: bigint;
  /** Next CheckTx answers with this code (then resets). */
  checkTxCode: { code: number; codespace: string; log: string } | null;
  /** Next DeliverTx result code (then resets). */
  deliverCode: { code: number; log: string } | null;
  simulateError: { code: number; codespace: string; log: string } | null;
  /** `tx` answers "not found" this many times before showing an included tx. */
  hideForPolls: number;
  /** Stall broadcast_tx_sync (no answer) — and whether the tx still lands in a block. */
  stallBroadcast: "no" | "included" | "lost";
  accountQueries: number;
  /** Another tx from the same account lands just before the next CheckTx (a race after simulation). */
  bumpBeforeCheckTx: boolean;
  queries: Map<string, QueryHandler>;
  /** Runs for each included tx (with code 0): lets a test apply the messages to its own state. */
  onDeliver: ((tx: IncludedTx) => void) | null;
  close(): Promise<void>;
}

export async function startFakeChain(chainId = "akash-local-1"): Promise<FakeChain> {
  const comet = await startFakeComet({ chainId });
  const chain: FakeChain = {
    comet,
    accounts: new Map(),
    included: new Map(),
    broadcasts: [],
    gasUsed: 80_000n,
    checkTxCode: null,
    deliverCode: null,
    simulateError: null,
    hideForPolls: 0,
    stallBroadcast: "no",
    accountQueries: 0,
    bumpBeforeCheckTx: false,
    queries: new Map(),
    onDeliver: null,
    close: () => comet.close(),
  };
  let polls = 0;

  comet.handlers.set("abci_query", (params) => {
    const path = String(params.path);
    const data = Buffer.from(String(params.data ?? ""), "hex");
    const ok = (value: Uint8Array) => ({ response: { code: 0, log: "", value: Buffer.from(value).toString("base64"), height: String(comet.height) } });
    const err = (code: number, codespace: string, log: string) => ({ response: { code, codespace, log, value: null } });
    const custom = chain.queries.get(path);
    if (custom) {
      const out = custom(data);
      return out instanceof Uint8Array ? ok(out) : err(out.code, "sdk", out.log);
    }
    if (path === "/cosmos.auth.v1beta1.Query/Account") {
      chain.accountQueries++;
      const { address } = QueryAccountRequest.decode(data);
      const acc = chain.accounts.get(address);
      if (!acc) return err(22, "sdk", `rpc error: code = NotFound desc = account ${address} not found: key not found`);
      const value = BaseAccount.encode(BaseAccount.fromPartial({ address, accountNumber: acc.number, sequence: acc.sequence })).finish();
      return ok(QueryAccountResponse.encode({ account: { typeUrl: "/cosmos.auth.v1beta1.BaseAccount", value } }).finish());
    }
    if (path === "/cosmos.tx.v1beta1.Service/Simulate") {
      if (chain.simulateError) {
        const e = chain.simulateError;
        chain.simulateError = null;
        return err(e.code, e.codespace, e.log);
      }
      const { txBytes } = SimulateRequest.decode(data);
      const raw = TxRaw.decode(txBytes);
      const auth = AuthInfo.decode(raw.authInfoBytes);
      const sequence = BigInt(auth.signerInfos[0]!.sequence.toString());
      const signer = [...chain.accounts.entries()].find(() => true);
      if (signer && sequence !== signer[1].sequence) {
        return err(32, "sdk", `account sequence mismatch, expected ${signer[1].sequence}, got ${sequence}: incorrect account sequence`);
      }
      return ok(SimulateResponse.encode(SimulateResponse.fromPartial({ gasInfo: { gasUsed: chain.gasUsed, gasWanted: 0n } })).finish());
    }
    return err(6, "sdk", `unknown query path ${path}`);
  });

  const checkTx = (txB64: string) => {
    const bytes = Buffer.from(txB64, "base64");
    const hash = Buffer.from(sha256(bytes)).toString("hex").toUpperCase();
    chain.broadcasts.push(hash);
    if (chain.included.has(hash)) return { code: 19, codespace: "sdk", log: "tx already exists in cache", hash };
    if (chain.checkTxCode) {
      const c = chain.checkTxCode;
      chain.checkTxCode = null;
      return { ...c, hash };
    }
    const raw = TxRaw.decode(bytes);
    const auth = AuthInfo.decode(raw.authInfoBytes);
    const info = auth.signerInfos[0]!;
    if (chain.bumpBeforeCheckTx) {
      chain.bumpBeforeCheckTx = false;
      chain.accounts.get([...chain.accounts.keys()][0]!)!.sequence += 1n;
    }
    const pubkey = decodePubkey({ typeUrl: info.publicKey!.typeUrl, value: info.publicKey!.value });
    const address = [...chain.accounts.keys()][0]!;
    const account = chain.accounts.get(address)!;
    const sequence = BigInt(info.sequence.toString());
    if (sequence !== account.sequence) {
      return { code: 32, codespace: "sdk", log: `account sequence mismatch, expected ${account.sequence}, got ${sequence}: incorrect account sequence`, hash };
    }
    const signBytes = makeSignBytes({ bodyBytes: raw.bodyBytes, authInfoBytes: raw.authInfoBytes, chainId, accountNumber: account.number });
    const valid = Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(raw.signatures[0]!), sha256(signBytes), Buffer.from(pubkey.value as string, "base64"));
    if (!valid) return { code: 4, codespace: "sdk", log: "signature verification failed", hash };
    account.sequence += 1n;
    const deliver = chain.deliverCode;
    chain.deliverCode = null;
    comet.height += 1;
    const body = TxBody.decode(raw.bodyBytes);
    const record: IncludedTx = {
      hash,
      height: comet.height,
      sequence,
      memo: body.memo,
      fee: auth.fee!.amount.map((c) => `${c.amount}${c.denom}`).join(","),
      gasLimit: BigInt(auth.fee!.gasLimit.toString()),
      code: deliver?.code ?? 0,
      log: deliver?.log ?? "",
      messages: body.messages.map((m) => ({ typeUrl: m.typeUrl, value: m.value })),
    };
    chain.included.set(hash, record);
    if (record.code === 0) chain.onDeliver?.(record);
    polls = 0;
    return { code: 0, codespace: "", log: "", hash };
  };

  comet.handlers.set("broadcast_tx_sync", (params) => {
    if (chain.stallBroadcast !== "no") {
      const mode = chain.stallBroadcast;
      chain.stallBroadcast = "no";
      if (mode === "included") checkTx(String(params.tx));
      else chain.broadcasts.push(Buffer.from(sha256(Buffer.from(String(params.tx), "base64"))).toString("hex").toUpperCase());
      return STALL;
    }
    return checkTx(String(params.tx));
  });

  comet.handlers.set("tx", (params) => {
    const hash = Buffer.from(String(params.hash), "base64").toString("hex").toUpperCase();
    const tx = chain.included.get(hash);
    if (!tx || polls++ < chain.hideForPolls) throw new RpcHandlerError(-32603, "Internal error", `tx (${hash}) not found`);
    return { hash, height: String(tx.height), index: 0, tx_result: { code: tx.code, codespace: tx.code ? "sdk" : "", log: tx.log, gas_wanted: tx.gasLimit.toString(), gas_used: "71234" } };
  });

  return chain;
}
