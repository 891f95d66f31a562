import { z } from "zod";
import type { EventName, MethodName } from "./names";
import { AppInfo, Settings, SettingsPatch, SystemSummary } from "./schemas";

// The one contract: every method's input and output and every event's payload. Both transports
// (Electron IPC and the loopback bridge) and both ends (main and renderer) derive their types from it.

const NoInput = z.undefined().or(z.object({}).strict().transform(() => undefined));

export const methods = {
  "app.info": { input: NoInput, output: AppInfo },
  "system.summary": { input: NoInput, output: SystemSummary },
  "settings.get": { input: NoInput, output: Settings },
  "settings.update": { input: SettingsPatch, output: Settings },
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  "settings.changed": Settings,
} satisfies Record<EventName, z.ZodType>;

// Compile-time check that names.ts and the schemas list the same methods and events.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const methodsMatch: Exact<keyof typeof methods, MethodName> = true;
const eventsMatch: Exact<keyof typeof events, EventName> = true;
void methodsMatch;
void eventsMatch;

export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]["input"]>;
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]["output"]>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What main implements: one function per method, taking validated input. */
export type Handlers = {
  [M in MethodName]: (input: z.output<(typeof methods)[M]["input"]>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};
