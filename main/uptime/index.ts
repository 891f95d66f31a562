// Uptime's public surface.
export { probeConnect } from "./connect-probe";
export { createUptime, type UptimeOptions, type UptimePorts } from "./create-uptime";
export { chainOutcome, kubeOutcome } from "./probe-adapters";
export { down, unknown, up, type Probe, type ProbeOutcome } from "./probe-outcome";
export { uptimeHandlers } from "./uptime-handlers";
export { MINUTE_MS, UptimeRepo } from "./uptime-repo";
export { UptimeService, type UptimeTimer } from "./uptime-service";
export { UPTIME_MIGRATION_SQL } from "./uptime-migration";
