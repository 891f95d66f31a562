import type { RpcEndpointHealth, RpcPoolSnapshot } from "../../common/chain-schemas";
import type { NetworkId } from "../../common/schemas";
import { RpcResponseError, RpcUnavailableError } from "./rpc-errors";

// A pool of CometBFT JSON-RPC endpoints: health-checked with `status`, ranked by health and latency,
// failing over on transport errors and stalls, with exponential backoff for endpoints that fail.
// A JSON-RPC error answer (e.g. "tx not found") is the node working correctly: no failover for it.

export interface RpcPoolOptions {
  network: NetworkId;
  chainId: string;
  endpoints: readonly string[];
  /** Wall clock (ms since epoch): backoff deadlines and "last checked" stamps. */
  now?: () => number;
  /** Monotonic clock (ms) for latency. */
  monotonic?: () => number;
  fetch?: typeof fetch;
  /** A call that has not answered by then counts as a stall and fails over. */
  timeoutMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** Blocks behind the best endpoint before one counts as degraded. */
  maxLagBlocks?: number;
  maxResponseBytes?: number;
}

export interface CallOptions {
  timeoutMs?: number;
  /** false: one attempt on the best endpoint, no failover (for broadcasts: never send twice blindly). */
  failover?: boolean;
}

interface EndpointState {
  url: string;
  order: number;
  checked: boolean;
  healthy: boolean;
  latencyMs: number | null;
  height: number | null;
  consecutiveFailures: number;
  lastError: string | null;
  lastCheckedAt: number | null;
  retryAt: number | null;
  /** Set when `status` shows another chain; only a later `status` clears it. Such a node is never used. */
  wrongChain: string | null;
}

export class RpcPool {
  private readonly endpoints: EndpointState[];
  private readonly now: () => number;
  private readonly monotonic: () => number;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly maxLag: number;
  private readonly maxBytes: number;
  private nextId = 1;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly o: RpcPoolOptions) {
    if (o.endpoints.length === 0) throw new Error("RpcPool needs at least one endpoint");
    this.endpoints = [...new Set(o.endpoints)].map((url, order) => ({
      url: url.replace(/\/+$/u, ""),
      order,
      checked: false,
      healthy: false,
      latencyMs: null,
      height: null,
      consecutiveFailures: 0,
      lastError: null,
      lastCheckedAt: null,
      retryAt: null,
      wrongChain: null,
    }));
    this.now = o.now ?? Date.now;
    this.monotonic = o.monotonic ?? (() => performance.now());
    this.fetchFn = o.fetch ?? fetch;
    this.timeoutMs = o.timeoutMs ?? 8000;
    this.backoff = o.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 };
    this.maxLag = o.maxLagBlocks ?? 10;
    this.maxBytes = o.maxResponseBytes ?? 32 * 1024 * 1024;
  }

  get chainId(): string {
    return this.o.chainId;
  }

  /** One JSON-RPC call, on the best endpoint, failing over to the next on a transport error or stall. */
  async call<T = unknown>(method: string, params: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    const ranked = this.ranked();
    const candidates = options.failover === false ? ranked.slice(0, 1) : ranked;
    const attempts: { url: string; error: string }[] = [];
    for (const endpoint of candidates) {
      try {
        return (await this.attempt(endpoint, method, params, options.timeoutMs ?? this.timeoutMs)) as T;
      } catch (error) {
        if (error instanceof RpcResponseError) throw error;
        attempts.push({ url: endpoint.url, error: (error as Error).message });
      }
    }
    const detail = attempts.map((a) => `${a.url}: ${a.error}`).join("; ");
    throw new RpcUnavailableError(`No ${this.o.network} RPC endpoint answered ${method} (${detail || "all are backing off"}). Check your internet connection; the app keeps retrying.`, attempts);
  }

  /** Probes every endpoint with `status` (in parallel); updates health, height and latency. */
  async checkHealth(): Promise<RpcPoolSnapshot> {
    await Promise.all(
      this.endpoints.map(async (endpoint) => {
        try {
          const status = (await this.attempt(endpoint, "status", {}, this.timeoutMs)) as StatusResult;
          const network = status?.node_info?.network;
          endpoint.wrongChain = network === this.o.chainId ? null : `serves chain ${String(network)}, expected ${this.o.chainId}`;
          if (endpoint.wrongChain) throw this.fail(endpoint, endpoint.wrongChain);
          if (status.sync_info?.catching_up === true) throw this.fail(endpoint, "still catching up with the chain");
          const height = Number(status.sync_info?.latest_block_height);
          endpoint.height = Number.isSafeInteger(height) ? height : null;
        } catch {
          // Recorded on the endpoint by attempt()/fail().
        }
      }),
    );
    return this.snapshot();
  }

  /** Periodic health checks; the timer never keeps the process alive. */
  start(intervalMs = 30_000): void {
    if (this.timer) return;
    void this.checkHealth();
    this.timer = setInterval(() => void this.checkHealth(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** "Which endpoint, how healthy", for the UI. */
  snapshot(): RpcPoolSnapshot {
    const best = this.bestHeight();
    const ranked = this.ranked();
    const active = ranked[0] && this.statusOf(ranked[0], best) !== "down" ? ranked[0].url : null;
    return {
      network: this.o.network,
      chainId: this.o.chainId,
      active,
      endpoints: this.endpoints.map((e): RpcEndpointHealth => ({
        url: e.url,
        status: this.statusOf(e, best),
        latencyMs: e.latencyMs === null ? null : Math.round(e.latencyMs * 10) / 10,
        height: e.height,
        consecutiveFailures: e.consecutiveFailures,
        lastError: e.lastError,
        lastCheckedAt: e.lastCheckedAt === null ? null : new Date(e.lastCheckedAt).toISOString(),
        retryAt: e.retryAt !== null && e.retryAt > this.now() ? new Date(e.retryAt).toISOString() : null,
      })),
    };
  }

  /** Best first: healthy by latency, then untried, then lagging, then failed ones whose backoff is over. */
  private ranked(): EndpointState[] {
    const now = this.now();
    const best = this.bestHeight();
    const group = (e: EndpointState): number => {
      if (e.wrongChain !== null) return 6;
      if (e.retryAt !== null && e.retryAt > now) return 5;
      const status = this.statusOf(e, best);
      return status === "healthy" ? 0 : status === "unknown" ? 1 : status === "degraded" ? 2 : 3;
    };
    const sorted = [...this.endpoints].sort(
      (a, b) => group(a) - group(b) || (a.latencyMs ?? Infinity) - (b.latencyMs ?? Infinity) || a.order - b.order,
    );
    const usable = sorted.filter((e) => group(e) < 5);
    if (usable.length > 0) return usable;
    // Everything is backing off: try the one due soonest rather than failing without a single attempt.
    return sorted.filter((e) => group(e) === 5).sort((a, b) => (a.retryAt ?? 0) - (b.retryAt ?? 0)).slice(0, 1);
  }

  private statusOf(e: EndpointState, bestHeight: number | null): RpcEndpointHealth["status"] {
    if (!e.checked) return "unknown";
    if (!e.healthy || e.wrongChain !== null) return "down";
    if (bestHeight !== null && e.height !== null && bestHeight - e.height > this.maxLag) return "degraded";
    return "healthy";
  }

  private bestHeight(): number | null {
    const heights = this.endpoints.filter((e) => e.healthy && e.height !== null).map((e) => e.height!);
    return heights.length ? Math.max(...heights) : null;
  }

  private async attempt(endpoint: EndpointState, method: string, params: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
    const id = this.nextId++;
    const started = this.monotonic();
    let body: RpcEnvelope;
    try {
      const response = await this.fetchFn(endpoint.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id, method, params }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await readLimited(response, this.maxBytes);
      if (!response.ok && !text.trimStart().startsWith("{")) throw new Error(`HTTP ${response.status}`);
      try {
        body = JSON.parse(text) as RpcEnvelope;
      } catch {
        throw new Error(`HTTP ${response.status}, not JSON-RPC`);
      }
      if (typeof body !== "object" || body === null || (!("result" in body) && !("error" in body))) throw new Error("not a JSON-RPC answer");
    } catch (error) {
      const name = (error as Error).name;
      const reason = name === "TimeoutError" || name === "AbortError" ? `no answer within ${timeoutMs} ms` : describeNetworkError(error);
      throw this.fail(endpoint, reason);
    }
    this.succeed(endpoint, this.monotonic() - started);
    if (body.error) {
      const err = body.error;
      throw new RpcResponseError(typeof err.code === "number" ? err.code : -1, String(err.message ?? "RPC error"), typeof err.data === "string" ? err.data : undefined, endpoint.url);
    }
    return body.result;
  }

  private succeed(e: EndpointState, latency: number): void {
    e.checked = true;
    e.healthy = true;
    e.consecutiveFailures = 0;
    e.retryAt = null;
    e.lastError = e.wrongChain;
    e.lastCheckedAt = this.now();
    // Smooth so one slow answer does not reorder the pool; the first sample sets it outright.
    e.latencyMs = e.latencyMs === null ? latency : e.latencyMs * 0.7 + latency * 0.3;
  }

  private fail(e: EndpointState, reason: string): Error {
    e.checked = true;
    e.healthy = false;
    e.consecutiveFailures++;
    e.lastError = reason;
    e.lastCheckedAt = this.now();
    const delay = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** (e.consecutiveFailures - 1));
    e.retryAt = this.now() + delay;
    return new Error(reason);
  }
}

interface RpcEnvelope {
  result?: unknown;
  error?: { code?: unknown; message?: unknown; data?: unknown };
}

interface StatusResult {
  node_info?: { network?: unknown };
  sync_info?: { latest_block_height?: unknown; catching_up?: unknown };
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new Error(`answer too large (${declared} bytes)`);
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`answer too large (over ${maxBytes} bytes)`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const known: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    UND_ERR_SOCKET: "connection closed by the node",
    ENOTFOUND: "host name not found",
    EAI_AGAIN: "DNS lookup failed",
    ETIMEDOUT: "connection timed out",
    CERT_HAS_EXPIRED: "TLS certificate expired",
  };
  if (cause?.code) return known[cause.code] ?? cause.code;
  return (error as Error).message || String(error);
}
