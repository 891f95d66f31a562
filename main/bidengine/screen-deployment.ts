import type { ScreenOutput } from "../../common/bidengine-schemas";
import { ContractFailure } from "../../common/envelope";
import type { RpcPool } from "../chain/rpc-pool";
import { groupStatesOf, openOrdersOfDeployment, type DeploymentRef } from "./deployment-orders";
import type { CompiledContext } from "./engine-context";
import { screenOrders } from "./screen";

// Screening by dseq: the deployment's open orders are read from the selected network, then decided
// exactly as pasted ones are (plus their groups' state, which a pasted order does not carry) —
// nothing reserved, recorded or sent. The chain being unreachable and
// the deployment having no open order are different answers, so the UI can say which.

function describe(ref: DeploymentRef): string {
  return ref.owner ? `dseq ${ref.dseq} of ${ref.owner}` : `dseq ${ref.dseq}`;
}

export async function screenDeployment(pool: RpcPool | null, ref: DeploymentRef, ctx: CompiledContext): Promise<ScreenOutput> {
  if (!pool) throw new ContractFailure("UNAVAILABLE", `Cannot look up ${describe(ref)}: no chain connection is set up for the selected network.`);
  let found;
  let groups;
  try {
    found = await openOrdersOfDeployment(pool, ref);
    groups = await groupStatesOf(pool, found.orders);
  } catch (error) {
    const why = (error as Error).message;
    throw new ContractFailure("UNAVAILABLE", `Could not read the orders of ${describe(ref)} from ${pool.chainId}: ${why}`);
  }
  if (found.orders.length === 0 && found.rejected.length === 0) {
    throw new ContractFailure("NOT_FOUND", `No open order has ${describe(ref)} on ${pool.chainId}. It may be closed, already leased, or on another network.`);
  }
  const rejected = found.rejected.map((r, index) => ({ index, message: `${r.key}: ${r.message}` }));
  return screenOrders(found.orders, rejected, ctx, (key) => ({ groupState: groups.get(key) }));
}
