import type { Handlers } from "../../common/contract";
import type { UptimeRepo } from "./uptime-repo";
import type { UptimeService } from "./uptime-service";

type UptimeHandlers = Pick<Handlers, "uptime.summary" | "uptime.incidents" | "uptime.check" | "uptime.updateSettings">;

export function uptimeHandlers(service: UptimeService, repo: UptimeRepo): UptimeHandlers {
  return {
    "uptime.summary": () => service.summary(),
    "uptime.incidents": (query) => ({ incidents: service.incidents(query ?? {}) }),
    "uptime.check": async () => {
      await service.check();
      return service.summary();
    },
    "uptime.updateSettings": async ({ gateway }) => {
      repo.setGatewayTarget(gateway);
      // Check at once, so the owner sees whether the address works without waiting a minute.
      await service.check();
      return service.summary();
    },
  };
}
