import { describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { buildAttributes, validateAttributes } from "../../../main/provider/attributes";

const rtx4090 = { model: "rtx4090", vram: "24Gi", interface: "pcie" as const };

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractFailure);
    return (error as ContractFailure).message;
  }
  throw new Error("accepted");
}

describe("provider attributes", () => {
  it("publishes an RTX 4090 the way PROTOCOL.md §2.7 lists it, with both key orders", () => {
    const attrs = buildAttributes({ gpus: [rtx4090, rtx4090], storage: [{ class: "beta3", persistent: true }], region: "eu-west", country: "DE", organization: "Home rig" });
    const map = Object.fromEntries(attrs.map((a) => [a.key, a.value]));
    expect(map).toEqual({
      host: "akash",
      tier: "community",
      region: "eu-west",
      country: "DE",
      organization: "Home rig",
      "capabilities/gpu": "nvidia",
      "capabilities/gpu/vendor/nvidia/model/rtx4090": "true",
      "capabilities/gpu/vendor/nvidia/model/rtx4090/ram/24Gi": "true",
      "capabilities/gpu/vendor/nvidia/model/rtx4090/interface/pcie": "true",
      "capabilities/gpu/vendor/nvidia/model/rtx4090/ram/24Gi/interface/pcie": "true",
      "capabilities/gpu/vendor/nvidia/model/rtx4090/interface/pcie/ram/24Gi": "true",
      "capabilities/storage/1/class": "beta3",
      "capabilities/storage/1/persistent": "true",
      "feat-persistent-storage": "true",
    });
    expect(attrs).toHaveLength(14); // two identical cards give one set of keys
  });

  it("matches the keys an SDL generates for a GPU order (filepath-style exact keys)", () => {
    const attrs = buildAttributes({ gpus: [rtx4090, { model: "rtx3080", vram: null, interface: null }], storage: [] });
    const providerKeys = new Set(attrs.filter((a) => a.key.startsWith("capabilities/gpu/")).map((a) => a.key.slice("capabilities/gpu/".length)));
    for (const orderKey of ["vendor/nvidia/model/rtx4090", "vendor/nvidia/model/rtx4090/ram/24Gi", "vendor/nvidia/model/rtx4090/ram/24Gi/interface/pcie", "vendor/nvidia/model/rtx3080"]) {
      expect(providerKeys.has(orderKey)).toBe(true);
    }
    expect(providerKeys.has("vendor/nvidia/model/rtx3080/ram/10Gi")).toBe(false);
  });

  it("lets the user's edits win and refuses keys the chain would refuse", () => {
    const attrs = buildAttributes({ gpus: [], storage: [{ class: "ram", persistent: false }], extra: [{ key: "tier", value: "premium" }, { key: "cuda", value: "12.4" }] });
    expect(attrs.find((a) => a.key === "tier")?.value).toBe("premium");
    expect(attrs.some((a) => a.key.startsWith("capabilities/gpu"))).toBe(false);
    expect(refused(() => buildAttributes({ gpus: [], storage: [], extra: [{ key: "1bad", value: "x" }] }))).toMatch(/not allowed/);
    expect(refused(() => buildAttributes({ gpus: [], storage: [], extra: [{ key: "a", value: "x" }] }))).toMatch(/not allowed/);
    expect(refused(() => buildAttributes({ gpus: [], storage: [], extra: [{ key: `k${"x".repeat(127)}`, value: "x" }] }))).toMatch(/not allowed/);
    expect(refused(() => buildAttributes({ gpus: [], storage: [], extra: [{ key: "bad key", value: "x" }] }))).toMatch(/not allowed/);
    expect(refused(() => buildAttributes({ gpus: [], storage: [], extra: [{ key: "note", value: "" }] }))).toMatch(/needs a value/);
    expect(refused(() => buildAttributes({ gpus: [{ model: "RTX 4090", vram: null, interface: null }], storage: [] }))).toMatch(/not an Akash model name/);
    expect(refused(() => buildAttributes({ gpus: [{ model: "rtx4090", vram: "24GB", interface: null }], storage: [] }))).toMatch(/24Gi/);
    expect(refused(() => validateAttributes([{ key: "host", value: "akash" }, { key: "host", value: "akash" }]))).toMatch(/appears twice/);
    expect(refused(() => validateAttributes([{ key: "tier", value: "community" }]))).toMatch(/host=akash is required/);
    expect(refused(() => buildAttributes({ gpus: [], storage: [], extra: [{ key: "host", value: "other" }] }))).toMatch(/host=akash/);
  });
});
