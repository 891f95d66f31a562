import { events, type EventPayload } from "../common/contract";
import type { EventName } from "../common/names";

export type EventListener = (event: EventName, payload: unknown) => void;

/** The app's event bus: services emit validated payloads, transports forward them to the UI. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    // A payload that breaks the contract is a bug in main: fail loudly here, not in the renderer.
    const checked = events[event].parse(payload);
    for (const listener of this.listeners) listener(event, checked);
  }

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
