import { z } from "zod";

// The bid engine's one internal model of an order, whatever it was read from (REST JSON or the
// chain-sdk protobuf type). Byte sizes and prices are bigint; small counts are safe integers.
// Prices are atto-units (× 10^18) of the denom, per block.

const Attr = z.object({ key: z.string(), value: z.string() });
const u32 = z.number().int().min(0).max(0xffff_ffff);
const nonNegBig = z.bigint().nonnegative();

export const EndpointKind = z.enum(["shared_http", "random_port", "leased_ip"]);
export type EndpointKind = z.infer<typeof EndpointKind>;

export const StorageVolume = z.object({
  name: z.string(),
  bytes: nonNegBig,
  /** `class` attribute (beta1|beta2|beta3|ram), or null for the node's ephemeral disk. */
  storageClass: z.string().nullable(),
  persistent: z.boolean(),
  attributes: z.array(Attr),
});
export type StorageVolume = z.infer<typeof StorageVolume>;

export const ResourceUnit = z.object({
  id: u32,
  cpuMillis: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  memoryBytes: nonNegBig,
  storage: z.array(StorageVolume),
  gpuUnits: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  gpuAttributes: z.array(Attr),
  endpoints: z.array(z.object({ kind: EndpointKind, sequence: u32 })),
  count: u32,
  price: z.object({ denom: z.string(), atto: nonNegBig }),
});
export type ResourceUnit = z.infer<typeof ResourceUnit>;

export const NormalizedOrder = z.object({
  owner: z.string().min(1),
  dseq: nonNegBig,
  gseq: u32,
  oseq: u32,
  /** "owner/dseq/gseq/oseq". */
  key: z.string(),
  state: z.enum(["invalid", "open", "active", "closed"]),
  createdAt: nonNegBig,
  /** The order asks for resource reclamation (AEP-82, chain v2.1). */
  reclamation: z.boolean(),
  groupName: z.string(),
  signedBy: z.object({ allOf: z.array(z.string()), anyOf: z.array(z.string()) }),
  attributes: z.array(Attr),
  resources: z.array(ResourceUnit).min(1),
});
export type NormalizedOrder = z.infer<typeof NormalizedOrder>;

export function orderKey(owner: string, dseq: bigint, gseq: number, oseq: number): string {
  return `${owner}/${dseq}/${gseq}/${oseq}`;
}
