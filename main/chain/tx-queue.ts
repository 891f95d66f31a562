import { encodeSecp256k1Pubkey } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { encodePubkey, makeAuthInfoBytes, makeSignDoc, type OfflineDirectSigner } from "@cosmjs/proto-signing";
import {
  BaseAccount,
  QueryAccountRequest,
  QueryAccountResponse,
  SimulateRequest,
  SimulateResponse,
  TxBody,
  TxRaw,
} from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import type { ChainTx } from "../../common/chain-schemas";
import { ContractFailure } from "../../common/envelope";
import type { NetworkId } from "../../common/schemas";
import { abciQuery, ChainQueryError } from "./abci-query";
import { BlockConfirmations, type ObservedTx } from "./block-confirmations";
import { mulCeil, parseDecimal } from "./decimal";
import { RpcResponseError, RpcUnavailableError } from "./rpc-errors";
import type { RpcPool } from "./rpc-pool";
import { isSequenceMismatch, rejection, SDK_OUT_OF_GAS, SDK_TX_IN_MEMPOOL, SequenceMismatch } from "./tx-errors";
import type { TxRepo } from "./tx-repo";

// The one serialized transaction queue per signer:
//   simulate → gas × multiplier → fee → sign → record → broadcast_tx_sync → confirm by hash.
// A sequence mismatch refreshes the account and retries once. A broadcast that times out is looked up
// by hash before anything is resent, and only the identical signed bytes are ever resent (same hash,
// same sequence: the chain can include them at most once). Every tx is recorded in chain_tx.

export interface EncodedMsg {
  typeUrl: string;
  value: Uint8Array;
}

interface MsgType<T> {
  readonly $type: string;
  encode(message: T): { finish(): Uint8Array };
  fromPartial(object: never): T;
}

/** A chain-sdk message as the Any a TxBody carries. */
export function encodeMsg<T>(type: MsgType<T>, value: Partial<T> | Record<string, unknown>): EncodedMsg {
  return { typeUrl: `/${type.$type}`, value: type.encode(type.fromPartial(value as never)).finish() };
}

export interface TxSigner extends OfflineDirectSigner {
  readonly address: string;
}

export interface TxRequest {
  /** What the tx is for, recorded and shown in the UI (e.g. "provider.create"). */
  kind: string;
  messages: EncodedMsg[];
  memo?: string;
  /**
   * Reuse the gas measured by the first simulation of the same message types and count (× the
   * multiplier) instead of simulating every time; an out-of-gas failure drops it and re-simulates once.
   * Opt-in: for frequent txs of a stable shape (bids).
   */
  cacheGas?: boolean;
}

export interface TxQueueOptions {
  network: NetworkId;
  chainId: string;
  pool: RpcPool;
  repo: TxRepo;
  /** Resolved per transaction: a locked wallet fails that tx with a clear message. */
  signer: () => TxSigner;
  /** uakt per gas unit, e.g. "0.025". */
  gasPrice: string;
  gasMultiplier?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  confirmTimeoutMs?: number;
  pollMs?: number;
  broadcastTimeoutMs?: number;
  /** How long to wait for a pushed block before polling `tx` on the queue's own timer. */
  blockWaitMs?: number;
}

interface Account {
  address: string;
  accountNumber: bigint;
  sequence: bigint;
  pubkey: Uint8Array;
}

const FEE_DENOM = "uakt";

/** A tx that used a cached gas figure ran out of gas: re-simulate and send once more. */
class CachedGasTooLow extends Error {
  constructor(readonly original: unknown) {
    super("cached gas estimate too low");
  }
}

export class TxQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private account: Account | null = null;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly blocks: BlockConfirmations;
  private readonly gasCache = new Map<string, bigint>();

  constructor(private readonly o: TxQueueOptions) {
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.blocks = new BlockConfirmations(this.now, this.blockWaitMs() * 2);
  }

  /**
   * A block someone else read (height, and each tx's hash and result code, in block order): resolves
   * the confirmations waiting for those hashes without a `tx` request.
   */
  observeBlock(height: number, txs: readonly ObservedTx[]): void {
    this.blocks.observe(height, txs);
  }

  /** Sent transactions waiting for a block (the pusher reads the block only when this is true). */
  awaitingConfirmation(): boolean {
    return this.blocks.pending() > 0;
  }

  /** Queues one transaction; resolves with its confirmed record, or rejects with a ContractFailure. */
  submit(request: TxRequest): Promise<ChainTx> {
    const run = this.tail.then(() => this.run(request));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Settles what a previous run left unconfirmed, by hash only (never by resending). */
  recheckUnsettled(): Promise<ChainTx[]> {
    return recheckUnsettled(this.o.pool, this.o.repo, this.o.network);
  }

  private async run(request: TxRequest): Promise<ChainTx> {
    if (request.messages.length === 0) throw new ContractFailure("INVALID_INPUT", "A transaction needs at least one message.");
    const signer = this.o.signer();
    let simulateAgain = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const account = await this.currentAccount(signer);
        return await this.sendOnce(request, signer, account, !simulateAgain);
      } catch (error) {
        if (error instanceof CachedGasTooLow) {
          if (simulateAgain) throw error.original;
          simulateAgain = true; // the chain refused it for gas only: one fresh simulation, one new tx
          continue;
        }
        if (error instanceof SequenceMismatch && attempt === 0) {
          this.account = null; // refresh from chain, then one more try
          continue;
        }
        if (error instanceof SequenceMismatch) {
          throw new ContractFailure("CONFLICT", `${request.kind} failed twice on the account sequence (is this wallet used elsewhere at the same time?): ${error.log}`);
        }
        throw error;
      }
    }
  }

  private async sendOnce(request: TxRequest, signer: TxSigner, account: Account, useCache: boolean): Promise<ChainTx> {
    const memo = request.memo ?? "";
    const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages: request.messages, memo })).finish();

    const shape = request.cacheGas ? `${request.kind}|${request.messages.map((m) => m.typeUrl).join(",")}` : null;
    const cached = shape && useCache ? this.gasCache.get(shape) : undefined;
    const gasUsed = cached ?? (await this.simulate(request.kind, bodyBytes, account));
    if (shape) this.gasCache.set(shape, gasUsed);
    const gasLimit = mulCeil(gasUsed, parseDecimal(this.o.gasMultiplier ?? "1.3"));
    const fee = mulCeil(gasLimit, parseDecimal(this.o.gasPrice));
    if (gasLimit > BigInt(Number.MAX_SAFE_INTEGER)) throw new ContractFailure("INTERNAL", "Gas estimate out of range.");

    const authInfoBytes = makeAuthInfoBytes(
      [{ pubkey: encodePubkey(encodeSecp256k1Pubkey(account.pubkey)), sequence: account.sequence }],
      [{ denom: FEE_DENOM, amount: fee.toString() }],
      Number(gasLimit),
      undefined,
      undefined,
    );
    const signDoc = makeSignDoc(bodyBytes, authInfoBytes, this.o.chainId, account.accountNumber);
    const { signature, signed } = await signer.signDirect(account.address, signDoc);
    const txBytes = TxRaw.encode(
      TxRaw.fromPartial({ bodyBytes: signed.bodyBytes, authInfoBytes: signed.authInfoBytes, signatures: [Buffer.from(signature.signature, "base64")] }),
    ).finish();
    const hash = Buffer.from(sha256(txBytes)).toString("hex").toUpperCase();

    // Recorded before it leaves: if we crash now, the next start looks this hash up.
    const id = this.o.repo.insert({ network: this.o.network, signer: account.address, kind: request.kind, hash, gasWanted: gasLimit, fee: { amount: fee, denom: FEE_DENOM }, memo });

    let check: BroadcastResult;
    try {
      check = await this.o.pool.call<BroadcastResult>("broadcast_tx_sync", { tx: Buffer.from(txBytes).toString("base64") }, { failover: false, timeoutMs: this.o.broadcastTimeoutMs ?? 30_000 });
    } catch (error) {
      if (error instanceof RpcResponseError) {
        this.o.repo.update(id, { status: "failed", log: error.message });
        throw new ContractFailure("CONFLICT", `The node refused ${request.kind}: ${error.message}`);
      }
      return this.afterLostBroadcast(id, request.kind, hash, txBytes);
    }
    try {
      this.checkTxOutcome(id, request.kind, check, account.address);
      account.sequence += 1n;
      return await this.confirm(id, request.kind, hash);
    } catch (error) {
      if (cached !== undefined && this.o.repo.get(id)?.code === SDK_OUT_OF_GAS) {
        this.gasCache.delete(shape!);
        throw new CachedGasTooLow(error);
      }
      throw error;
    }
  }

  /** The broadcast got no answer: it may or may not be in a mempool. Look first; resend only the same bytes. */
  private async afterLostBroadcast(id: number, kind: string, hash: string, txBytes: Uint8Array): Promise<ChainTx> {
    this.account = null; // the sequence is uncertain until this settles
    this.o.repo.update(id, { status: "unknown", log: "broadcast got no answer; looking the hash up before anything is resent" });
    const found = await this.lookup(hash).catch(() => null);
    if (found) return this.finish(id, kind, found);
    let again: BroadcastResult;
    try {
      again = await this.o.pool.call<BroadcastResult>("broadcast_tx_sync", { tx: Buffer.from(txBytes).toString("base64") });
    } catch {
      throw new ContractFailure(
        "UNAVAILABLE",
        `${kind} may or may not have reached the chain (no RPC endpoint answered). It will not be sent again; the app keeps checking its hash ${hash}.`,
      );
    }
    const code = Number(again.code ?? 0);
    // Sequence already used here means the first copy was included: confirm it by hash.
    if (code !== 0 && code !== SDK_TX_IN_MEMPOOL && !isSequenceMismatch(again.codespace, code, String(again.log ?? ""))) {
      this.checkTxOutcome(id, kind, again, "");
    } else {
      this.o.repo.update(id, { status: "broadcast", log: null });
    }
    return this.confirm(id, kind, hash);
  }

  private checkTxOutcome(id: number, kind: string, check: BroadcastResult, signer: string): void {
    const code = Number(check.code ?? 0);
    const log = String(check.log ?? "");
    if (code === 0 || (code === SDK_TX_IN_MEMPOOL && (check.codespace ?? "sdk") === "sdk")) {
      this.o.repo.update(id, { status: "broadcast" });
      return;
    }
    this.o.repo.update(id, { status: "failed", code, log });
    if (isSequenceMismatch(check.codespace, code, log)) throw new SequenceMismatch(log);
    throw rejection(kind, check.codespace, code, log, signer);
  }

  /**
   * Waits for the hash in a block: from pushed blocks while someone pushes them (a `tx` lookup only
   * after a block passes without it, so at most one per block), else by polling `tx` on a timer.
   */
  private async confirm(id: number, kind: string, hash: string): Promise<ChainTx> {
    const deadline = this.now() + (this.o.confirmTimeoutMs ?? 60_000);
    let passes = 0;
    for (;;) {
      let look = true;
      const pushed = this.blocks.active();
      if (pushed) {
        const wake = await this.blocks.next(hash, this.timeout(this.blockWaitMs()));
        if (wake.kind === "found") return this.finish(id, kind, wake.found);
        // The first block after the broadcast may have been closed before the tx reached a mempool.
        if (wake.kind === "passed") look = ++passes >= 2;
      }
      const found = look
        ? await this.lookup(hash).catch((error: unknown) => {
            if (error instanceof RpcUnavailableError) return null; // the pool is failing over; keep waiting
            throw error;
          })
        : null;
      if (found) return this.finish(id, kind, found);
      if (this.now() >= deadline) {
        this.account = null;
        this.o.repo.update(id, { status: "unknown", log: `not in a block after ${Math.round((this.o.confirmTimeoutMs ?? 60_000) / 1000)} s` });
        throw new ContractFailure("UNAVAILABLE", `${kind} was sent but is not confirmed yet (hash ${hash}). It will not be sent again; the app keeps checking.`);
      }
      if (!pushed) await this.sleep(this.o.pollMs ?? 1000);
    }
  }

  private blockWaitMs(): number {
    return this.o.blockWaitMs ?? Math.max(3 * (this.o.pollMs ?? 1000), 2000);
  }

  /** A cancellable wait: the injected sleep when there is one (tests' clocks), else a real timer. */
  private timeout(ms: number): { promise: Promise<void>; cancel: () => void } {
    if (this.o.sleep) return { promise: this.o.sleep(ms), cancel: () => {} };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const promise = new Promise<void>((r) => (timer = setTimeout(r, ms)));
    return { promise, cancel: () => clearTimeout(timer) };
  }

  private finish(id: number, kind: string, found: TxLookup): ChainTx {
    this.settle(id, found);
    const tx = this.o.repo.get(id)!;
    if (tx.status === "failed") throw rejection(kind, found.tx_result?.codespace, Number(found.tx_result?.code ?? 0), String(found.tx_result?.log ?? ""), tx.signer);
    return tx;
  }

  private settle(id: number, found: TxLookup): void {
    settle(this.o.repo, id, found);
  }

  private lookup(hash: string): Promise<TxLookup | null> {
    return lookupTx(this.o.pool, hash);
  }

  private async simulate(kind: string, bodyBytes: Uint8Array, account: Account): Promise<bigint> {
    const authInfoBytes = makeAuthInfoBytes(
      [{ pubkey: encodePubkey(encodeSecp256k1Pubkey(account.pubkey)), sequence: account.sequence }],
      [],
      0,
      undefined,
      undefined,
    );
    const txBytes = TxRaw.encode(TxRaw.fromPartial({ bodyBytes, authInfoBytes, signatures: [new Uint8Array()] })).finish();
    try {
      const response = await abciQuery(this.o.pool, "/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest, { txBytes }, SimulateResponse);
      const used = BigInt(response.gasInfo?.gasUsed?.toString() ?? "0");
      if (used <= 0n) throw new ContractFailure("UNAVAILABLE", `The node's simulation of ${kind} reported no gas used.`);
      return used;
    } catch (error) {
      if (error instanceof ChainQueryError) {
        if (isSequenceMismatch(error.codespace, error.code, error.log)) throw new SequenceMismatch(error.log);
        // Nothing was sent: the simulation says the chain would refuse it.
        throw rejection(kind, error.codespace, error.code, error.log, account.address);
      }
      throw error;
    }
  }

  private async currentAccount(signer: TxSigner): Promise<Account> {
    if (this.account && this.account.address === signer.address) return this.account;
    const [data] = await signer.getAccounts();
    if (!data) throw new ContractFailure("INTERNAL", "The wallet has no account to sign with.");
    let response: QueryAccountResponse;
    try {
      response = await abciQuery(this.o.pool, "/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest, { address: signer.address }, QueryAccountResponse);
    } catch (error) {
      if (error instanceof ChainQueryError && error.notFound) {
        throw new ContractFailure("CONFLICT", `The chain does not know ${signer.address} yet: it has never received funds. Fund it first (the devnet faucet, or send AKT to it).`);
      }
      throw error;
    }
    if (response.account?.typeUrl !== "/cosmos.auth.v1beta1.BaseAccount") {
      throw new ContractFailure("CONFLICT", `${signer.address} is a ${response.account?.typeUrl ?? "missing"} account; only plain accounts can sign here.`);
    }
    const base = BaseAccount.decode(response.account.value);
    this.account = { address: signer.address, accountNumber: BigInt(base.accountNumber.toString()), sequence: BigInt(base.sequence.toString()), pubkey: data.pubkey };
    return this.account;
  }
}

interface BroadcastResult {
  code?: number;
  codespace?: string;
  log?: string;
  hash?: string;
}

interface TxLookup {
  hash?: string;
  height?: string;
  tx_result?: { code?: number; codespace?: string; log?: string; gas_used?: string; gas_wanted?: string };
}

/** `tx` by hash: the result, or null when the node does not have it (yet). */
export async function lookupTx(pool: RpcPool, hash: string): Promise<TxLookup | null> {
  try {
    return await pool.call<TxLookup>("tx", { hash: Buffer.from(hash, "hex").toString("base64"), prove: false });
  } catch (error) {
    if (error instanceof RpcResponseError && /not found/iu.test(error.message)) return null;
    throw error;
  }
}

function settle(repo: TxRepo, id: number, found: TxLookup): void {
  const result = found.tx_result ?? {};
  const code = Number(result.code ?? 0);
  const height = Number(found.height);
  repo.update(id, {
    status: code === 0 ? "confirmed" : "failed",
    height: Number.isSafeInteger(height) ? height : null,
    gasUsed: /^\d+$/u.test(String(result.gas_used ?? "")) ? BigInt(String(result.gas_used)) : null,
    code,
    log: code === 0 ? null : String(result.log ?? ""),
  });
}

/** Looks up every pending/unknown tx of a network by hash and records what the chain says. */
export async function recheckUnsettled(pool: RpcPool, repo: TxRepo, network: NetworkId): Promise<ChainTx[]> {
  const out: ChainTx[] = [];
  for (const tx of repo.unsettled(network)) {
    const found = await lookupTx(pool, tx.hash).catch(() => null);
    if (found) {
      settle(repo, tx.id, found);
      out.push(repo.get(tx.id)!);
    }
  }
  return out;
}
