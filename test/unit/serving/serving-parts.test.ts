import { readdirSync, readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BidGroupSpec } from "../../../common/gateway-schemas";
import { GpuReclaimImpact } from "../../../common/serving-schemas";
import { groupSpecFromJson } from "../../../main/devnet/json/group-spec";
import { GatewayHttpError } from "../../../main/gateway/http-error";
import { parseAtto } from "../../../main/serving/dec";
import { bidGroupSpecFromChain, gpuReclaimImpact, leaseEventsFor, LEASE_CLOSED, LEASE_CREATED, SwitchableCluster, type ChainLease } from "../../../main/serving";
import { FakeCluster } from "../gateway/fakes";
import { sharedPath } from "../../support/shared";

const SDL = sharedPath("fixtures/sdl/v2.0");
const PROVIDER = "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf";
const OWNER = "akash12a3hg0jnap4mksg0quryay3twe0mzafhc44xsx";
const vectors = readdirSync(SDL).filter((v) => existsSync(`${SDL}/${v}/group-specs.json`));

describe("chain GroupSpec → the gateway's bid group", () => {
  it.each(vectors)("%s: the protobuf the chain holds converts back to the vector's JSON units", (vector) => {
    const specs = JSON.parse(readFileSync(`${SDL}/${vector}/group-specs.json`, "utf8")) as unknown[];
    for (const json of specs) {
      const converted = bidGroupSpecFromChain(groupSpecFromJson(json));
      const expected = BidGroupSpec.parse(json);
      expect(converted.name).toBe(expected.name);
      expect(converted.resources.map((u) => u.count)).toEqual(expected.resources.map((u) => u.count));
      for (const [i, unit] of converted.resources.entries()) {
        const want = expected.resources[i]!.resource;
        expect(unit.resource.id).toBe(want.id);
        expect(unit.resource.cpu.units.val).toBe(want.cpu.units.val);
        expect(unit.resource.memory.size.val).toBe(want.memory.size.val);
        expect(unit.resource.gpu?.units.val ?? "0").toBe(want.gpu?.units.val ?? "0");
        expect((unit.resource.storage ?? []).map((s) => [s.name, s.size.val])).toEqual((want.storage ?? []).map((s) => [s.name, s.size.val]));
        expect((unit.resource.endpoints ?? []).map((e) => e.kind ?? 0)).toEqual((want.endpoints ?? []).map((e) => e.kind ?? 0));
      }
    }
  });

  it("a value that is not a decimal integer is a clear error, not a wrong comparison", () => {
    const spec = groupSpecFromJson(JSON.parse(readFileSync(`${SDL}/simple/group-specs.json`, "utf8"))[0]);
    spec.resources[0]!.resource!.cpu!.units!.val = new TextEncoder().encode("1e3");
    expect(() => bidGroupSpecFromChain(spec)).toThrow(/decimal integer/);
  });
});

function block(events: { type: string; attributes: { key: string; value: string }[] }[], code = 0) {
  return { height: 9, txs: [{ index: 0, code, events }], block: [] };
}

describe("lease events from the block stream", () => {
  const id = { owner: OWNER, dseq: "12", gseq: 1, oseq: 1, provider: PROVIDER, bseq: 0 };
  it("finds created/closed leases of this provider only, from successful txs", () => {
    const events = [
      { type: LEASE_CREATED, attributes: [{ key: "id", value: JSON.stringify(id) }, { key: "price", value: "{}" }] },
      { type: LEASE_CLOSED, attributes: [{ key: "id", value: JSON.stringify({ ...id, dseq: 13 }) }] },
      { type: LEASE_CREATED, attributes: [{ key: "id", value: JSON.stringify({ ...id, provider: OWNER }) }] },
      { type: "akash.market.v1.EventBidCreated", attributes: [{ key: "id", value: JSON.stringify(id) }] },
    ];
    const { events: found, skipped } = leaseEventsFor(PROVIDER, block(events));
    expect(skipped).toBe(0);
    expect(found).toEqual([
      { kind: "created", lease: { owner: OWNER, dseq: "12", gseq: 1, oseq: 1, provider: PROVIDER }, height: 9 },
      { kind: "closed", lease: { owner: OWNER, dseq: "13", gseq: 1, oseq: 1, provider: PROVIDER }, height: 9 },
    ]);
    expect(leaseEventsFor(PROVIDER, block(events, 5)).events).toEqual([]);
  });

  it("fuzz: garbage attributes are counted as skipped, never thrown", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const junk = ["", "{", "null", "[]", "1", '"x"', JSON.stringify({ ...id, dseq: "-1" }), JSON.stringify({ ...id, gseq: "a" }), JSON.stringify({ owner: "UPPER", dseq: "1", gseq: 1, oseq: 1, provider: PROVIDER }), "\u0000".repeat(50)];
    for (let i = 0; i < 300; i++) {
      const value = rand() < 0.5 ? junk[Math.floor(rand() * junk.length)]! : Array.from({ length: Math.floor(rand() * 40) }, () => String.fromCharCode(Math.floor(rand() * 256))).join("");
      const result = leaseEventsFor(PROVIDER, block([{ type: rand() < 0.5 ? LEASE_CREATED : LEASE_CLOSED, attributes: rand() < 0.9 ? [{ key: "id", value }] : [] }]));
      expect(result.events).toEqual([]);
      expect(result.skipped).toBe(1);
    }
  });
});

describe("amounts", () => {
  it("parses LegacyDec strings exactly and refuses anything else", () => {
    expect(parseAtto("500")).toBe(500n * 10n ** 18n);
    expect(parseAtto("0.000000000000000001")).toBe(1n);
    expect(parseAtto("12.5")).toBe(125n * 10n ** 17n);
    for (const bad of ["", "-1", "1e3", "1.0000000000000000001", "NaN", "1,5", " . "]) expect(() => parseAtto(bad)).toThrow(/not a decimal amount/);
  });
});

function chainLease(dseq: string, price: string, accrued = "0"): ChainLease {
  return { id: { owner: OWNER, dseq, gseq: 1, oseq: 1, provider: PROVIDER }, bseq: 0, state: "active", reason: 0, price: { denom: "uact", amount: price }, createdAt: 1, accrued };
}
const gpuSpec = BidGroupSpec.parse(JSON.parse(readFileSync(`${SDL}/gpu-basic/group-specs.json`, "utf8"))[0]);
const cpuSpec = BidGroupSpec.parse(JSON.parse(readFileSync(`${SDL}/simple/group-specs.json`, "utf8"))[0]);

describe("gaming mode: which leases taking the GPU back would break", () => {
  it("lists only GPU leases, most expensive first, with accrued and lost-per-hour in whole base units", () => {
    const impact = gpuReclaimImpact(
      [
        { lease: chainLease("1", "100.5", "1234.999"), group: gpuSpec },
        { lease: chainLease("2", "9999"), group: cpuSpec },
        { lease: chainLease("3", "500"), group: gpuSpec },
        { lease: chainLease("4", "700"), group: null },
      ],
      600,
    );
    expect(GpuReclaimImpact.safeParse(impact).success).toBe(true);
    expect(impact.leases.map((l) => [l.dseq, l.gpus, l.accrued, l.lostPerHour])).toEqual([
      ["3", 1, "0", "300000"],
      ["1", 1, "1234", "60300"],
    ]);
    expect(impact.lostPerHour).toEqual([{ denom: "uact", amount: "360300" }]);
    expect(() => gpuReclaimImpact([], 0)).toThrow(/blocksPerHour/);
  });
});

describe("the cluster port while k3s comes and goes", () => {
  it("refuses with 503 and the reason until k3s is ready, then serves through it", async () => {
    let refreshed = 0;
    const port = new SwitchableCluster(async () => void refreshed++);
    const lease = { owner: OWNER, dseq: "1", gseq: 1, oseq: 1, provider: PROVIDER };
    const group = JSON.parse(readFileSync(`${SDL}/simple/manifest.json`, "utf8"))[0];
    const refused = await port.deploy(lease, group).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(GatewayHttpError);
    expect((refused as GatewayHttpError).status).toBe(503);
    expect((refused as GatewayHttpError).message).toMatch(/k3s is not installed/);
    await expect(port.leaseStatus(lease)).rejects.toThrow(/k3s is not installed/);
    const fake = new FakeCluster();
    port.set({ kind: "ready", port: fake, teardown: async () => true, reconcile: async () => ({ recreated: [], waiting: [], removed: [] }) });
    await port.deploy(lease, group);
    expect(fake.deployed).toHaveLength(1);
    expect((await port.leaseStatus(lease))?.services).toBeDefined();
    expect(refreshed).toBe(2);
  });
});
