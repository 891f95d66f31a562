import type { GroupSpec } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { BidGroupSpec } from "../../common/gateway-schemas";

// The chain's GroupSpec (protobuf: ResourceValue.val as ASCII bytes, memory as `quantity`, endpoint
// kinds as enum numbers) → the JSON shape the gateway compares a manifest with (the shape of the
// official group-specs.json vectors). Validated with zod, so a malformed group from a node is a
// clear error and never a half-checked manifest.

const decoder = new TextDecoder("utf-8", { fatal: true });

function value(v: { val: Uint8Array } | undefined): { val: string } {
  const text = v?.val && v.val.length > 0 ? decoder.decode(v.val) : "0";
  return { val: text };
}

function attributes(list: readonly { key: string; value: string }[] | undefined): { key: string; value: string }[] {
  return (list ?? []).map((a) => ({ key: a.key, value: a.value }));
}

export function bidGroupSpecFromChain(spec: GroupSpec): BidGroupSpec {
  return BidGroupSpec.parse({
    name: spec.name,
    resources: spec.resources.map((unit) => {
      const r = unit.resource;
      return {
        resource: {
          id: r?.id ?? 0,
          cpu: { units: value(r?.cpu?.units), attributes: attributes(r?.cpu?.attributes) },
          memory: { size: value(r?.memory?.quantity), attributes: attributes(r?.memory?.attributes) },
          storage: (r?.storage ?? []).map((s) => ({ name: s.name, size: value(s.quantity), attributes: attributes(s.attributes) })),
          gpu: { units: value(r?.gpu?.units), attributes: attributes(r?.gpu?.attributes) },
          endpoints: (r?.endpoints ?? []).map((e) => ({ kind: e.kind, sequence_number: e.sequenceNumber })),
        },
        count: unit.count,
      };
    }),
  });
}
