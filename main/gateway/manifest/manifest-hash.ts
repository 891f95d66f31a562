import { createHash } from "node:crypto";
import type { manifestToSortedJSON } from "@akashnetwork/chain-sdk";
import { chainSdkRoot } from "../chain-sdk-root";

/**
 * sha256 over the canonical sorted JSON, exactly as the tenant computed the deployment's on-chain
 * `hash` (chain-sdk's generateManifestVersion), computed over the raw JSON the tenant sent so that
 * no field our schema does not know is silently dropped from the hash.
 */
export async function manifestHash(raw: unknown): Promise<Uint8Array> {
  const sorted = (await chainSdkRoot()).manifestToSortedJSON(raw as Parameters<typeof manifestToSortedJSON>[0]);
  return new Uint8Array(createHash("sha256").update(sorted, "utf8").digest());
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
}
