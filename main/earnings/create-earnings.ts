import type { Db } from "../store/database";
import { earningsHandlers } from "./earnings-handlers";
import { EarningsService, type EarningsDeps } from "./earnings-service";
import { leaseGpuIntervals } from "./lease-gpu-intervals";
import { LedgerRepo } from "./ledger-repo";
import { EarningsSettingsStore } from "./settings-store";
import { WithdrawTimer, type Timer } from "./withdraw-timer";

export interface EarningsOptions {
  /** Start the scheduler's timer (default on: a tick every 10 minutes; tests pass false and call `tick`). */
  autoStart?: boolean;
  intervalMs?: number;
  timer?: Timer;
}

/** Builds the earnings service on the app's database; the caller passes the chain, wallet and hardware ends. */
export function createEarnings(db: Db, deps: Omit<EarningsDeps, "repo" | "settings" | "leaseGpus">, options: EarningsOptions = {}) {
  const service = new EarningsService({ ...deps, repo: new LedgerRepo(db), settings: new EarningsSettingsStore(db), leaseGpus: leaseGpuIntervals(db) });
  const timer = new WithdrawTimer(() => service.tick(), deps.log ?? (() => undefined), options.timer);
  if (options.autoStart !== false) timer.start(options.intervalMs);
  return { service, timer, handlers: earningsHandlers(service) };
}
