
/** A query handler: protobuf request bytes in, protobuf response bytes out; throws ChainError. */
export type QueryHandler = (data: Uint8Array, height: number) => Uint8Array;
export type QueryRoutes = Record<string, QueryHandler>;

export interface EventAttribute {
  key: string;
  value: string;
  index: boolean;
}

export interface AbciEvent {
  type: string;
  attributes: EventAttribute[];
}

/** What a message handler sees: the block it runs in and a place to put events. */
export interface MsgContext {
  height: number;
  time: Date;
  chainId: string;
  emit(event: AbciEvent): void;
}

export interface MsgResponse {
  typeUrl: string;
  value: Uint8Array;
}

/** One message type the chain accepts. */
export interface MsgHandler<M = unknown> {
  typeUrl: string;
  decode(bytes: Uint8Array): M;
  /** The addresses that must sign (GetSigners). */
  signers(msg: M): string[];
  /** Gas the message costs on top of the per-tx cost; deterministic so simulate == deliver. */
  gas: number;
  /** Module name for the standard "message" event. */
  module: string;
  handle(msg: M, ctx: MsgContext): MsgResponse;
}

export interface TxResultRecord {
  code: number;
  codespace: string;
  log: string;
  data: Uint8Array;
  gasWanted: number;
  gasUsed: number;
  events: AbciEvent[];
}

