import type { ScreenOutput } from "../../common/bidengine-schemas";
import type { OrderFacts } from "./chain-rules";
import { decide } from "./decide";
import { toDecisionView } from "./decision-view";
import type { CompiledContext } from "./engine-context";
import { normalizeOrders, OrderParseError } from "./normalize-order";
import type { NormalizedOrder } from "./order-model";

// "Would I bid on this?": the engine's own decision for pasted orders, with no side effects — nothing
// is reserved, recorded or sent. Serves the contract method, the CLI, and later the provider API's
// BidScreening RPC.

export class ScreenInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScreenInputError";
  }
}

const MAX_TEXT = 5_000_000;

/** JSON text or a parsed document: one order (REST or protobuf), a list, or an orders-list response. */
export function screen(input: unknown, ctx: CompiledContext, factsFor?: (key: string) => OrderFacts | undefined): ScreenOutput {
  let doc = input;
  if (typeof input === "string") {
    if (input.length > MAX_TEXT) throw new ScreenInputError(`The pasted text is over ${MAX_TEXT / 1_000_000} MB.`);
    try {
      doc = JSON.parse(input);
    } catch (error) {
      throw new ScreenInputError(`That is not JSON: ${(error as Error).message}`);
    }
  }
  let read;
  try {
    read = normalizeOrders(doc);
  } catch (error) {
    if (error instanceof OrderParseError) throw new ScreenInputError(`That is not an Akash order: ${error.message}`);
    throw error;
  }
  if (read.orders.length === 0 && read.rejected.length > 0) {
    throw new ScreenInputError(`No order in it could be read: ${read.rejected[0]!.message}`);
  }
  return screenOrders(read.orders, read.rejected, ctx, factsFor);
}

/** Orders already read (pasted, or fetched from the chain by dseq) → their decisions. */
export function screenOrders(
  orders: readonly NormalizedOrder[],
  rejected: ScreenOutput["rejected"],
  ctx: CompiledContext,
  factsFor?: (key: string) => OrderFacts | undefined,
): ScreenOutput {
  return { decisions: orders.map((order) => toDecisionView(decide(order, ctx, factsFor?.(order.key)))), rejected };
}
