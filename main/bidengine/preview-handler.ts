import type { Handlers } from "../../common/contract";
import { previewPrice } from "./preview-price";

// `bidengine.previewPrice`, kept apart from the engine's other handlers: it needs only the clock.
// Market data joins here once the chain client supplies active lease prices.
export function previewPriceHandler(now: () => Date): Pick<Handlers, "bidengine.previewPrice"> {
  return {
    "bidengine.previewPrice": ({ settings, utilisationPercent, gpuModels }) => previewPrice(settings, { utilisationPercent, gpuModels, now: now() }),
  };
}
