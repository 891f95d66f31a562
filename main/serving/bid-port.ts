import { MsgCloseBid } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { LeaseId } from "../../common/gateway-schemas";
import { encodeMsg, type TxQueue } from "../chain/tx-queue";
import type { BidPort } from "../gateway/ports";

// MsgCloseBid for a lease we hold, signed by the provider through the app's one tx queue for its
// wallet (never a second signer path: sequence numbers belong to that queue). The bid's bseq comes
// from the chain, since the gateway's lease id does not carry it.

export interface CloseBidDeps {
  queue: () => TxQueue;
  bseq: (lease: LeaseId) => Promise<number | null>;
  /** The lease is gone on our side: tear its workload down and release its capacity. */
  released: (lease: LeaseId, reason: number) => Promise<void>;
}

export function txBidPort(deps: CloseBidDeps): BidPort {
  return {
    async closeBid(lease, reason) {
      const bseq = await deps.bseq(lease);
      if (bseq === null) {
        // Already closed on chain (by the tenant, or by us earlier): only the local side is left.
        await deps.released(lease, reason);
        return;
      }
      await deps.queue().submit({
        kind: "bid.close",
        messages: [encodeMsg(MsgCloseBid, { id: { owner: lease.owner, dseq: lease.dseq, gseq: lease.gseq, oseq: lease.oseq, provider: lease.provider, bseq }, reason })],
      });
      await deps.released(lease, reason);
    },
  };
}
