import type { Handlers } from "../../common/contract";
import type { NotificationSettingsRepo } from "./notification-settings-repo";
import type { StatusService } from "./status-service";

type StatusMethods = Pick<Handlers, "status.overview" | "notifications.settings" | "notifications.updateSettings">;

export function statusHandlers(service: StatusService, notifications: NotificationSettingsRepo): StatusMethods {
  return {
    "status.overview": (input) => service.overview(input?.refresh ?? false),
    "notifications.settings": () => notifications.get(),
    "notifications.updateSettings": (patch) => notifications.update(patch),
  };
}
