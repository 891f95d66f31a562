// The contract's method and event names. Zero dependencies: the preload bundle imports only this file,
// so it stays a few hundred bytes. common/contract.ts checks at compile time that every name here has
// a schema and that every schema has a name.

export const METHOD_NAMES = [
  "app.info",
  "system.summary",
  "settings.get",
  "settings.update",
] as const;

export const EVENT_NAMES = ["settings.changed"] as const;

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
