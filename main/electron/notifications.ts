import type { NativeImage, NotificationConstructorOptions } from "electron";
import type { Notice } from "../notify";

// Thin adapter from the policy's notices to Electron's Notification. Clicking one opens the dashboard.

export interface NotificationLike {
  show(): void;
  on(event: "click", listener: () => void): unknown;
}

export interface NotificationDeps {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): NotificationLike;
  icon?: NativeImage;
}

export function createDesktopNotifier(deps: NotificationDeps, onClick: () => void, log?: (line: string) => void): (notice: Notice) => void {
  // Kept until clicked or replaced: a garbage-collected Notification loses its click handler.
  const live = new Set<NotificationLike>();
  return (notice) => {
    if (!deps.isSupported()) {
      log?.(`[notify] notifications unsupported here: ${notice.title}`);
      return;
    }
    const notification = deps.create({ title: notice.title, body: notice.body, silent: notice.kind === "leaseClosed", ...(deps.icon ? { icon: deps.icon } : {}) });
    live.add(notification);
    if (live.size > 20) live.delete(live.values().next().value!);
    notification.on("click", () => {
      live.delete(notification);
      onClick();
    });
    notification.show();
  };
}
