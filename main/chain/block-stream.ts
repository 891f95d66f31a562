import WebSocket from "ws";
import type { RpcPool } from "./rpc-pool";

// The block/event stream other services subscribe to: CometBFT's WebSocket `NewBlockHeader`
// subscription says a block exists, `block_results` (through the RPC pool) gives its events. When the
// socket fails the stream polls `status` instead, and goes back to the socket after a backoff. Heights
// are delivered in order, each once; a gap is filled from block_results (bounded: a long outage is
// caught up by state queries, not by replaying history).

export interface AbciEvent {
  type: string;
  attributes: { key: string; value: string }[];
}

export interface BlockEvents {
  height: number;
  txs: { index: number; code: number; events: AbciEvent[] }[];
  /** finalize_block_events (begin/end block events in CometBFT 0.38). */
  block: AbciEvent[];
}

export type BlockListener = (block: BlockEvents) => void;

export interface BlockStreamOptions {
  pool: RpcPool;
  /** The WebSocket URL for the pool's active endpoint, or null to poll only. */
  wsUrl: () => string | null;
  pollMs?: number;
  reconnectMs?: number;
  /** At most this many missed blocks are replayed; older ones are skipped. */
  maxCatchUp?: number;
  log?: (line: string) => void;
}

export class BlockStream {
  private readonly listeners = new Set<BlockListener>();
  private socket: WebSocket | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private delivered = 0;
  private running = false;
  private chain: Promise<void> = Promise.resolve();
  private currentMode: "websocket" | "polling" | "stopped" = "stopped";

  constructor(private readonly o: BlockStreamOptions) {}

  subscribe(listener: BlockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  mode(): "websocket" | "polling" | "stopped" {
    return this.currentMode;
  }

  lastHeight(): number {
    return this.delivered;
  }

  /** Starts after `fromHeight` (default: the chain's current height, i.e. only new blocks). */
  async start(fromHeight?: number): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.delivered = fromHeight ?? (await this.latestHeight().catch(() => 0));
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.currentMode = "stopped";
    this.stopPolling();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.socket?.removeAllListeners();
    this.socket?.on("error", () => {});
    this.socket?.terminate();
    this.socket = null;
  }

  /** One polling step (also what the timer runs): deliver every block up to the chain's height. */
  pollOnce(): Promise<void> {
    return this.enqueue(async () => this.deliverUpTo(await this.latestHeight()));
  }

  private connect(): void {
    const url = this.o.wsUrl();
    if (!url) return this.startPolling();
    const socket = new WebSocket(url, { handshakeTimeout: 5000 });
    this.socket = socket;
    socket.on("open", () => {
      socket.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "subscribe", params: { query: "tm.event='NewBlockHeader'" } }));
      this.currentMode = "websocket";
      this.stopPolling();
      void this.pollOnce(); // blocks made while we were connecting
    });
    socket.on("message", (data) => {
      const height = headerHeight(data.toString());
      if (height !== null) void this.enqueue(() => this.deliverUpTo(height));
    });
    const fallBack = () => {
      if (this.socket !== socket || !this.running) return;
      this.socket = null;
      this.o.log?.("[chain] block stream: WebSocket lost, polling until it is back");
      this.startPolling();
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        if (this.running) this.connect();
      }, this.o.reconnectMs ?? 15_000);
      this.reconnectTimer.unref?.();
    };
    socket.on("error", fallBack);
    socket.on("close", fallBack);
  }

  private startPolling(): void {
    this.currentMode = "polling";
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => void this.pollOnce().catch(() => {}), this.o.pollMs ?? 3000);
    this.pollTimer.unref?.();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch((error: unknown) => this.o.log?.(`[chain] block stream: ${(error as Error).message}`));
    return run;
  }

  private async deliverUpTo(height: number): Promise<void> {
    if (!this.running || height <= this.delivered) return;
    const maxCatchUp = this.o.maxCatchUp ?? 50;
    if (height - this.delivered > maxCatchUp) this.delivered = height - maxCatchUp;
    for (let h = this.delivered + 1; h <= height && this.running; h++) {
      const block = await this.blockResults(h);
      this.delivered = h;
      for (const listener of this.listeners) {
        try {
          listener(block);
        } catch (error) {
          this.o.log?.(`[chain] block listener failed at ${h}: ${(error as Error).message}`);
        }
      }
    }
  }

  private async latestHeight(): Promise<number> {
    const status = await this.o.pool.call<{ sync_info?: { latest_block_height?: string } }>("status");
    const height = Number(status?.sync_info?.latest_block_height);
    if (!Number.isSafeInteger(height) || height < 0) throw new Error("status without a block height");
    return height;
  }

  private async blockResults(height: number): Promise<BlockEvents> {
    const raw = await this.o.pool.call<RawBlockResults>("block_results", { height: String(height) });
    return {
      height,
      txs: (raw?.txs_results ?? []).map((tx, index) => ({ index, code: Number(tx?.code ?? 0), events: events(tx?.events) })),
      block: events(raw?.finalize_block_events ?? [...(raw?.begin_block_events ?? []), ...(raw?.end_block_events ?? [])]),
    };
  }
}

interface RawEvent {
  type?: unknown;
  attributes?: { key?: unknown; value?: unknown }[] | null;
}

interface RawBlockResults {
  txs_results?: ({ code?: number; events?: RawEvent[] | null } | null)[] | null;
  finalize_block_events?: RawEvent[] | null;
  begin_block_events?: RawEvent[] | null;
  end_block_events?: RawEvent[] | null;
}

function events(list: RawEvent[] | null | undefined): AbciEvent[] {
  return (list ?? []).map((e) => ({
    type: String(e.type ?? ""),
    attributes: (e.attributes ?? []).map((a) => ({ key: String(a.key ?? ""), value: a.value === null || a.value === undefined ? "" : String(a.value) })),
  }));
}

/** The height of a NewBlockHeader event message, or null for anything else (the subscribe ack, errors). */
export function headerHeight(text: string): number | null {
  try {
    const message = JSON.parse(text) as { result?: { data?: { type?: string; value?: { header?: { height?: string } } } } };
    if (message.result?.data?.type !== "tendermint/event/NewBlockHeader") return null;
    const height = Number(message.result.data.value?.header?.height);
    return Number.isSafeInteger(height) && height > 0 ? height : null;
  } catch {
    return null;
  }
}

/** http(s)://host:port → ws(s)://host:port/websocket */
export function websocketUrl(rpcUrl: string): string {
  return `${rpcUrl.replace(/^http/u, "ws").replace(/\/+$/u, "")}/websocket`;
}
