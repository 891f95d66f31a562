import type { EventPayload, MethodInput, MethodOutput } from "./contract";
import type { Envelope } from "./envelope";
import type { EventName, MethodName } from "./names";

/** What the renderer talks to: the preload's `window.provider`, or the loopback bridge client. */
export type ProviderApi = {
  [M in MethodName]: (input?: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
} & {
  subscribe<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
};
