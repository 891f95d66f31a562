import type { AbciEvent } from "../chain/types";

export interface TxResultJson {
  code: number;
  codespace: string;
  log: string;
  /** base64 */
  data: string;
  gasWanted: number;
  gasUsed: number;
  events: AbciEvent[];
}

export interface BlockRecord {
  height: number;
  /** RFC 3339 with nanoseconds, as CometBFT prints times. */
  time: string;
  hash: string;
  partsHash: string;
  lastBlockHash: string;
  appHash: string;
  dataHash: string;
  /** base64 of each tx */
  txs: string[];
  txHashes: string[];
  results: TxResultJson[];
  finalizeEvents: AbciEvent[];
}

export interface BlockBackend {
  loadBlock(height: number): BlockRecord | undefined;
  loadTxLocation(hash: string): { height: number; index: number } | undefined;
}

const KEEP_IN_MEMORY = 2_000;
/** Without a disk backend the chain prunes like a public node: older blocks are gone. */
const KEEP_WITHOUT_BACKEND = 20_000;

/** Blocks and the tx index: recent blocks in memory, everything else from the persistent backend. */
export class BlockStore {
  private readonly recent = new Map<number, BlockRecord>();
  private readonly txIndex = new Map<string, { height: number; index: number }>();
  latestHeight = 0;
  earliestHeight = 0;

  constructor(private readonly backend?: BlockBackend) {}

  add(block: BlockRecord): void {
    this.recent.set(block.height, block);
    block.txHashes.forEach((hash, index) => this.txIndex.set(hash, { height: block.height, index }));
    this.latestHeight = block.height;
    if (this.earliestHeight === 0) this.earliestHeight = block.height;
    const drop = block.height - (this.backend ? KEEP_IN_MEMORY : KEEP_WITHOUT_BACKEND);
    const old = this.recent.get(drop);
    if (old) {
      this.recent.delete(drop);
      for (const hash of old.txHashes) this.txIndex.delete(hash);
      if (!this.backend) this.earliestHeight = drop + 1;
    }
  }

  get(height: number): BlockRecord | undefined {
    return this.recent.get(height) ?? this.backend?.loadBlock(height);
  }

  latest(): BlockRecord | undefined {
    return this.get(this.latestHeight);
  }

  locateTx(hash: string): { height: number; index: number } | undefined {
    return this.txIndex.get(hash) ?? this.backend?.loadTxLocation(hash);
  }

  hasTx(hash: string): boolean {
    return this.locateTx(hash) !== undefined;
  }
}
