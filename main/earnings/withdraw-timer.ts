import { realTimer, type Timer } from "../interval-timer";

export type { Timer } from "../interval-timer";

// Runs the scheduler's tick every `intervalMs` on an injected timer (tests pass a manual one). A tick
// that is still running when the next is due is not overlapped; errors are logged, never thrown.

export class WithdrawTimer {
  private handle: unknown = null;
  private busy = false;

  constructor(
    private readonly tick: () => Promise<void>,
    private readonly log: (line: string) => void,
    private readonly timer: Timer = realTimer,
  ) {}

  start(intervalMs = 10 * 60_000): void {
    if (this.handle !== null) return;
    this.handle = this.timer.setInterval(() => void this.runOnce(), intervalMs);
  }

  async runOnce(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.tick();
    } catch (error) {
      this.log(`[earnings] scheduler tick failed: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    if (this.handle === null) return;
    this.timer.clearInterval(this.handle);
    this.handle = null;
  }
}
