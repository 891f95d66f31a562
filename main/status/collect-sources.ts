import type { Handlers } from "../../common/contract";
import type { EngineStatusView } from "../../common/bidengine-live-schemas";
import { rpcUnhealthy } from "./alerts";
import { NO_SOURCES, type EngineStatus, type StatusSources } from "./sources";

// Reads every source the status is made of, through the same handlers the UI calls. Each read is on
// its own: one that fails or hangs leaves its field null (unknown) and never fails the overview.

export type StatusHandlers = Pick<
  Handlers,
  | "wallet.status"
  | "chain.rpcStatus"
  | "hardware.report"
  | "hardware.ownerActivity"
  | "cluster.status"
  | "bidengine.settings"
  | "bidengine.decisions"
  | "bidengine.status"
  | "treasury.balances"
  | "earnings.price"
  | "earnings.leases"
  | "earnings.summary"
>;

export interface CollectDeps {
  handlers: StatusHandlers;
  now: () => Date;
  /** How long one source may take before it counts as unknown. */
  timeoutMs?: number;
}

const DAY_MS = 86_400_000;

export async function collectSources(deps: CollectDeps): Promise<StatusSources> {
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const read = <T>(fn: () => T | Promise<T>): Promise<Awaited<T> | null> => withTimeout(fn, timeoutMs);
  const h = deps.handlers;
  const now = deps.now();
  const wallet = await read(() => h["wallet.status"](undefined));
  // Chain-backed reads need an address; without one they would only fail.
  const hasAddress = wallet?.address != null;
  // The pool's last health can be stale (e.g. checked before the local devnet listened): a pool that
  // looks down is asked once more, with a fresh check, before the status says the chain is unreachable.
  const readRpc = async () => {
    const cached = await read(() => h["chain.rpcStatus"](undefined));
    return rpcUnhealthy(cached) ? ((await read(() => h["chain.rpcStatus"]({ refresh: true }))) ?? cached) : cached;
  };
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const todayTo = new Date(Math.max(now.getTime(), midnight.getTime() + 1));

  const [engineView, rpc, hardware, activity, cluster, bidSettings, decisions, balances, price, leases, today] = await Promise.all([
    read(() => h["bidengine.status"](undefined)),
    readRpc(),
    read(() => h["hardware.report"](undefined)),
    read(() => h["hardware.ownerActivity"](undefined)),
    read(() => h["cluster.status"](undefined)),
    read(() => h["bidengine.settings"](undefined)),
    read(() => h["bidengine.decisions"]({ outcome: "bid", since: new Date(now.getTime() - DAY_MS).toISOString(), limit: 1000 })),
    hasAddress ? read(() => h["treasury.balances"](undefined)) : null,
    hasAddress ? read(() => h["earnings.price"](undefined)) : null,
    hasAddress ? read(() => h["earnings.leases"]({ from: new Date(now.getTime() - DAY_MS).toISOString(), to: now.toISOString() })) : null,
    hasAddress ? read(() => h["earnings.summary"]({ from: midnight.toISOString(), to: todayTo.toISOString(), granularity: "day" })) : null,
  ]);
  const engine = engineView ? engineStatus(engineView) : null;
  return {
    ...NO_SOURCES,
    wallet,
    rpc,
    hardware,
    activity,
    cluster,
    bidSettings,
    bidsLastDay: decisions ? decisions.decisions.length : null,
    balances,
    price,
    leases,
    todayNetUsdMicro: today ? today.totals.netUsdMicro : null,
    engine,
  };
}

async function withTimeout<T>(fn: () => T | Promise<T>, ms: number): Promise<Awaited<T> | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([Promise.resolve().then(fn).catch(() => null), timeout]) as Awaited<T> | null;
  } finally {
    clearTimeout(timer);
  }
}

/** The engine's own view → the status' words; a stopped engine (or none) is "not running". */
export function engineStatus(view: EngineStatusView): EngineStatus | null {
  if (view.state === "stopped") return null;
  const state = view.state === "running" ? "bidding" : view.state === "starting" ? "offline" : view.state;
  const reason = view.reason ?? (view.state === "starting" ? "The bid engine is starting." : null);
  return { state, reason, openBids: view.openBids, activeLeases: view.activeLeases, leaseIds: view.leases.map((l) => l.key), gamingMode: view.gamingMode };
}
