import { Order } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { describe, expect, it } from "vitest";
import { ATTO } from "../../../main/bidengine/decimal";
import { normalizeOrder, normalizeOrders, OrderParseError } from "../../../main/bidengine/normalize-order";
import { groupSpecs, orderFromSpec, readFixture, SDL_CASES } from "./helpers";

const GiB = 2n ** 30n;

describe("normalizeOrder: the chain's REST JSON", () => {
  it("reads the real mainnet orders-list response", () => {
    const read = normalizeOrders(readFixture("akash-mainnet/orders-list.json"));
    expect(read.rejected).toEqual([]);
    expect(read.nextKey).toMatch(/^YBnr/);
    const [order] = read.orders;
    expect(order).toMatchObject({
      owner: "akash1000dryw6pj53kxt6fe8admaue5lvjf8jjprqqh",
      dseq: 20805457n,
      gseq: 1,
      oseq: 1,
      key: "akash1000dryw6pj53kxt6fe8admaue5lvjf8jjprqqh/20805457/1/1",
      state: "open",
      createdAt: 20805459n,
      reclamation: false,
      signedBy: { allOf: ["akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63"], anyOf: [] },
      attributes: [{ key: "console/trials", value: "true" }],
    });
    const unit = order!.resources[0]!;
    expect(unit).toMatchObject({ id: 1, cpuMillis: 2000, memoryBytes: 12_000_000_000n, gpuUnits: 1, count: 1 });
    expect(unit.storage).toEqual([{ name: "default", bytes: 12_884_901_888n, storageClass: null, persistent: false, attributes: [] }]);
    expect(unit.gpuAttributes).toEqual([{ key: "vendor/nvidia/model/*", value: "true" }]);
    expect(unit.endpoints).toEqual([{ kind: "random_port", sequence: 0 }]);
    expect(unit.price).toEqual({ denom: "ibc/170C677610AC31DF0904FFE09CD3B5C657492170E7E52372E48756B71E56F2F1", atto: 10_000n * ATTO });
  });

  it.each(SDL_CASES)("reads every GroupSpec the official SDK derives from SDL %s", (name) => {
    for (const spec of groupSpecs(name)) {
      const order = normalizeOrder(orderFromSpec(spec));
      expect(order.resources.length).toBe((spec.resources as unknown[]).length);
      for (const unit of order.resources) expect(unit.price.denom).toBe("uakt");
    }
  });

  it("reads storage classes, endpoint kinds by number and null lists from SDL tooling output", () => {
    const storage = normalizeOrder(orderFromSpec(groupSpecs("storage-classes")[0]!)).resources[0]!.storage;
    expect(storage.map((s) => [s.name, s.bytes, s.storageClass, s.persistent])).toEqual([
      ["cache", GiB, "ram", false],
      ["logs", 5n * GiB, null, false],
      ["data", 20n * GiB, "beta3", true],
    ]);
    const ip = normalizeOrder(orderFromSpec(groupSpecs("ip-endpoint")[0]!)).resources[0]!.endpoints;
    expect(ip.map((e) => e.kind)).toEqual(["shared_http", "leased_ip", "random_port", "leased_ip"]);
    const pricing = normalizeOrder(orderFromSpec(groupSpecs("pricing")[0]!));
    expect(pricing.attributes).toEqual([]);
    expect(pricing.signedBy).toEqual({ allOf: [], anyOf: [] });
  });

  it("accepts the orders/info wrapper and a plain list; skips and reports bad entries of a list", () => {
    const good = orderFromSpec(groupSpecs("simple")[0]!);
    expect(normalizeOrder({ order: good }).dseq).toBe(1000n);
    const read = normalizeOrders([good, { id: 1 }, good]);
    expect(read.orders).toHaveLength(2);
    expect(read.rejected).toEqual([{ index: 1, message: expect.stringContaining("orders[1].id") }]);
  });
});

describe("normalizeOrder: the chain-sdk protobuf type", () => {
  const bytes = (n: string) => ({ val: new TextEncoder().encode(n) });
  const proto = () =>
    Order.decode(
      Order.encode(
        Order.fromPartial({
          id: { owner: "akash1owner", dseq: "9007199254740993", gseq: 2, oseq: 3 },
          state: 1,
          createdAt: 77,
          spec: {
            name: "web",
            requirements: { signedBy: { allOf: [], anyOf: ["akash1auditor"] }, attributes: [{ key: "region", value: "eu" }] },
            resources: [
              {
                resource: {
                  id: 1,
                  cpu: { units: bytes("1500"), attributes: [] },
                  memory: { quantity: bytes("4294967296"), attributes: [] },
                  storage: [{ name: "data", quantity: bytes("1073741824"), attributes: [{ key: "class", value: "beta2" }, { key: "persistent", value: "true" }] }],
                  gpu: { units: bytes("2"), attributes: [{ key: "vendor/nvidia/model/rtx4090", value: "true" }] },
                  endpoints: [{ kind: 2, sequenceNumber: 1 }],
                },
                count: 3,
                price: { denom: "uact", amount: "12.345" },
              },
            ],
          },
        }),
      ).finish(),
    );

  it("decodes a wire-encoded Order: Long uint64, ASCII-decimal ResourceValue bytes, enum numbers", () => {
    const order = normalizeOrder(proto());
    expect(order).toMatchObject({ owner: "akash1owner", dseq: 9_007_199_254_740_993n, gseq: 2, oseq: 3, state: "open", createdAt: 77n, reclamation: false });
    expect(order.signedBy).toEqual({ allOf: [], anyOf: ["akash1auditor"] });
    const unit = order.resources[0]!;
    expect(unit).toMatchObject({ cpuMillis: 1500, memoryBytes: 4n * GiB, gpuUnits: 2, count: 3 });
    expect(unit.storage[0]).toMatchObject({ storageClass: "beta2", persistent: true, bytes: GiB });
    expect(unit.endpoints).toEqual([{ kind: "leased_ip", sequence: 1 }]);
    expect(unit.price.atto).toBe(12_345_000_000_000_000_000n);
  });

  it("gives the same model for the same order in both shapes", () => {
    const fromProto = normalizeOrder(proto());
    const rest = JSON.parse(JSON.stringify(Order.toJSON(proto())));
    // ts-proto's toJSON base64-encodes bytes; REST carries the decimal text instead.
    for (const unit of rest.spec.resources) {
      for (const part of [unit.resource.cpu.units, unit.resource.memory.quantity, unit.resource.gpu.units, ...unit.resource.storage.map((s: { quantity: unknown }) => s.quantity)]) {
        (part as { val: string }).val = Buffer.from((part as { val: string }).val, "base64").toString("ascii");
      }
    }
    expect(normalizeOrder(rest)).toEqual(fromProto);
  });
});

describe("normalizeOrder: bad input", () => {
  const valid = () => orderFromSpec(groupSpecs("gpu-basic")[0]!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it.each([
    ["a number", 42, "order: expected an object"],
    ["null", null, "order: expected an object"],
    ["a missing id", { ...valid(), id: undefined }, "order.id: expected an object"],
    ["a negative dseq", { ...valid(), id: { owner: "a", dseq: "-1", gseq: 1, oseq: 1 } }, "order.id.dseq"],
    ["a dseq over uint64", { ...valid(), id: { owner: "a", dseq: "18446744073709551616", gseq: 1, oseq: 1 } }, "out of range"],
    ["an unknown state", { ...valid(), state: "pending" }, "unknown order state"],
    ["no resources", { ...valid(), spec: { ...valid().spec, resources: [] } }, "resources"],
    ["a zero count", { ...valid(), spec: { ...valid().spec, resources: [{ ...valid().spec.resources[0], count: 0 }] } }, "count: must be at least 1"],
  ])("refuses %s with a clear error", (_, input, message) => {
    expect(() => normalizeOrder(input)).toThrow(OrderParseError);
    expect(() => normalizeOrder(input)).toThrow(message);
  });

  it("refuses a price with a float, a sign or too many decimals, and a non-decimal resource value", () => {
    for (const amount of ["1e3", "-1", "1.0000000000000000001", " 1", 1000]) {
      const o = valid();
      o.spec.resources[0].price.amount = amount;
      expect(() => normalizeOrder(o)).toThrow(/price\.amount/);
    }
    const o = valid();
    o.spec.resources[0].resource.cpu.units.val = "1.5";
    expect(() => normalizeOrder(o)).toThrow(/cpu\.units\.val/);
    const p = valid();
    p.spec.resources[0].resource.memory.size = { val: new Uint8Array([0x31, 0x2e]) };
    expect(() => normalizeOrder(p)).toThrow(/not an ASCII decimal/);
  });

  it("fuzz: random mutations of real orders give an order or an OrderParseError, never anything else", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const garbage = [null, undefined, 0, -1, 1.5, "", "x", "１２", "99999999999999999999999999999999999999999", true, [], {}, [1], { val: "7" }, new Uint8Array([0xff]), { low: -1, high: -1 }, Symbol.iterator.toString()];
    const docs = [readFixture("akash-mainnet/orders-list.json") as Record<string, unknown>, ...["gpu-basic", "storage-classes", "ip-endpoint"].map((n) => ({ orders: [orderFromSpec(groupSpecs(n)[0]!)] }))];
    let parsed = 0;
    let refused = 0;
    for (let round = 0; round < 3000; round++) {
      const doc = structuredClone(docs[round % docs.length]!);
      // Walk to a random node and replace one of its fields (or the node) with garbage.
      for (let edits = 1 + Math.floor(rand() * 3); edits > 0; edits--) {
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
      try {
        const read = normalizeOrders(doc);
        parsed += read.orders.length;
        refused += read.rejected.length;
        for (const r of read.rejected) expect(r.message.length).toBeGreaterThan(5);
      } catch (error) {
        expect(error).toBeInstanceOf(OrderParseError);
        refused++;
      }
    }
    expect(parsed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it("fuzz: random JSON text never crashes the reader", () => {
    let seed = 99;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const text = JSON.stringify(readFixture("akash-mainnet/orders-list.json"));
    for (let i = 0; i < 2000; i++) {
      const chars = text.split("");
      for (let k = 0; k < 3; k++) chars[Math.floor(rand() * chars.length)] = String.fromCharCode(32 + Math.floor(rand() * 95));
      let doc: unknown;
      try {
        doc = JSON.parse(chars.join(""));
      } catch {
        continue;
      }
      try {
        normalizeOrders(doc);
      } catch (error) {
        expect(error).toBeInstanceOf(OrderParseError);
      }
    }
  });
});
