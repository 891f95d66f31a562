import { sha256 } from "@cosmjs/crypto";
import { toBase64, toHex } from "@cosmjs/encoding";
import type { BlockRecord, BlockStore, TxResultJson } from "../state/block-store";
import type { SqlitePersistence } from "../state/sqlite-persistence";
import type { ChainApp } from "./app";
import type { AbciEvent } from "./types";

export const MAX_TXS_PER_BLOCK = 5_000;

export type BlockListener = (block: BlockRecord) => void;

/**
 * Assembles blocks: takes the mempool, delivers each tx, runs the end blockers, commits the
 * state (and writes it to disk), then tells subscribers. Heights and times only move forward.
 */
export class BlockProducer {
  private readonly listeners = new Set<BlockListener>();
  private appHash = "";

  constructor(
    private readonly app: ChainApp,
    readonly blocks: BlockStore,
    private readonly persistence: SqlitePersistence | undefined,
    private readonly now: () => number,
  ) {
    this.appHash = this.blocks.latest()?.appHash ?? toHex(sha256(new TextEncoder().encode(app.ante.chainId))).toUpperCase();
  }

  get height(): number {
    return this.blocks.latestHeight;
  }

  onBlock(listener: BlockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  produce(): BlockRecord {
    const previous = this.blocks.latest();
    const height = this.blocks.latestHeight + 1;
    const previousMs = previous ? Date.parse(previous.time) : 0;
    const time = new Date(Math.max(this.now(), previousMs + 1));
    const block = { height, time };
    const pending = this.app.takeMempool(MAX_TXS_PER_BLOCK);
    const results: TxResultJson[] = pending.map((p) => toJson(this.app.deliverTx(p, block)));
    const finalizeEvents: AbciEvent[] = [];
    const ctx = this.app.context(block, (event) => finalizeEvents.push({ ...event, attributes: [...event.attributes, { key: "mode", value: "EndBlock", index: true }] }));
    for (const endBlocker of this.app.endBlockers) endBlocker(ctx);
    const changed = this.app.store.commit();

    const txHashes = pending.map((p) => p.hash);
    const dataHash = hashOf(txHashes.join(""));
    const resultsHash = hashOf(JSON.stringify(results.map((r) => [r.code, r.data])));
    this.appHash = hashOf(this.appHash + resultsHash + String(changed.size) + String(height));
    const record: BlockRecord = {
      height,
      time: rfc3339Nano(time),
      hash: hashOf(`${height}|${time.toISOString()}|${previous?.hash ?? ""}|${this.appHash}|${dataHash}`),
      partsHash: hashOf(`parts|${height}`),
      lastBlockHash: previous?.hash ?? "",
      appHash: this.appHash,
      dataHash,
      txs: pending.map((p) => toBase64(p.tx.raw)),
      txHashes,
      results,
      finalizeEvents,
    };
    this.persistence?.commitBlock(this.app.store, changed, record, {});
    this.blocks.add(record);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        // A subscriber's failure must not stop the chain.
      }
    }
    return record;
  }
}

function hashOf(text: string): string {
  return toHex(sha256(new TextEncoder().encode(text))).toUpperCase();
}

/** CometBFT prints times with nanoseconds: 2026-11-21T10:00:00.123000000Z. */
export function rfc3339Nano(time: Date): string {
  return time.toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

function toJson(result: { code: number; codespace: string; log: string; data: Uint8Array; gasWanted: number; gasUsed: number; events: AbciEvent[] }): TxResultJson {
  return { ...result, data: toBase64(result.data) };
}
