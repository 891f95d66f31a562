import { Order, Order_State } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { z } from "zod";
import { groupSpecFromJson } from "./group-spec";

// An order as the REST gateway prints it (GET /akash/market/v1beta5/orders/list): used to replay
// real mainnet responses through the devnet's gRPC-over-ABCI query.

const states: Record<string, Order_State> = { open: Order_State.open, active: Order_State.active, closed: Order_State.closed };

const restOrder = z.object({
  id: z.object({ owner: z.string().min(1), dseq: z.string().regex(/^\d+$/), gseq: z.number().int(), oseq: z.number().int() }),
  state: z.enum(["open", "active", "closed"]),
  spec: z.unknown(),
  created_at: z.string().regex(/^\d+$/),
});

export function orderFromRestJson(json: unknown): Order {
  const order = restOrder.parse(json);
  return Order.fromPartial({ id: order.id, state: states[order.state], spec: groupSpecFromJson(order.spec), createdAt: order.created_at });
}

export function ordersFromRestList(json: unknown): Order[] {
  const list = z.object({ orders: z.array(z.unknown()) }).parse(json);
  return list.orders.map(orderFromRestJson);
}
