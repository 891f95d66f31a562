import type { LeaseStatus, TimerPort } from "../../gateway/ports";
import { isRolledOut } from "./lease-status";

export type RolloutResult = { state: "available"; status: LeaseStatus } | { state: "timeout"; status: LeaseStatus | null };

/**
 * Polls lease status until every service has its replicas available or `timeoutMs` passes (on the
 * injected timers, so tests move time instead of sleeping). Image pulls for GPU images take
 * minutes; the caller decides what a timeout means (provider-services retries, then closes the
 * lease as unstable).
 */
export function watchRollout(read: () => Promise<LeaseStatus | null>, timers: TimerPort, options: { intervalMs: number; timeoutMs: number }): Promise<RolloutResult> {
  return new Promise((resolve) => {
    let waited = 0;
    let last: LeaseStatus | null = null;
    const tick = () => {
      read().then(
        (status) => {
          last = status;
          if (status && isRolledOut(status)) return resolve({ state: "available", status });
          schedule();
        },
        () => schedule(),
      );
    };
    const schedule = () => {
      if (waited >= options.timeoutMs) return resolve({ state: "timeout", status: last });
      waited += options.intervalMs;
      timers.set(options.intervalMs, tick);
    };
    tick();
  });
}
