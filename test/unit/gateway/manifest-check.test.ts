import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateManifest, generateManifestVersion, SDL } from "@akashnetwork/chain-sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { BidGroupSpec } from "../../../common/gateway-schemas";
import { checkManifest, manifestHash, ManifestRejected, parseManifestBody } from "../../../main/gateway/manifest";
import { sharedPath } from "../../support/shared";

const SDL_DIR = sharedPath("fixtures/sdl/v2.0");
const vectors = readdirSync(SDL_DIR);
const owner = "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63";
const provider = "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf";
const read = (vector: string, file: string) => readFileSync(join(SDL_DIR, vector, file), "utf8");
const specs = (vector: string) => BidGroupSpec.array().parse(JSON.parse(read(vector, "group-specs.json")));
const lease = (gseq: number) => ({ owner, dseq: "100", gseq, oseq: 1, provider });

async function rejection(fn: () => unknown): Promise<ManifestRejected> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ManifestRejected) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("manifest hash", () => {
  for (const vector of vectors) {
    it(`${vector}: equals chain-sdk's manifestVersion of the SDL (the on-chain deployment hash)`, async () => {
      // The tenant's path: SDL → generateManifest → generateManifestVersion (= deployment.hash).
      const generated = generateManifest(SDL.fromString(read(vector, "input.yaml"), "beta3", "sandbox").data as never, "sandbox");
      if (!generated.ok) throw new Error(JSON.stringify(generated.value));
      const version = await generateManifestVersion(generated.value.groups);
      expect(Buffer.from(await manifestHash(JSON.parse(read(vector, "manifest.json")))).toString("hex")).toBe(Buffer.from(version).toString("hex"));
    });
  }
});

describe("checkManifest", () => {
  for (const vector of vectors) {
    it(`${vector}: accepts the official manifest for every group leased here`, async () => {
      const body = Buffer.from(read(vector, "manifest.json"));
      const hash = await manifestHash(JSON.parse(body.toString()));
      const leases = specs(vector).map((groupSpec, i) => ({ id: lease(i + 1), groupSpec }));
      const checked = await checkManifest({ body, deploymentHash: hash, leases });
      expect(checked.groups.map((g) => g.group.name)).toEqual(leases.map((l) => l.groupSpec.name));
    });
  }

  const body = Buffer.from(read("multiple-services", "manifest.json"));
  let hash: Uint8Array;
  beforeAll(async () => {
    hash = await manifestHash(JSON.parse(body.toString()));
  });
  const spec = specs("multiple-services")[0]!;

  it("only the groups we hold are returned", async () => {
    const pricing = Buffer.from(read("pricing", "manifest.json"));
    const [a, b] = specs("pricing");
    const checked = await checkManifest({ body: pricing, deploymentHash: await manifestHash(JSON.parse(pricing.toString())), leases: [{ id: lease(2), groupSpec: b! }] });
    expect(checked.groups).toEqual([expect.objectContaining({ lease: lease(2) })]);
    expect(a!.name).not.toBe(b!.name);
  });

  it("rejects a manifest whose hash is not the deployment's (422)", async () => {
    const wrong = new Uint8Array(hash);
    wrong[0] = wrong[0]! ^ 1;
    const error = await rejection(() => checkManifest({ body, deploymentHash: wrong, leases: [{ id: lease(1), groupSpec: spec }] }));
    expect([error.reason, error.status]).toEqual(["hash_mismatch", 422]);
  });

  it("rejects a deployment without our lease (404)", async () => {
    const error = await rejection(() => checkManifest({ body, deploymentHash: hash, leases: [] }));
    expect([error.reason, error.status]).toEqual(["no_lease", 404]);
  });

  it("rejects when the leased group is missing from the manifest", async () => {
    const error = await rejection(() => checkManifest({ body, deploymentHash: hash, leases: [{ id: lease(1), groupSpec: { ...spec, name: "other" } }] }));
    expect(error.reason).toBe("group_mismatch");
  });

  it("rejects services asking for more than was bid", async () => {
    const small = structuredClone(spec);
    small.resources[0]!.resource.cpu.units.val = "499";
    expect((await rejection(() => checkManifest({ body, deploymentHash: hash, leases: [{ id: lease(1), groupSpec: small }] }))).message).toMatch(/cpu 500 exceeds the 499/);
    const fewer = structuredClone(spec);
    fewer.resources[0]!.count = 2;
    expect((await rejection(() => checkManifest({ body, deploymentHash: hash, leases: [{ id: lease(1), groupSpec: fewer }] }))).message).toMatch(/3 replicas exceed the 2/);
    const gpu = structuredClone(spec);
    gpu.resources = gpu.resources.filter((r) => r.resource.id !== 2);
    expect((await rejection(() => checkManifest({ body, deploymentHash: hash, leases: [{ id: lease(1), groupSpec: gpu }] }))).reason).toBe("resources_exceed");
  });

  it("classifies non-JSON as malformed (400) and schema violations as invalid (422)", async () => {
    expect((await rejection(() => parseManifestBody(Buffer.from("{nope")))).status).toBe(400);
    expect((await rejection(() => parseManifestBody(Buffer.from([0xff, 0xfe])))).status).toBe(400);
    expect((await rejection(() => parseManifestBody(Buffer.from("[]")))).status).toBe(422);
    expect((await rejection(() => parseManifestBody(Buffer.alloc(2 * 1024 * 1024, 32)))).message).toMatch(/exceeds/);
    const bad = JSON.parse(body.toString());
    bad[0].services[0].resources.cpu.units.val = "1.5";
    expect((await rejection(() => parseManifestBody(Buffer.from(JSON.stringify(bad))))).message).toMatch(/cpu\.units\.val/);
  });
});

describe("manifest parser fuzz", () => {
  // A tiny deterministic PRNG so a failure reproduces.
  let seed = 0x2545f491;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const base = read("storage-classes", "manifest.json");

  function mutate(value: unknown, depth = 0): unknown {
    if (rand() < 0.15 || depth > 8) {
      const choices = [null, -1, 1.5, "1.5", "-3", "0x10", "", "x".repeat(300), [], {}, true, 2 ** 64, "99999999999999999999999"];
      return choices[Math.floor(rand() * choices.length)];
    }
    if (Array.isArray(value)) return value.map((v) => mutate(v, depth + 1));
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (rand() > 0.05) out[k] = mutate(v, depth + 1);
      return out;
    }
    return value;
  }

  it("random bytes and mutated manifests give a result or a ManifestRejected, never another error", () => {
    let accepted = 0;
    for (let i = 0; i < 600; i++) {
      let input: Uint8Array;
      if (i % 3 === 0) input = Uint8Array.from({ length: Math.floor(rand() * 200) }, () => Math.floor(rand() * 256));
      else if (i % 3 === 1) input = Buffer.from(base.slice(0, Math.floor(rand() * base.length)));
      else input = Buffer.from(JSON.stringify(mutate(JSON.parse(base))));
      try {
        parseManifestBody(input);
        accepted++;
      } catch (error) {
        expect(error).toBeInstanceOf(ManifestRejected);
      }
    }
    expect(accepted).toBeLessThan(600);
  });
});
