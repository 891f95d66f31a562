import type { Handlers } from "../../common/contract";
import { ContractFailure } from "../../common/envelope";
import type { RpcPool } from "../chain/rpc-pool";
import type { BidSettingsRepo } from "./bid-settings-repo";
import type { DecisionRepo } from "./decision-repo";
import { DeploymentRefError, parseDeploymentText, readDseq } from "./deployment-orders";
import type { CompiledContext } from "./engine-context";
import { screen, ScreenInputError } from "./screen";
import { screenDeployment } from "./screen-deployment";

type BidEngineHandlers = Pick<Handlers, "bidengine.screen" | "bidengine.decisions" | "bidengine.settings" | "bidengine.updateSettings">;

export interface BidEngineHandlerDeps {
  settings: BidSettingsRepo;
  decisions: DecisionRepo;
  /** The context decisions are made in now (settings, inventory, clock, balances…). */
  context: () => CompiledContext | Promise<CompiledContext>;
  /** The selected network's RPC pool, for screening by dseq; absent → that path says so. */
  pool?: () => RpcPool | null;
}

export function bidEngineHandlers(deps: BidEngineHandlerDeps): BidEngineHandlers {
  return {
    "bidengine.screen": async (input) => {
      const ctx = await deps.context();
      try {
        // A dseq (given as such, or as the whole pasted text) is looked up on the selected network.
        const ref = "order" in input ? (typeof input.order === "string" ? parseDeploymentText(input.order) : null) : { dseq: readDseq(input.dseq), owner: input.owner };
        if (ref) return await screenDeployment(deps.pool?.() ?? null, ref, ctx);
        return screen((input as { order: unknown }).order, ctx);
      } catch (error) {
        if (error instanceof ScreenInputError || error instanceof DeploymentRefError) throw new ContractFailure("INVALID_INPUT", error.message);
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
