import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCloseBid, MsgCreateBid } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import type { ChainTx } from "../../common/chain-schemas";
import type { ObservedTx } from "../chain/block-confirmations";
import { encodeMsg, type EncodedMsg, type TxRequest } from "../chain/tx-queue";
import type { BidIntent, BidTxPort } from "./bid-lifecycle";
import type { NormalizedOrder } from "./order-model";

// MsgCreateBid / MsgCloseBid through the signer's one tx queue. Bids decided while a tx is in flight
// are batched into the next tx (many orders per block at ≥ 10 orders/s: one tx per bid would put
// the n-th bid n blocks late). A batch the chain refuses is retried message by message, so one bad
// order (taken, closed meanwhile) cannot sink the others. Bids reuse the gas measured for the same
// shape (no `simulate` per bid; an out-of-gas failure re-simulates once).

export interface TxSubmitter {
  submit(request: TxRequest): Promise<ChainTx>;
  /** A block the engine read: confirms sent txs by hash without polling (the TxQueue has it). */
  observeBlock?(height: number, txs: readonly ObservedTx[]): void;
  /** Sent txs wait for a block: the engine reads the block even when no order is new. */
  awaitingConfirmation?(): boolean;
}

export interface ChainBidTxOptions {
  queue: () => TxSubmitter;
  provider: string;
  /** The order's resource units (ids and counts) for `resources_offer`; null when unknown. */
  order: (key: string) => NormalizedOrder | null;
  maxBatch?: number;
}

interface Pending {
  msg: EncodedMsg;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class ChainBidTx implements BidTxPort {
  private pending: Pending[] = [];
  private flushing = false;

  constructor(private readonly o: ChainBidTxOptions) {}

  createBid(intent: BidIntent): Promise<void> {
    const order = this.o.order(intent.key);
    const msg = encodeMsg(MsgCreateBid, {
      id: { owner: intent.order.owner, dseq: BigInt(intent.order.dseq), gseq: intent.order.gseq, oseq: intent.order.oseq, provider: this.o.provider, bseq: 0 },
      price: { denom: intent.price.denom, amount: intent.price.amount },
      deposit: { amount: { denom: intent.deposit.denom, amount: intent.deposit.amount }, sources: [Source.balance] },
      // The chain checks each offer's id and count against the group (MatchGSpec).
      resourcesOffer: order ? order.resources.map((u) => ({ resources: resourcesOf(u), count: u.count })) : [],
    } as never);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ msg, resolve, reject });
      void this.flush();
    });
  }

  async closeBid(order: BidIntent["order"], reason: number): Promise<void> {
    const msg = encodeMsg(MsgCloseBid, { id: { owner: order.owner, dseq: BigInt(order.dseq), gseq: order.gseq, oseq: order.oseq, provider: this.o.provider, bseq: 0 }, reason } as never);
    await this.o.queue().submit({ kind: "bidengine.closeBid", messages: [msg] });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.o.maxBatch ?? 50);
        try {
          await this.o.queue().submit({ kind: "bidengine.createBid", cacheGas: true, messages: batch.map((p) => p.msg) });
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          for (const p of batch) {
            try {
              await this.o.queue().submit({ kind: "bidengine.createBid", cacheGas: true, messages: [p.msg] });
              p.resolve();
            } catch (single) {
              p.reject(single);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

/** The internal resource unit → base.resources.v1beta4.Resources (what the group holds). */
function resourcesOf(u: NormalizedOrder["resources"][number]) {
  const val = (n: bigint | number) => new TextEncoder().encode(n.toString());
  const attrs = (list: { key: string; value: string }[]) => list.map((a) => ({ key: a.key, value: a.value }));
  return {
    id: u.id,
    cpu: { units: { val: val(u.cpuMillis) }, attributes: [] },
    memory: { quantity: { val: val(u.memoryBytes) }, attributes: [] },
    storage: u.storage.map((v) => ({ name: v.name, quantity: { val: val(v.bytes) }, attributes: attrs(v.attributes) })),
    gpu: { units: { val: val(u.gpuUnits) }, attributes: attrs(u.gpuAttributes) },
    endpoints: u.endpoints.map((e) => ({ kind: ENDPOINT_KIND[e.kind], sequenceNumber: e.sequence })),
  };
}

const ENDPOINT_KIND = { shared_http: 0, random_port: 1, leased_ip: 2 } as const;
