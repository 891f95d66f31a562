import type { RpcPool } from "../chain/rpc-pool";
import type { Db } from "../store/database";
import { BidSettingsRepo } from "./bid-settings-repo";
import type { BidEngineHandlerDeps } from "./bidengine-handlers";
import { DecisionRepo } from "./decision-repo";
import { compileContext, type EngineInputs } from "./engine-context";

export interface BidEngineLive {
  /** What the live services know now; each field left out falls back to the saved settings. */
  inputs?: () => Partial<Omit<EngineInputs, "settings" | "now">>;
  /** The selected network's RPC pool (screening by dseq reads the deployment's open orders there). */
  pool?: () => RpcPool | null;
}

/**
 * The bid engine's pieces for the composition root. Until the hardware and chain services are wired
 * in through `live`, decisions use the owner's saved settings: their declared inventory, no gaming
 * signal, no balances (collateral unchecked), no market data.
 */
export function createBidEngine(db: Db, now: () => Date, live: BidEngineLive = {}): BidEngineHandlerDeps {
  const settings = new BidSettingsRepo(db, now);
  const decisions = new DecisionRepo(db, now);
  return {
    settings,
    decisions,
    pool: live.pool,
    context: () => {
      const at = now();
      return compileContext({ utcOffsetMinutes: -at.getTimezoneOffset(), gaming: false, openBids: 0, ...live.inputs?.(), settings: settings.get(), now: at });
    },
  };
}
