import type { Handlers } from "../../common/contract";
import { ContractFailure } from "../../common/envelope";
import type { BidSettingsRepo } from "./bid-settings-repo";
import type { DecisionRepo } from "./decision-repo";
import type { CompiledContext } from "./engine-context";
import { screen, ScreenInputError } from "./screen";

type BidEngineHandlers = Pick<Handlers, "bidengine.screen" | "bidengine.decisions" | "bidengine.settings" | "bidengine.updateSettings">;

export interface BidEngineHandlerDeps {
  settings: BidSettingsRepo;
  decisions: DecisionRepo;
  /** The context decisions are made in now (settings, inventory, clock, balances…). */
  context: () => CompiledContext | Promise<CompiledContext>;
}

export function bidEngineHandlers(deps: BidEngineHandlerDeps): BidEngineHandlers {
  return {
    "bidengine.screen": async ({ order }) => {
      const ctx = await deps.context();
      try {
        return screen(order, ctx);
      } catch (error) {
        if (error instanceof ScreenInputError) throw new ContractFailure("INVALID_INPUT", error.message);
        throw error;
      }
    },
    "bidengine.decisions": (query) => ({
      decisions: deps.decisions
        .list({ ...query, since: query.since ? new Date(query.since) : undefined })
        .map(({ id, view }) => ({ id, ...view })),
    }),
    "bidengine.settings": () => deps.settings.get(),
    "bidengine.updateSettings": (patch) => deps.settings.update(patch),
  };
}
