import { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { Endpoint_Kind } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { z } from "zod";
import { encodeResourceValue } from "../modules/resources";

// GroupSpecs as JSON: both the SDL tooling form (chain-sdk testdata: memory.size, storage[].size)
// and the REST form (memory.quantity, storage[].quantity), with ResourceValue.val as a decimal
// string. chain-sdk's fromJSON would base64-decode `val` (PROTOCOL.md §1 pitfall), so parse here.

const decimal = z.union([z.string().regex(/^\d{1,30}$/), z.number().int().nonnegative()]).transform(String);
const resourceValue = z.object({ val: decimal });
const attribute = z.object({ key: z.string().min(1), value: z.string() });
const attributes = z.array(attribute).nullish().transform((a) => a ?? []);
const storage = z.object({ name: z.string().default("default"), size: resourceValue.optional(), quantity: resourceValue.optional(), attributes });
const kinds: Record<string, Endpoint_Kind> = { SHARED_HTTP: Endpoint_Kind.SHARED_HTTP, RANDOM_PORT: Endpoint_Kind.RANDOM_PORT, LEASED_IP: Endpoint_Kind.LEASED_IP };
const endpoint = z.object({
  kind: z.union([z.enum(["SHARED_HTTP", "RANDOM_PORT", "LEASED_IP"]), z.number().int().min(0).max(2)]).optional(),
  sequence_number: z.number().int().nonnegative().optional(),
});

export const groupSpecJson = z.object({
  name: z.string().min(1),
  requirements: z
    .object({
      signed_by: z.object({ all_of: z.array(z.string()).nullish(), any_of: z.array(z.string()).nullish() }).nullish(),
      attributes,
    })
    .nullish(),
  resources: z
    .array(
      z.object({
        resource: z.object({
          id: z.number().int().positive(),
          cpu: z.object({ units: resourceValue, attributes }),
          memory: z.object({ size: resourceValue.optional(), quantity: resourceValue.optional(), attributes }),
          storage: z.array(storage).nullish().transform((s) => s ?? []),
          gpu: z.object({ units: resourceValue, attributes }).nullish(),
          endpoints: z.array(endpoint).nullish().transform((e) => e ?? []),
        }),
        count: z.number().int().positive(),
        price: z.object({ denom: z.string().min(1), amount: z.string().regex(/^\d+(\.\d+)?$/) }),
      }),
    )
    .min(1),
});

export type GroupSpecJson = z.infer<typeof groupSpecJson>;

/** Parses one GroupSpec JSON object; throws a ZodError naming the bad field. */
export function groupSpecFromJson(json: unknown): GroupSpec {
  const spec = groupSpecJson.parse(json);
  return GroupSpec.fromPartial({
    name: spec.name,
    requirements: {
      signedBy: { allOf: spec.requirements?.signed_by?.all_of ?? [], anyOf: spec.requirements?.signed_by?.any_of ?? [] },
      attributes: spec.requirements?.attributes ?? [],
    },
    resources: spec.resources.map((unit) => {
      const memory = unit.resource.memory.quantity ?? unit.resource.memory.size;
      return {
        resource: {
          id: unit.resource.id,
          cpu: { units: { val: encodeResourceValue(unit.resource.cpu.units.val) }, attributes: unit.resource.cpu.attributes },
          memory: { quantity: { val: encodeResourceValue(memory?.val ?? "0") }, attributes: unit.resource.memory.attributes },
          storage: unit.resource.storage.map((s) => ({ name: s.name, quantity: { val: encodeResourceValue((s.quantity ?? s.size)?.val ?? "0") }, attributes: s.attributes })),
          gpu: { units: { val: encodeResourceValue(unit.resource.gpu?.units.val ?? "0") }, attributes: unit.resource.gpu?.attributes ?? [] },
          endpoints: unit.resource.endpoints.map((e) => ({
            kind: typeof e.kind === "number" ? e.kind : kinds[e.kind ?? "SHARED_HTTP"],
            sequenceNumber: e.sequence_number ?? 0,
          })),
        },
        count: unit.count,
        price: unit.price,
      };
    }),
  });
}
