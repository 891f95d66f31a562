import { ripemd160, sha256 } from "@cosmjs/crypto";
import { fromBech32, toBech32 } from "@cosmjs/encoding";
import { sdkErr } from "../chain/errors";

export const PREFIX = "akash";

/** Validates a bech32 account address with the chain's prefix; throws sdk code 7 otherwise. */
export function checkAddress(address: string, field = "address"): string {
  try {
    // An explicit length limit: cosmjs 0.39 passes Infinity, which the installed @scure/base rejects.
    const { prefix, data } = fromBech32(address, 90);
    if (prefix !== PREFIX) throw new Error(`expected prefix ${PREFIX}, got ${prefix}`);
    if (data.length !== 20 && data.length !== 32) throw new Error(`bad length ${data.length}`);
    return address;
  } catch (error) {
    throw sdkErr.invalidAddress(`invalid ${field} "${address}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function isAddress(address: string): boolean {
  try {
    checkAddress(address);
    return true;
  } catch {
    return false;
  }
}

const derived = new Map<string, string>();

/** Address of a secp256k1 public key: ripemd160(sha256(compressed key)), as Cosmos derives it (cached: once per key). */
export function addressFromPubkey(pubkey: Uint8Array, prefix = PREFIX): string {
  const id = `${prefix}/${Buffer.from(pubkey).toString("base64")}`;
  let address = derived.get(id);
  if (!address) {
    address = toBech32(prefix, ripemd160(sha256(pubkey)));
    if (derived.size >= 10_000) derived.delete(derived.keys().next().value as string);
    derived.set(id, address);
  }
  return address;
}

/** Module account address: sha256(name)[:20], as x/auth's NewModuleAddress. */
export function moduleAddress(name: string, prefix = PREFIX): string {
  return toBech32(prefix, sha256(new TextEncoder().encode(name)).slice(0, 20));
}
