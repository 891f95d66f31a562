import { MsgCreateDeployment } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { TxBody, TxRaw } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { normalizeOrder } from "./normalize-order";
import type { NormalizedOrder } from "./order-model";

// New orders read from the block's own transactions instead of one Order query each: a
// MsgCreateDeployment's group i becomes order (owner, dseq, gseq i+1, oseq 1) in the same block
// (x/deployment creates the groups in order, x/market opens oseq 1 for each). One `block` request
// per block then covers any number of new orders. Orders this cannot see (a restarted group's next
// oseq, a tx this version cannot decode) are left to the per-order query.

const CREATE_DEPLOYMENT = `/${MsgCreateDeployment.$type}`;

/** Orders created by the successful txs of one block, by order key. Never throws. */
export function ordersFromBlock(txs: readonly string[], succeeded: (index: number) => boolean, height: number): Map<string, NormalizedOrder> {
  const out = new Map<string, NormalizedOrder>();
  txs.forEach((b64, index) => {
    if (!succeeded(index)) return;
    try {
      const body = TxBody.decode(TxRaw.decode(Buffer.from(b64, "base64")).bodyBytes);
      for (const any of body.messages) {
        if (any.typeUrl !== CREATE_DEPLOYMENT) continue;
        const msg = MsgCreateDeployment.decode(any.value);
        if (!msg.id) continue;
        msg.groups.forEach((spec, i) => {
          try {
            const order = normalizeOrder({ id: { owner: msg.id!.owner, dseq: msg.id!.dseq, gseq: i + 1, oseq: 1 }, state: "open", spec, createdAt: height });
            out.set(order.key, order);
          } catch {
            // An unreadable group: the per-order query reports it.
          }
        });
      }
    } catch {
      // Not a tx this version can decode: its orders (if any) are queried one by one.
    }
  });
  return out;
}
