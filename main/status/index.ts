export { cachedFor } from "./cached-read";
export { buildOverview, overviewFingerprint } from "./build-overview";
export { collectSources, type CollectDeps, type StatusHandlers } from "./collect-sources";
export { NotificationSettingsRepo } from "./notification-settings-repo";
export type { EngineStatus, StatusSources } from "./sources";
export { statusHandlers } from "./status-handlers";
export { StatusService, STATUS_INTERVAL_MS, type StatusTimer } from "./status-service";
