import { QueryOrdersRequest, QueryOrdersResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Devnet } from "../../../main/devnet/index";
import { ordersFromRestList } from "../../../main/devnet/json/rest-order";
import { testDevnet } from "./harness";
import { abci } from "./query";
import { sharedPath } from "../../support/shared";

const fixture = JSON.parse(readFileSync(sharedPath("fixtures/akash-mainnet/orders-list.json"), "utf8")) as {
  orders: Array<{
    id: { owner: string; dseq: string; gseq: number; oseq: number };
    state: string;
    created_at: string;
    spec: {
      name: string;
      requirements: { signed_by: { all_of: string[]; any_of: string[] }; attributes: Array<{ key: string; value: string }> };
      resources: Array<{
        resource: {
          id: number;
          cpu: { units: { val: string } };
          memory: { quantity: { val: string } };
          storage: Array<{ name: string; quantity: { val: string } }>;
          gpu: { units: { val: string }; attributes: Array<{ key: string; value: string }> };
          endpoints: Array<{ kind: string; sequence_number: number }>;
        };
        count: number;
        price: { denom: string; amount: string };
      }>;
    };
  }>;
};

const ascii = (val: Uint8Array | undefined) => new TextDecoder().decode(val);

describe("mainnet orders served through the devnet's Orders query", () => {
  let devnet: Devnet;
  beforeAll(async () => {
    devnet = await testDevnet();
    for (const order of ordersFromRestList(fixture)) devnet.node.market.importOrder(order);
    devnet.produceBlock();
  });
  afterAll(async () => {
    await devnet.stop();
  });

  it("chain-sdk decodes the abci_query response to the REST fixture's values", async () => {
    const q = await abci(devnet.rpcUrl);
    const response = await q.query("/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, QueryOrdersResponse, { filters: { state: "open" }, pagination: { limit: 100 } });
    q.close();
    expect(response.orders).toHaveLength(fixture.orders.length);
    fixture.orders.forEach((expected, i) => {
      const order = response.orders[i];
      expect(order?.id?.owner).toBe(expected.id.owner);
      expect(order?.id?.dseq.toString()).toBe(expected.id.dseq);
      expect([order?.id?.gseq, order?.id?.oseq]).toEqual([expected.id.gseq, expected.id.oseq]);
      expect(order?.createdAt.toString()).toBe(expected.created_at);
      expect(order?.spec?.name).toBe(expected.spec.name);
      expect(order?.spec?.requirements?.signedBy?.allOf).toEqual(expected.spec.requirements.signed_by.all_of);
      expect(order?.spec?.requirements?.attributes).toEqual(expected.spec.requirements.attributes);
      expected.spec.resources.forEach((unit, j) => {
        const got = order?.spec?.resources[j];
        // ResourceValue.val: ASCII decimal bytes on the wire, the REST decimal string after decoding.
        expect(ascii(got?.resource?.cpu?.units?.val)).toBe(unit.resource.cpu.units.val);
        expect(ascii(got?.resource?.memory?.quantity?.val)).toBe(unit.resource.memory.quantity.val);
        expect(got?.resource?.storage.map((s) => [s.name, ascii(s.quantity?.val)])).toEqual(unit.resource.storage.map((s) => [s.name, s.quantity.val]));
        expect(ascii(got?.resource?.gpu?.units?.val)).toBe(unit.resource.gpu.units.val);
        expect(got?.resource?.gpu?.attributes).toEqual(unit.resource.gpu.attributes);
        expect(got?.count).toBe(unit.count);
        expect(got?.price?.denom).toBe(unit.price.denom);
        expect(Number(got?.price?.amount)).toBe(Number(unit.price.amount));
      });
    });
  });

  it("rejects malformed REST JSON with a clear error instead of importing garbage", () => {
    expect(() => ordersFromRestList({ orders: [{ id: { owner: "x", dseq: "abc", gseq: 1, oseq: 1 } }] })).toThrow(/dseq/);
    expect(() => ordersFromRestList({})).toThrow();
  });
});
