import { useEffect, useState } from "react";
import type { BidEngineSettings } from "../../../../common/bidengine-schemas";
import type { ProviderApi } from "../../../../common/api";
import type { ContractError } from "../../../../common/envelope";
import type { PreviewPriceOutput } from "../../../../common/pricing-preview-schemas";

export type PreviewState =
  | { status: "idle" }
  | { status: "loading"; last: PreviewPriceOutput | null }
  | { status: "ok"; value: PreviewPriceOutput }
  | { status: "error"; error: ContractError };

/**
 * Asks the app to price the draft (`bidengine.previewPrice`) a moment after the owner stops typing;
 * an answer for an older draft is dropped. `settings` null (the draft is invalid) keeps the last preview.
 */
export function usePricePreview(api: ProviderApi, settings: BidEngineSettings | null, utilisationPercent: number, gpuModels: readonly string[], delayMs = 200): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: "idle" });
  const key = settings ? JSON.stringify({ settings, utilisationPercent, gpuModels }) : null;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ status: "loading", last: s.status === "ok" ? s.value : s.status === "loading" ? s.last : null }));
    const timer = setTimeout(() => {
      api["bidengine.previewPrice"](JSON.parse(key)).then(
        (envelope) => {
          if (!current) return;
          setState(envelope.ok ? { status: "ok", value: envelope.value } : { status: "error", error: envelope.error });
        },
        (error: unknown) => {
          if (current) setState({ status: "error", error: { code: "TRANSPORT", message: error instanceof Error ? error.message : String(error) } });
        },
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, delayMs]);
  return state;
}
