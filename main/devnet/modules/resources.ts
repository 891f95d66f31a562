import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { parseDec } from "../util/dec";

const ascii = new TextDecoder();

/** ResourceValue.val is the ASCII decimal string of the amount on the wire (PROTOCOL.md §2.4). */
export function resourceValue(val: Uint8Array | undefined): bigint {
  const text = val ? ascii.decode(val) : "0";
  if (!/^\d{1,40}$/.test(text)) throw new RangeError(`resource value "${text}" is not a decimal integer`);
  return BigInt(text);
}

export function encodeResourceValue(value: bigint | number | string): Uint8Array {
  return new TextEncoder().encode(String(value));
}

/** order.Price(): Σ unit price × count over the group's resources, as a scaled Dec. */
export function groupPrice(spec: GroupSpec): { denom: string; amount: bigint } {
  let denom = "";
  let amount = 0n;
  for (const unit of spec.resources) {
    const price = unit.price;
    if (!price) continue;
    if (denom && price.denom !== denom) throw new RangeError("group resources are priced in different denoms");
    denom = price.denom;
    amount += parseDec(price.amount) * BigInt(unit.count);
  }
  return { denom, amount };
}
