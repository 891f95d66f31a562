// Confirmations pushed by whoever already reads each block (the bid engine reads `block` and
// `block_results` anyway): a pending tx waits for the next block instead of polling `tx` on a timer.
// A block that does not carry the hash only wakes the waiter, so the queue polls at most once per
// block; a failed result (code ≠ 0) also wakes it to look the tx up, because the log behind a
// refusal is in `tx`, not in what the pusher has.

export interface TxResultLookup {
  hash?: string;
  height?: string;
  tx_result?: { code?: number; codespace?: string; log?: string; gas_used?: string; gas_wanted?: string };
}

/** One tx of an observed block: its CometBFT hash (uppercase hex sha256) and its result code. */
export interface ObservedTx {
  hash: string;
  code: number;
  gasUsed?: string;
}

export type Wake = { kind: "found"; found: TxResultLookup } | { kind: "look" } | { kind: "passed" } | { kind: "timeout" };

export class BlockConfirmations {
  private readonly waiters = new Map<string, (wake: Wake) => void>();
  private lastPushAt: number | null = null;

  constructor(
    private readonly now: () => number,
    /** How long pushes may pause before the queue goes back to polling on its own timer. */
    private readonly staleMs: number,
  ) {}

  /** A block was pushed recently: waiting on blocks is worth it. */
  active(): boolean {
    return this.lastPushAt !== null && this.now() - this.lastPushAt <= this.staleMs;
  }

  pending(): number {
    return this.waiters.size;
  }

  /** Waits for the next pushed block (or the timeout): found, failed (look it up), or passed without it. */
  next(hash: string, timeout: { promise: Promise<void>; cancel: () => void }): Promise<Wake> {
    const key = hash.toUpperCase();
    return new Promise<Wake>((resolve) => {
      const done = (wake: Wake) => {
        if (this.waiters.get(key) !== done) return;
        this.waiters.delete(key);
        timeout.cancel();
        resolve(wake);
      };
      this.waiters.set(key, done);
      void timeout.promise.then(() => done({ kind: "timeout" }));
    });
  }

  observe(height: number, txs: readonly ObservedTx[]): void {
    if (!Number.isSafeInteger(height) || height <= 0) return;
    this.lastPushAt = this.now();
    if (this.waiters.size === 0) return;
    const byHash = new Map(txs.map((tx) => [tx.hash.toUpperCase(), tx]));
    for (const [hash, wake] of [...this.waiters]) {
      const tx = byHash.get(hash);
      if (!tx) wake({ kind: "passed" });
      else if (tx.code !== 0) wake({ kind: "look" });
      else wake({ kind: "found", found: { hash, height: String(height), tx_result: { code: 0, ...(tx.gasUsed ? { gas_used: tx.gasUsed } : {}) } } });
    }
  }
}
