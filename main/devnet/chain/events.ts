import type { AbciEvent } from "./types";

// Typed events as Cosmos SDK's EmitTypedEvent writes them: the event type is the proto full name
// and each top-level field becomes an attribute whose value is that field's proto-JSON
// (e.g. `id` = `{"owner":"akash1…","dseq":"12","gseq":1,"oseq":1}`), so clients parse them with
// JSON.parse exactly as they would mainnet's.

interface ProtoJson<T> {
  $type: string;
  toJSON(message: T): unknown;
  fromPartial(object: never): T;
}

export function typedEvent<T>(type: ProtoJson<T>, message: T, msgIndex?: number): AbciEvent {
  const json = type.toJSON(message) as Record<string, unknown>;
  const attributes = Object.entries(json).map(([key, value]) => ({ key, value: JSON.stringify(value), index: true }));
  if (msgIndex !== undefined) attributes.push({ key: "msg_index", value: String(msgIndex), index: true });
  return { type: type.$type, attributes };
}

/** Plain key/value events (message, tx, coin_spent …). */
export function plainEvent(type: string, fields: Record<string, string>): AbciEvent {
  return { type, attributes: Object.entries(fields).map(([key, value]) => ({ key, value, index: true })) };
}
