import type { MethodInput } from "../../common/contract";
import type { EventName, MethodName } from "../../common/names";
import type { App } from "../../main/app";

// For each method: a valid input, and an invalid one the contract must refuse with INVALID_INPUT.
// For each event: how to make the app emit it. The suite fails when a new name lacks an entry here.

export const methodSamples: { [M in MethodName]: { valid: MethodInput<M>; invalid: unknown } } = {
  "app.info": { valid: undefined, invalid: { unexpected: true } },
  "system.summary": { valid: undefined, invalid: 42 },
  "settings.get": { valid: undefined, invalid: "settings" },
  "settings.update": { valid: { closeToTray: false }, invalid: { network: "moon-1" } },
};

export const eventTriggers: { [E in EventName]: (app: App) => Promise<unknown> } = {
  "settings.changed": (app) => app.call("settings.update", { startAtLogin: true }),
};
