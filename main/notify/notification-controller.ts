import type { NotificationSettings, StatusOverview } from "../../common/status-schemas";
import { evaluateNotifications, INITIAL_POLICY_STATE, type Notice, type PolicyState } from "./notification-policy";

// Feeds each overview (and a periodic tick, so "offline for two minutes" fires without a new
// overview) through the policy, and hands the resulting notices to whatever shows them.

export interface NotificationControllerDeps {
  settings: () => Promise<NotificationSettings>;
  show: (notice: Notice) => void;
  now: () => number;
  log?: (line: string) => void;
}

export class NotificationController {
  private state: PolicyState = INITIAL_POLICY_STATE;
  private latest: StatusOverview | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: NotificationControllerDeps) {}

  /** A new overview; resolves once its notices were shown. Calls are handled one after another. */
  onOverview(overview: StatusOverview): Promise<void> {
    this.latest = overview;
    return this.enqueue(overview);
  }

  /** Re-evaluates the latest overview as time passes. */
  tick(): Promise<void> {
    return this.latest ? this.enqueue(this.latest) : Promise.resolve();
  }

  private enqueue(overview: StatusOverview): Promise<void> {
    this.queue = this.queue.then(async () => {
      try {
        const settings = await this.deps.settings();
        const { state, notices } = evaluateNotifications(this.state, overview, settings, this.deps.now());
        this.state = state;
        for (const notice of notices) this.deps.show(notice);
      } catch (error) {
        this.deps.log?.(`[notify] ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return this.queue;
  }
}
