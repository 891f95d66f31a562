import type { ProviderState } from "../../common/status-schemas";
import { rpcUnhealthy } from "./alerts";
import type { StatusSources } from "./sources";

// Bidding / paused / gaming / offline, with the reason. The first thing that stops bids wins, in the
// order the owner would have to fix them: the chain, the wallet, the engine, then the owner's choices.

export function deriveState(sources: StatusSources): { state: ProviderState; reason: string | null } {
  if (rpcUnhealthy(sources.rpc)) return { state: "offline", reason: "No RPC endpoint answers: the chain cannot be reached." };
  const wallet = sources.wallet?.state;
  if (wallet === "none") return { state: "offline", reason: "No wallet yet: set one up to start bidding." };
  if (wallet === "backup-pending") return { state: "offline", reason: "The wallet backup is not confirmed yet." };
  if (wallet === "locked") return { state: "offline", reason: "The wallet is locked: bids cannot be signed." };
  if (wallet === "damaged") return { state: "offline", reason: "The wallet cannot be read." };
  if (sources.engine) return { state: sources.engine.state, reason: sources.engine.reason };
  if (sources.cluster && !sources.cluster.installed) return { state: "offline", reason: "Kubernetes (k3s) is not installed: won leases would have nowhere to run." };
  return { state: "offline", reason: "The bid engine is not running." };
}
