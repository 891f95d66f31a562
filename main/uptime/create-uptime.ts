import type { UptimeChanged } from "../../common/uptime-schemas";
import type { Db } from "../store/database";
import { probeConnect } from "./connect-probe";
import { unknown, up, type Probe } from "./probe-outcome";
import { UptimeRepo } from "./uptime-repo";
import { UptimeService, type UptimeTimer } from "./uptime-service";

export interface UptimeOptions {
  timer?: UptimeTimer;
  /** false: the composition root does not start the minute timer (tests call `uptime.check`). */
  autoStart?: boolean;
  /** Replaces a probe (tests). */
  probes?: Partial<Record<"chain" | "kube" | "gateway", Probe>>;
  gatewayTimeoutMs?: number;
}

export interface UptimePorts {
  now: () => Date;
  emit: (event: UptimeChanged) => void;
  log?: (line: string) => void;
  /** The chain client's RPC pool health (after a fresh check). */
  chain?: Probe;
  /** The k3s node's readiness. */
  kube?: Probe;
}

/** Uptime for the composition root: the repo, the four probes, and the minute scheduler. */
export function createUptime(db: Db, ports: UptimePorts, options: UptimeOptions = {}): { service: UptimeService; repo: UptimeRepo } {
  const repo = new UptimeRepo(db);
  const startedAt = ports.now().toISOString();
  const gateway: Probe = async () => {
    const target = repo.gatewayTarget();
    if (!target) return unknown("no public gateway address set: enter the host and port tenants use (from the provider's host URI)");
    return probeConnect(target, { timeoutMs: options.gatewayTimeoutMs ?? 10_000 });
  };
  const service = new UptimeService({
    repo,
    now: ports.now,
    timer: options.timer,
    emit: ports.emit,
    log: ports.log,
    probes: {
      // The app answers this probe by running it: a minute it did not run has no row (a gap).
      app: async () => up(`running since ${startedAt.slice(0, 16).replace("T", " ")} UTC, recording every minute`),
      chain: options.probes?.chain ?? ports.chain ?? (async () => unknown("the chain client is not connected")),
      gateway: options.probes?.gateway ?? gateway,
      kube: options.probes?.kube ?? ports.kube ?? (async () => unknown("k3s is not installed yet")),
    },
  });
  return { service, repo };
}
