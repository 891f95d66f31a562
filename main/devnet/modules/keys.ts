// Store keys for Akash ids, in the chain's own order (owner/dseq/gseq/oseq/provider/bseq).
interface Long_ {
  toString(): string;
}

export interface OrderIdLike {
  owner: string;
  dseq: Long_ | number | string;
  gseq: number;
  oseq: number;
}

export interface BidIdLike extends OrderIdLike {
  provider: string;
  bseq: number;
}

export const deploymentKey = (owner: string, dseq: Long_ | number | string) => `${owner}/${dseq.toString()}`;
export const groupKey = (owner: string, dseq: Long_ | number | string, gseq: number) => `${owner}/${dseq.toString()}/${gseq}`;
export const orderKey = (id: OrderIdLike) => `${id.owner}/${id.dseq.toString()}/${id.gseq}/${id.oseq}`;
export const bidKey = (id: BidIdLike) => `${orderKey(id)}/${id.provider}/${id.bseq}`;
/** Escrow xids (PROTOCOL.md §2.5). */
export const bidEscrowXid = (id: BidIdLike) => `${id.owner}/${id.dseq.toString()}/${id.gseq}/${id.oseq}/${id.provider}`;
export const leasePaymentXid = (id: BidIdLike) => `${id.gseq}/${id.oseq}/${id.provider}`;
