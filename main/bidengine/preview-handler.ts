import type { Handlers } from "../../common/contract";
import type { ElectricityRatePort } from "./electricity-rate";
import { previewPrice } from "./preview-price";

// `bidengine.previewPrice`, kept apart from the engine's other handlers: it needs only the clock and
// the market feed's last snapshot of the selected network (the "market reference for the same GPU model")
// and the owner's hardware tariff (the floor's electricity price, as the live engine uses it).
export function previewPriceHandler(
  now: () => Date,
  market?: () => ReadonlyMap<string, readonly bigint[]> | undefined,
  electricityRate?: ElectricityRatePort,
): Pick<Handlers, "bidengine.previewPrice"> {
  return {
    "bidengine.previewPrice": ({ settings, utilisationPercent, gpuModels }) =>
      previewPrice(settings, { utilisationPercent, gpuModels, now: now(), marketGpuPrices: market?.(), electricityRate }),
  };
}
