import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCreateBid, QueryOrdersRequest, QueryOrdersResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeMsg } from "../../../main/chain/tx-queue";
import { leaseNamespace } from "../../../main/cluster/builder";
import { groupPrice } from "../../../main/devnet/modules/resources";
import { Scenario } from "../serving/devnet-scenario";
import { abci } from "./query";

// The devnet's synthetic tenants against the app's real gateway on loopback: after leasing our
// bid they find our host_uri on chain, trust only our on-chain certificate, send the manifest of
// their drawn vector with a chain-sdk JWT, ask for the lease status, and close later. The provider
// side deploys each manifest on the local Kubernetes API stand-in and tears it down on close.

const MODELS = ["rtx4090", "rtx3090", "a100", "h100"];
const ATTRIBUTES = [
  { key: "host", value: "akash" },
  { key: "capabilities/gpu", value: "nvidia" },
  ...MODELS.map((m) => ({ key: `capabilities/gpu/vendor/nvidia/model/${m}`, value: "true" })),
  { key: "capabilities/storage/1/class", value: "beta2" },
  { key: "capabilities/storage/1/persistent", value: "true" },
  { key: "capabilities/storage/2/class", value: "beta3" },
  { key: "capabilities/storage/2/persistent", value: "true" },
];

const logs: string[] = [];
const s = new Scenario({
  devnet: { bme: { minEpochBlocks: 1 }, tenants: { count: 2, meanBlocksBetweenDeployments: 3, bidWindowBlocks: 2, meanLeaseBlocks: 14, topUpProbability: 1 }, log: (m) => logs.push(m) },
  attributes: ATTRIBUTES,
  realClock: true,
  limits: { burst: 10_000, perSecond: 10_000 },
});

beforeAll(async () => {
  await s.start();
  await s.serving.start();
  await s.serveOnLoopback();
}, 60_000);
afterAll(() => s.stop());

describe("synthetic tenants served by the app's gateway", () => {
  it("lease → manifest over HTTPS with a JWT → status → close → torn down", async () => {
    const q = await abci(s.devnet.rpcUrl);
    const bidOn = new Set<string>();
    try {
      for (let i = 0; i < 400; i++) {
        s.devnet.produceBlock();
        await new Promise((resolve) => setTimeout(resolve, 40)); // the tenants' own HTTP round trips
        const open = await q.query("/akash.market.v1beta5.Query/Orders", QueryOrdersRequest, QueryOrdersResponse, { filters: { state: "open" } });
        for (const order of open.orders) {
          const key = `${order.id?.owner}/${order.id?.dseq.toString()}/${order.id?.gseq}`;
          const signed = (order.spec?.requirements?.signedBy?.allOf.length ?? 0) + (order.spec?.requirements?.signedBy?.anyOf.length ?? 0);
          if (bidOn.has(key) || signed > 0 || !order.id || !order.spec) continue;
          bidOn.add(key);
          const price = (groupPrice(order.spec).amount / 10n ** 18n / 2n || 1n).toString();
          // Orders this rig cannot serve (the chain says capabilities mismatch) are left alone, as the bid engine would.
          await s.queue.submit({
            kind: "bid.create",
            messages: [encodeMsg(MsgCreateBid, { id: { ...order.id, dseq: order.id.dseq.toString(), provider: s.provider.address, bseq: 0 }, price: { denom: "uact", amount: price }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] })],
          }).catch((error: unknown) => {
            if (!/capabilities mismatch/.test(String(error))) throw error;
          });
        }
        const stats = s.devnet.tenants?.stats() ?? [];
        if (stats.reduce((n, t) => n + t.closes, 0) >= 2 && stats.reduce((n, t) => n + t.statusChecks, 0) >= 2) break;
      }
      // Let every tenant finish what it has in flight (a manifest PUT may be on the wire).
      await s.devnet.tenants?.stop();
      await s.caughtUp();
    } finally {
      q.close();
    }
    const stats = s.devnet.tenants?.stats() ?? [];
    const sum = (k: keyof (typeof stats)[number]) => stats.reduce((n, t) => n + Number(t[k]), 0);
    const status = await s.serving.status();
    // On failure, show what the tenants and the provider saw.
    const diag = JSON.stringify({ logs, stats, status, released: s.released });
    // Stopping the tenants may cut off a tx still waiting for its block: that, and nothing else, may fail.
    const cutOff = logs.filter((l) => l.endsWith("was not included (stopping)"));
    expect(logs.filter((l) => !cutOff.includes(l)), diag).toEqual([]);
    expect(sum("failures"), diag).toBe(cutOff.length);
    expect(sum("manifestFailures"), diag).toBe(0);
    expect(sum("manifestsSkipped"), diag).toBe(0);
    expect(sum("manifestsSent"), diag).toBeGreaterThanOrEqual(2);
    expect(sum("statusChecks"), diag).toBeGreaterThanOrEqual(2);
    expect(sum("closes"), diag).toBeGreaterThanOrEqual(1);
    expect(status.manifestsReceived, diag).toBe(sum("manifestsSent"));
    // Each manifest became one namespace applied on the Kubernetes API (server-side apply).
    const applied = new Set(s.kube.requests.filter((r) => r.method === "PATCH").map((r) => /^\/api\/v1\/namespaces\/([^/]+)$/.exec(r.path)?.[1]).filter(Boolean));
    expect(applied.size, diag).toBe(sum("manifestsSent"));
    // Every closed lease was released and its namespace removed; what is still running is still leased.
    const leases = await s.chain.providerLeases();
    const live = new Set(leases.map((l) => leaseNamespace(l.id)));
    for (const ns of s.kube.list("Namespace")) expect(live.has(ns.metadata.name), diag).toBe(true);
    expect(s.released.length, diag).toBeGreaterThanOrEqual(1);
    expect(status.leasesServed, diag).toBe(s.kube.list("Namespace").length);
  }, 120_000);
});
