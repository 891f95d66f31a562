import { readFileSync } from "node:fs";
import { groupSpecFromJson } from "../../../main/devnet/json/group-spec";

export const PROVIDER_ATTRIBUTES = [
  { key: "host", value: "akash" },
  { key: "capabilities/gpu", value: "nvidia" },
  { key: "capabilities/gpu/vendor/nvidia/model/rtx3080", value: "true" },
  { key: "capabilities/storage/1/class", value: "beta3" },
  { key: "capabilities/storage/1/persistent", value: "true" },
];

/** The official gpu-basic GroupSpec (chain-sdk testdata), repriced in uact as BME requires. */
export function gpuGroup(price = "1000") {
  const [json] = JSON.parse(readFileSync(new URL("../../../main/devnet/demand/specs/gpu-basic.json", import.meta.url), "utf8")) as Array<{ resources: Array<{ price: { denom: string; amount: string } }> }>;
  for (const unit of json?.resources ?? []) unit.price = { denom: "uact", amount: price };
  return groupSpecFromJson({ ...json, requirements: { signed_by: { all_of: [], any_of: [] }, attributes: [{ key: "host", value: "akash" }] } });
}

