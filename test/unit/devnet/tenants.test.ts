import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryOrdersRequest, QueryOrdersResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawDeployment, DEMAND_MIX } from "../../../main/devnet/demand/mix";
import type { Devnet } from "../../../main/devnet/index";
import { groupPrice } from "../../../main/devnet/modules/resources";
import { Rng } from "../../../main/devnet/util/rng";
import { actor, testDevnet, type Actor } from "./harness";
import { abci } from "./query";

const MODELS = ["rtx4090", "rtx3090", "a100", "h100"];
const ALL_CAPABILITIES = [
  { key: "host", value: "akash" },
  { key: "capabilities/gpu", value: "nvidia" },
  ...MODELS.map((m) => ({ key: `capabilities/gpu/vendor/nvidia/model/${m}`, value: "true" })),
  { key: "capabilities/storage/1/class", value: "beta2" },
  { key: "capabilities/storage/1/persistent", value: "true" },
  { key: "capabilities/storage/2/class", value: "beta3" },
  { key: "capabilities/storage/2/persistent", value: "true" },
];

describe("demand model", () => {
  it("is deterministic for a seed and prices every unit in uact", () => {
    const a = Array.from({ length: 30 }, (_, i) => drawDeployment(new Rng(42 + i)));
    const b = Array.from({ length: 30 }, (_, i) => drawDeployment(new Rng(42 + i)));
    expect(a.map((d) => [d.kind, d.ratePerBlock])).toEqual(b.map((d) => [d.kind, d.ratePerBlock]));
    for (const d of a) for (const g of d.groups) expect(groupPrice(g).denom).toBe("uact");
    expect(DEMAND_MIX.reduce((s, e) => s + e.weight, 0)).toBe(100);
    const rtx = a.find((d) => d.kind === "gpu-rtx4090");
    expect(rtx?.groups[0]?.resources[0]?.resource?.gpu?.attributes).toEqual([{ key: "vendor/nvidia/model/rtx4090", value: "true" }]);
    // An RTX 4090 at ~$0.30/h is ~500 uact/block; with the 1.2–1.6 markup and the CPU/RAM around it.
    if (rtx) expect(Number(rtx.ratePerBlock)).toBeGreaterThan(600);
  });

  it("narrows to the named kinds and audited share, and refuses unknown kinds", () => {
    const cpu = Array.from({ length: 200 }, (_, i) => drawDeployment(new Rng(7 + i), { kinds: ["simple", "pricing"], auditedShare: 0 }));
    expect(new Set(cpu.map((d) => d.kind))).toEqual(new Set(["simple", "pricing"]));
    // simple weighs 10 and pricing 5: about two to one.
    const simpleShare = cpu.filter((d) => d.kind === "simple").length / cpu.length;
    expect(simpleShare).toBeGreaterThan(0.5);
    expect(simpleShare).toBeLessThan(0.8);
    for (const d of cpu) for (const g of d.groups) expect(g.requirements?.signedBy).toEqual({ allOf: [], anyOf: [] });
    const audited = Array.from({ length: 50 }, (_, i) => drawDeployment(new Rng(3 + i), { kinds: ["simple"], auditedShare: 1 }));
    for (const d of audited) expect(d.groups[0]?.requirements?.signedBy?.anyOf.length).toBeGreaterThan(0);
    // The default is today's mix: the same draws as before the option existed.
    expect(drawDeployment(new Rng(5), {}).kind).toBe(drawDeployment(new Rng(5)).kind);
    expect(() => drawDeployment(new Rng(1), { kinds: ["simple", "gpu-b200"] })).toThrow(/unknown demand kind\(s\) gpu-b200; known: gpu-rtx4090/);
    expect(() => drawDeployment(new Rng(1), { kinds: [] })).toThrow(/at least one/);
  });

  it("startDevnet refuses bad tenant options before funding anyone", async () => {
    await expect(testDevnet({ tenants: { kinds: ["nope"] } })).rejects.toThrow(/unknown demand kind/);
    await expect(testDevnet({ tenants: { auditedShare: 1.5 } })).rejects.toThrow(/auditedShare/);
  });
});

describe("synthetic tenants on the devnet", () => {
  let devnet: Devnet;
  let provider: Actor;
  const logs: string[] = [];

  beforeAll(async () => {
    devnet = await testDevnet({
      bme: { minEpochBlocks: 1 },
      tenants: { count: 3, meanBlocksBetweenDeployments: 3, bidWindowBlocks: 2, meanLeaseBlocks: 12, topUpProbability: 0.5 },
      log: (m) => logs.push(m),
    });
    provider = await actor(devnet, "bidder");
    await provider.client.signAndBroadcastSync(provider.address, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: provider.address, hostUri: "https://bidder.example.com:8443", attributes: ALL_CAPABILITIES, info: { email: "", website: "" } } }], "auto");
  });
  afterAll(async () => {
    await devnet.stop();
  });

  it("tenants deploy, take the cheapest bid, run, and close, through real txs", async () => {
    const q = await abci(devnet.rpcUrl);
    const bidOn = new Set<string>();
    for (let i = 0; i < 90; i++) {
      devnet.produceBlock();
      // Tenants sign and broadcast over HTTP: give their I/O a moment between blocks.
      await new Promise((resolve) => setTimeout(resolve, 25));
      const open = await q.query("/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, QueryOrdersResponse, { filters: { state: "open" } });
      for (const order of open.orders) {
        const key = `${order.id?.owner}/${order.id?.dseq.toString()}`;
        const signed = (order.spec?.requirements?.signedBy?.allOf.length ?? 0) + (order.spec?.requirements?.signedBy?.anyOf.length ?? 0);
        if (bidOn.has(key) || signed > 0 || !order.id || !order.spec) continue;
        bidOn.add(key);
        const max = groupPrice(order.spec);
        const price = (max.amount / 10n ** 18n / 2n || 1n).toString();
        await provider.client.signAndBroadcastSync(
          provider.address,
          [{ typeUrl: "/akash.market.v1beta5.MsgCreateBid", value: { id: { ...order.id, provider: provider.address, bseq: 0 }, price: { denom: "uact", amount: price }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] } }],
          "auto",
        );
      }
    }
    q.close();
    // No block is produced from here on, so the chain's count is final; a tenant may still be
    // polling for the inclusion of its last lease before it counts it.
    const leasesCounted = () => (devnet.tenants?.stats() ?? []).reduce((n, t) => n + t.leases, 0);
    await expect.poll(leasesCounted, { timeout: 10_000 }).toBe(devnet.node.market.leasesByProvider.count(provider.address));
    const stats = devnet.tenants?.stats() ?? [];
    const total = stats.reduce((s, t) => ({ deployments: s.deployments + t.deployments, leases: s.leases + t.leases, closes: s.closes + t.closes }), { deployments: 0, leases: 0, closes: 0 });
    expect(total.deployments).toBeGreaterThan(2);
    expect(total.leases).toBeGreaterThan(0);
    expect(devnet.node.market.leasesByProvider.count(provider.address)).toBe(total.leases);
    expect(total.closes).toBeGreaterThan(0);
    expect(stats.every((t) => t.failures === 0)).toBe(true);
    expect(logs).toEqual([]);
  });
});
