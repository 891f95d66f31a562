// gRPC length-prefixed messages: 1 byte compressed flag, 4 bytes big-endian length, payload.

export const MAX_GRPC_MESSAGE = 64 * 1024;

export function frame(payload: Uint8Array): Buffer {
  const out = Buffer.alloc(5 + payload.byteLength);
  out.writeUInt8(0, 0);
  out.writeUInt32BE(payload.byteLength, 1);
  out.set(payload, 5);
  return out;
}

/** Splits a request body into messages; throws on compression (we never negotiate it) or junk. */
export function unframe(body: Buffer): Uint8Array[] {
  const messages: Uint8Array[] = [];
  let offset = 0;
  while (offset < body.byteLength) {
    if (body.byteLength - offset < 5) throw new Error("truncated gRPC frame");
    if (body.readUInt8(offset) !== 0) throw new Error("compressed gRPC messages are not supported");
    const length = body.readUInt32BE(offset + 1);
    if (length > MAX_GRPC_MESSAGE || offset + 5 + length > body.byteLength) throw new Error("bad gRPC frame length");
    messages.push(body.subarray(offset + 5, offset + 5 + length));
    offset += 5 + length;
  }
  return messages;
}

/** gRPC status codes used here. */
export const GRPC = { OK: 0, INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, UNIMPLEMENTED: 12, INTERNAL: 13 } as const;
