import { Secp256k1 } from "@cosmjs/crypto";
import { toBase64 } from "@cosmjs/encoding";
import { createPublicKey, verify, type KeyObject } from "node:crypto";

// Signature checks are the hot path of CheckTx. OpenSSL (node:crypto) verifies secp256k1 about
// 30× faster than the pure-JS implementation, so keys are converted once per account and cached.

const N_HALF = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;
const MAX_CACHED = 10_000;
const cache = new Map<string, KeyObject>();

function keyObject(compressed: Uint8Array): KeyObject {
  const id = toBase64(compressed);
  let key = cache.get(id);
  if (!key) {
    const full = Secp256k1.uncompressPubkey(compressed);
    const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
    key = createPublicKey({ key: { kty: "EC", crv: "secp256k1", x: b64url(full.slice(1, 33)), y: b64url(full.slice(33, 65)) }, format: "jwk" });
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(id, key);
  }
  return key;
}

/**
 * Verifies a Cosmos secp256k1 signature (64-byte r‖s over sha256(message)). Like the SDK it
 * rejects high-S signatures, which OpenSSL alone would accept.
 */
export function verifySecp256k1(signature: Uint8Array, message: Uint8Array, compressedPubkey: Uint8Array): boolean {
  if (signature.length !== 64 || compressedPubkey.length !== 33) return false;
  const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString("hex")}`);
  if (s === 0n || s > N_HALF) return false;
  try {
    return verify("sha256", message, { key: keyObject(compressedPubkey), dsaEncoding: "ieee-p1363" }, signature);
  } catch {
    return false;
  }
}
