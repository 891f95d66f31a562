export { EarningsService, type EarningsDeps, type LeaseGpuInterval } from "./earnings-service";
export { earningsHandlers } from "./earnings-handlers";
export { LedgerRepo } from "./ledger-repo";
export { EarningsSettingsStore, DEFAULT_EARNINGS_SETTINGS } from "./settings-store";
export { EARNINGS_MIGRATION_SQL } from "./earnings-migration";
export { leaseGpuIntervals } from "./lease-gpu-intervals";
export { WithdrawTimer } from "./withdraw-timer";
