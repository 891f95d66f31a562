// The contract's method and event names. Zero dependencies: the preload bundle imports only this file,
// so it stays a few hundred bytes. common/contract.ts checks at compile time that every name here has
// a schema and that every schema has a name.

export const METHOD_NAMES = [
  "app.info",
  "system.summary",
  "settings.get",
  "settings.update",
  "devnet.status",
  "devnet.reset",
  "bidengine.screen",
  "bidengine.decisions",
  "bidengine.settings",
  "bidengine.updateSettings",
  "bidengine.previewPrice",
  "bidengine.status",
  "bidengine.pause",
  "bidengine.resume",
  "bidengine.setGaming",
  "uptime.summary",
  "uptime.incidents",
  "uptime.check",
  "uptime.updateSettings",
  "earnings.summary",
  "earnings.leases",
  "earnings.gpus",
  "earnings.breakEven",
  "earnings.exportCsv",
  "earnings.reconcile",
  "earnings.withdraw",
  "earnings.settings",
  "earnings.updateSettings",
  "earnings.schedule",
  "earnings.price",
  "wallet.status",
  "wallet.create",
  "wallet.confirmBackup",
  "wallet.import",
  "wallet.importBackup",
  "wallet.unlock",
  "wallet.lock",
  "wallet.changePassphrase",
  "wallet.exportBackup",
  "chain.rpcStatus",
  "chain.transactions",
  "chain.setEndpoints",
  "chain.faucet",
  "provider.preview",
  "provider.plan",
  "provider.apply",
  "cert.status",
  "cert.publish",
  "cert.revoke",
  "treasury.balances",
  "treasury.validators",
  "treasury.burnAct",
  "treasury.stake",
  "treasury.claimRewards",
  "treasury.sweep",
  "hardware.report",
  "hardware.gpuModels",
  "hardware.setGpuModel",
  "hardware.settings",
  "hardware.updateSettings",
  "hardware.energy",
  "hardware.capacity",
  "hardware.ownerActivity",
  "cluster.preflight",
  "cluster.plan",
  "cluster.install",
  "cluster.status",
  "cluster.health",
  "cluster.uninstall",
  "cluster.joinToken",
  "status.overview",
  "notifications.settings",
  "notifications.updateSettings",
  "gateway.status",
  "gateway.gpuReclaimImpact",
] as const;

export const EVENT_NAMES = ["settings.changed", "wallet.changed", "cluster.progress", "uptime.changed", "status.changed", "bidengine.changed"] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The one Electron IPC channel for calls, and the one for events (main → renderer). */
export const IPC_CALL_CHANNEL = "provider:call";
export const IPC_EVENT_CHANNEL = "provider:event";

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === "string" && (METHOD_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === "string" && (EVENT_NAMES as readonly string[]).includes(value);
}
