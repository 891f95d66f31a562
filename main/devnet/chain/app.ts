import { TxMsgData } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { createHash } from "node:crypto";
import type { AuthModule } from "../modules/auth";
import type { BankModule } from "../modules/bank";
import type { Store } from "../state/store";
import { runAnte, type AnteConfig } from "./ante";
import { asChainError, ChainError, sdkErr } from "./errors";
import { decodeTx, gasFor, type DecodedTx } from "./tx-decode";
import type { AbciEvent, MsgContext, MsgHandler, MsgResponse, QueryRoutes, TxResultRecord } from "./types";

export interface PendingTx {
  hash: string;
  tx: DecodedTx;
  /** The ante handler's events (fee, acc_seq, signature), reported with the tx's result. */
  anteEvents: AbciEvent[];
}

export interface QueryResult {
  code: number;
  codespace: string;
  log: string;
  value: Uint8Array;
}

/** Runs at the end of every block; must only touch the work that is due (never scan all state). */
export type EndBlocker = (ctx: MsgContext) => void;

const MAX_MEMPOOL = 20_000;

/**
 * The application: decodes and checks transactions, runs their messages atomically, answers
 * queries. Block assembly (heights, hashes, persistence, events to subscribers) is in block-producer.
 */
export class ChainApp {
  readonly handlers = new Map<string, MsgHandler>();
  readonly routes: QueryRoutes = {};
  readonly endBlockers: EndBlocker[] = [];
  mempool: PendingTx[] = [];
  private readonly mempoolHashes = new Set<string>();

  constructor(
    readonly store: Store,
    readonly auth: AuthModule,
    readonly bank: BankModule,
    readonly ante: AnteConfig,
    /** Whether a tx hash was already committed (replay protection beyond sequences). */
    private readonly isCommitted: (hash: string) => boolean,
  ) {}

  register(handlers: MsgHandler[], routes: QueryRoutes): void {
    for (const handler of handlers) this.handlers.set(handler.typeUrl, handler);
    Object.assign(this.routes, routes);
  }

  /**
   * CheckTx for broadcast_tx_sync. The ante effects (fee paid, sequence advanced) stay in the state
   * the next block builds on, which is the node's "check state": a second tx from the same account
   * must carry the next sequence even before the first is in a block.
   */
  checkTx(raw: Uint8Array): { hash: string; result: TxResultRecord } {
    const hash = txHash(raw);
    try {
      if (this.mempoolHashes.has(hash) || this.isCommitted(hash)) throw sdkErr.txInMempool();
      if (this.mempool.length >= MAX_MEMPOOL) throw sdkErr.mempoolFull();
      const tx = decodeTx(raw, this.handlers);
      const gas = gasFor(tx);
      const anteEvents = this.store.atomically(() => runAnte(tx, this.auth, this.bank, this.ante, false));
      this.mempool.push({ hash, tx, anteEvents });
      this.mempoolHashes.add(hash);
      return { hash, result: okResult(new Uint8Array(), tx.gasLimit, gas, []) };
    } catch (error) {
      return { hash, result: errorResult(asChainError(error), 0, 0) };
    }
  }

  takeMempool(max: number): PendingTx[] {
    const taken = this.mempool.slice(0, max);
    this.mempool = this.mempool.slice(max);
    for (const pending of taken) this.mempoolHashes.delete(pending.hash);
    return taken;
  }

  /** DeliverTx: the ante already ran in CheckTx; messages run all-or-nothing. */
  deliverTx(pending: PendingTx, block: { height: number; time: Date }): TxResultRecord {
    const { tx } = pending;
    const gasUsed = gasFor(tx);
    const anteEvents = pending.anteEvents;
    if (gasUsed > tx.gasLimit) return errorResult(sdkErr.outOfGas(tx.gasLimit, gasUsed), tx.gasLimit, tx.gasLimit, anteEvents);
    try {
      const { responses, events } = this.store.atomically(() => this.runMsgs(tx, block));
      const data = TxMsgData.encode(TxMsgData.fromPartial({ msgResponses: responses })).finish();
      return okResult(data, tx.gasLimit, gasUsed, [...anteEvents, ...events]);
    } catch (error) {
      return errorResult(asChainError(error), tx.gasLimit, gasUsed, anteEvents);
    }
  }

  /** cosmos.tx.v1beta1.Service/Simulate: ante (without signatures) + messages, then undo everything. */
  simulate(raw: Uint8Array, block: { height: number; time: Date }): { gasUsed: number; data: Uint8Array; events: AbciEvent[]; log: string } {
    const tx = decodeTx(raw, this.handlers);
    const mark = this.store.savepoint();
    try {
      const anteEvents = runAnte(tx, this.auth, this.bank, this.ante, true);
      const { responses, events } = this.runMsgs(tx, block);
      const data = TxMsgData.encode(TxMsgData.fromPartial({ msgResponses: responses })).finish();
      return { gasUsed: gasFor(tx), data, events: [...anteEvents, ...events], log: "" };
    } finally {
      this.store.revertTo(mark);
    }
  }

  private runMsgs(tx: DecodedTx, block: { height: number; time: Date }): { responses: MsgResponse[]; events: AbciEvent[] } {
    const events: AbciEvent[] = [];
    const responses: MsgResponse[] = [];
    tx.msgs.forEach(({ handler, msg, typeUrl }, index) => {
      const ctx = this.context(block, (event) => {
        events.push({ ...event, attributes: [...event.attributes.filter((a) => a.key !== "msg_index"), { key: "msg_index", value: String(index), index: true }] });
      });
      events.push({
        type: "message",
        attributes: [
          { key: "action", value: typeUrl, index: true },
          { key: "sender", value: handler.signers(msg)[0] ?? "", index: true },
          { key: "module", value: handler.module, index: true },
          { key: "msg_index", value: String(index), index: true },
        ],
      });
      responses.push(handler.handle(msg, ctx));
    });
    return { responses, events };
  }

  context(block: { height: number; time: Date }, emit: (event: AbciEvent) => void): MsgContext {
    return { height: block.height, time: block.time, chainId: this.ante.chainId, emit };
  }

  query(path: string, data: Uint8Array, height: number): QueryResult {
    const route = this.routes[path];
    if (!route) return { code: 6, codespace: "sdk", log: `unknown query path: ${path}: unknown request`, value: new Uint8Array() };
    try {
      return { code: 0, codespace: "", log: "", value: route(data, height) };
    } catch (error) {
      const failure = error instanceof ChainError ? error : sdkErr.invalidRequest(error instanceof Error ? error.message : String(error));
      return { code: failure.code, codespace: failure.codespace, log: failure.log, value: new Uint8Array() };
    }
  }
}

/** CometBFT's tx hash: sha256 of the raw bytes, upper-case hex (node:crypto: this is per request). */
export function txHash(raw: Uint8Array): string {
  return createHash("sha256").update(raw).digest("hex").toUpperCase();
}

function okResult(data: Uint8Array, gasWanted: number, gasUsed: number, events: AbciEvent[]): TxResultRecord {
  return { code: 0, codespace: "", log: "", data, gasWanted, gasUsed, events };
}

function errorResult(error: ChainError, gasWanted: number, gasUsed: number, events: AbciEvent[] = []): TxResultRecord {
  return { code: error.code, codespace: error.codespace, log: error.log, data: new Uint8Array(), gasWanted, gasUsed, events };
}
