import type { Handlers } from "../../common/contract";
import type { EarningsService } from "./earnings-service";

export function earningsHandlers(service: EarningsService): Pick<
  Handlers,
  "earnings.summary" | "earnings.leases" | "earnings.gpus" | "earnings.breakEven" | "earnings.exportCsv" | "earnings.reconcile" | "earnings.withdraw" | "earnings.settings" | "earnings.updateSettings" | "earnings.schedule" | "earnings.price"
> {
  return {
    "earnings.summary": (query) => service.summary(query),
    "earnings.leases": (range) => service.leases(range),
    "earnings.gpus": (range) => service.gpus(range),
    "earnings.breakEven": () => service.breakEven(),
    "earnings.exportCsv": (range) => service.exportCsv(range),
    "earnings.reconcile": () => service.reconcileNow(),
    "earnings.withdraw": () => service.withdraw(true),
    "earnings.settings": () => service.settings(),
    "earnings.updateSettings": (patch) => service.updateSettings(patch),
    "earnings.schedule": () => service.schedule(),
    "earnings.price": () => service.prices.current(),
  };
}
