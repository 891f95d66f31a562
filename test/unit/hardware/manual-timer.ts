import type { Timer } from "../../../main/hardware/telemetry-sampler";

/** A timer tests drive by hand: nothing fires unless the test says so. */
export class ManualTimer implements Timer {
  readonly active = new Map<number, { fn: () => void; ms: number }>();
  private next = 1;

  setInterval(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.active.set(id, { fn, ms });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.active.delete(handle as number);
  }

  fire(): void {
    for (const { fn } of this.active.values()) fn();
  }
}
