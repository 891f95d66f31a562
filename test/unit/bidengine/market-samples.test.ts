import { describe, expect, it } from "vitest";
import { ATTO } from "../../../main/bidengine/decimal";
import { gpuProfileOf, groupSamples, priceSample, SkipTally, type GpuProfile } from "../../../main/bidengine/market-samples";
import { gpuGroup } from "../devnet/fixtures";
import { groupSpecs, readFixture, SDL_CASES } from "./helpers";

// The market reference's pure half: a real GroupSpec (the official SDK's test vectors, mainnet's
// order, the devnet's protobuf GroupSpec) → GPU model and count; a lease price over it → a per-GPU
// price per block; garbage → a reason, never a throw.

type Spec = { resources: { resource: { gpu?: { units: { val: string }; attributes?: { key: string; value: string }[] | null } }; count: number }[] };

const gpuBasic = () => structuredClone(groupSpecs("gpu-basic")[0]!) as unknown as Spec;
const mainnetSpec = () => structuredClone((readFixture("akash-mainnet/orders-list.json") as { orders: { spec: unknown }[] }).orders[0]!.spec) as Spec;
const uact = (amount: string) => ({ denom: "uact", amount });

function profile(spec: unknown): GpuProfile {
  return gpuProfileOf(spec);
}

describe("GroupSpec → GPU profile", () => {
  it("reads the official gpu-basic vector: one rtx3080", () => {
    expect(profile(gpuBasic())).toEqual({ ok: true, model: "rtx3080", gpus: 1n });
  });

  it("counts GPUs per replica × replicas, and accepts several keys of one model", () => {
    const spec = gpuBasic();
    spec.resources[0]!.resource.gpu = { units: { val: "2" }, attributes: [{ key: "vendor/nvidia/model/rtx3080/ram/10Gi", value: "true" }, { key: "vendor/nvidia/model/rtx3080", value: "true" }] };
    spec.resources[0]!.count = 3;
    expect(profile(spec)).toEqual({ ok: true, model: "rtx3080", gpus: 6n });
  });

  it("reads the protobuf GroupSpec the chain returns (Long, byte values)", () => {
    expect(profile(gpuGroup("1000"))).toEqual({ ok: true, model: "rtx3080", gpus: 1n });
  });

  it("leaves out CPU-only groups (every SDK vector but gpu-basic)", () => {
    for (const name of SDL_CASES.filter((n) => n !== "gpu-basic")) {
      for (const spec of groupSpecs(name)) expect(profile(spec)).toMatchObject({ ok: false, reason: "no_gpu" });
    }
  });

  it("leaves out mainnet's any-model GPU order (vendor/nvidia/model/*)", () => {
    expect(profile(mainnetSpec())).toMatchObject({ ok: false, reason: "gpu_model_unknown", detail: expect.stringMatching(/any GPU model/) });
  });

  it("leaves out a group that accepts two models, or GPUs of no named model", () => {
    const two = gpuBasic();
    two.resources[0]!.resource.gpu!.attributes = [{ key: "vendor/nvidia/model/rtx4090", value: "true" }, { key: "vendor/nvidia/model/a100", value: "true" }];
    expect(profile(two)).toMatchObject({ ok: false, reason: "several_gpu_models", detail: "the group accepts a100, rtx4090" });
    const unnamed = gpuBasic();
    unnamed.resources[0]!.resource.gpu!.attributes = null;
    expect(profile(unnamed)).toMatchObject({ ok: false, reason: "gpu_model_unknown" });
  });

  it("names models the way the engine does (lower case)", () => {
    const spec = gpuBasic();
    spec.resources[0]!.resource.gpu!.attributes = [{ key: "vendor/nvidia/model/RTX4090", value: "true" }];
    expect(profile(spec)).toMatchObject({ ok: true, model: "rtx4090" });
  });

  it("turns an unreadable GroupSpec into a reason", () => {
    for (const bad of [null, 7, "spec", [], {}, { resources: [] }, { resources: [{ resource: {}, count: 1, price: uact("1") }] }]) {
      expect(profile(bad)).toMatchObject({ ok: false, reason: "malformed" });
    }
  });
});

describe("lease price → per-GPU sample", () => {
  const one: GpuProfile = { ok: true, model: "rtx3080", gpus: 1n };
  const six: GpuProfile = { ok: true, model: "rtx4090", gpus: 6n };

  it("divides the group's price per block by its GPUs (CPU and memory folded in)", () => {
    expect(priceSample(uact("812.5"), one)).toEqual({ ok: true, model: "rtx3080", perGpu: 8125n * 10n ** 17n });
    expect(priceSample(uact("6000.000000000000000006"), six)).toEqual({ ok: true, model: "rtx4090", perGpu: 1000n * ATTO + 1n });
  });

  it("ignores other denoms, zero and malformed prices with a reason", () => {
    expect(priceSample({ denom: "ibc/170C677610AC31DF0904FFE09CD3B5C657492170E7E52372E48756B71E56F2F1", amount: "10" }, one)).toMatchObject({ ok: false, reason: "denom", detail: expect.stringMatching(/^priced in ibc\//) });
    expect(priceSample(uact("0"), one)).toMatchObject({ ok: false, reason: "zero_price" });
    for (const bad of [undefined, null, "812", { denom: "uact" }, { denom: 1, amount: "1" }, uact("-1"), uact("1e3"), uact("1.0000000000000000001")]) {
      expect(priceSample(bad, one)).toMatchObject({ ok: false, reason: "malformed" });
    }
  });

  it("passes the group's own reason through", () => {
    expect(priceSample(uact("10"), { ok: false, reason: "no_gpu", detail: "x" })).toEqual({ ok: false, reason: "no_gpu", detail: "x" });
  });

  it("groups samples by model, ascending", () => {
    const grouped = groupSamples([
      { model: "rtx4090", perGpu: 900n },
      { model: "rtx3080", perGpu: 500n },
      { model: "rtx4090", perGpu: 800n },
    ]);
    expect([...grouped.entries()]).toEqual([
      ["rtx4090", [800n, 900n]],
      ["rtx3080", [500n]],
    ]);
  });

  it("tallies reasons with a first example for the log", () => {
    const tally = new SkipTally();
    tally.add("no_gpu", "the group rents no GPU");
    tally.add("no_gpu", "another");
    tally.add("denom", "priced in uakt");
    expect(tally.total).toBe(3);
    expect(tally.count("no_gpu")).toBe(2);
    expect(tally.summary()).toBe("no_gpu 2 (e.g. the group rents no GPU); denom 1 (e.g. priced in uakt)");
  });
});

describe("fuzz", () => {
  it("random mutations of real GroupSpecs and lease prices give a sample or a reason, never a throw", () => {
    let seed = 4242;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const garbage = [null, undefined, 0, -1, 1.5, "", "x", "１２", "99999999999999999999999999999999999999999", true, [], {}, [1], { val: "7" }, new Uint8Array([0xff]), { low: -1, high: -1 }, "vendor/nvidia/model/*"];
    const specs: unknown[] = [gpuBasic(), mainnetSpec(), gpuGroup("1000"), ...SDL_CASES.flatMap((n) => groupSpecs(n))];
    const outcomes = new Map<string, number>();
    for (let round = 0; round < 3000; round++) {
      const doc = { spec: structuredClone(specs[round % specs.length]), price: uact(["812.5", "1", "0.000000000000000001", "6000"][round % 4]!) } as Record<string, unknown>;
      for (let edits = Math.floor(rand() * 3); edits > 0; edits--) {
        let node: unknown = doc;
        for (let depth = 0; depth < 8; depth++) {
          if (typeof node !== "object" || node === null) break;
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const key = keys[Math.floor(rand() * keys.length)]!;
          const child = (node as Record<string, unknown>)[key];
          if (typeof child !== "object" || child === null || rand() < 0.3) {
            (node as Record<string, unknown>)[key] = garbage[Math.floor(rand() * garbage.length)];
            break;
          }
          node = child;
        }
      }
      const sample = priceSample(doc.price, gpuProfileOf(doc.spec));
      if (sample.ok) {
        expect(sample.perGpu).toBeGreaterThanOrEqual(0n);
        expect(sample.model).toMatch(/^[^*?[\]]+$/u);
      } else expect(sample.detail.length).toBeGreaterThan(3);
      const key = sample.ok ? "ok" : sample.reason;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    expect(outcomes.get("ok")).toBeGreaterThan(100);
    expect(outcomes.get("malformed")).toBeGreaterThan(100);
    expect(outcomes.get("no_gpu")).toBeGreaterThan(100);
  });
});
