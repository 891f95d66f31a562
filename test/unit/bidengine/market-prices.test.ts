import { readFileSync } from "node:fs";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RpcPool } from "../../../main/chain/rpc-pool";
import type { Devnet } from "../../../main/devnet";
import { groupSpecFromJson } from "../../../main/devnet/json/group-spec";
import { ATTO } from "../../../main/bidengine/decimal";
import { decide } from "../../../main/bidengine/decide";
import { MarketPriceFeed, type Timer } from "../../../main/bidengine/market-prices";
import { previewPriceHandler } from "../../../main/bidengine/preview-handler";
import { actor, expectOk, FIXED_FEE, submit, testDevnet, type Actor } from "../devnet/harness";
import { context, gpuOrder, settingsWith, type SettingsPatch } from "./helpers";

// The market reference from the chain's active leases, on the devnet over real HTTP: another
// provider wins leases on GPU groups (one and two GPUs per group, two models, one CPU-only group);
// the feed's snapshot holds each model's per-GPU price per block; the "market" strategy prices an
// order from it (percentile ± percentage, raised to the cost floor, capped at the order's max); the
// pricing preview sees it; a refresh that fails keeps the last snapshot; groups are read once.

let devnet: Devnet;
let pool: RpcPool;
let tenant: Actor;
let bidder: Actor;
let dseq = 5000n;
const paths: string[] = [];
const lines: string[] = [];
let tick: (() => void) | null = null;
const timer: Timer = {
  setInterval: (fn) => {
    tick = fn;
    return 1;
  },
  clearInterval: () => {
    tick = null;
  },
};

/** A GroupSpec from the devnet's gpu-basic vector: `gpus` × `model` per replica (0: CPU only), `unitPrice` uact. */
function group(model: string, gpus: number, unitPrice: string) {
  const [json] = JSON.parse(readFileSync(new URL("../../../main/devnet/demand/specs/gpu-basic.json", import.meta.url), "utf8")) as Array<{ resources: Array<Record<string, unknown> & { resource: Record<string, unknown> }> }>;
  for (const unit of json!.resources) {
    unit.price = { denom: "uact", amount: unitPrice };
    unit.resource.gpu = gpus === 0 ? { units: { val: "0" }, attributes: [] } : { units: { val: String(gpus) }, attributes: [{ key: `vendor/nvidia/model/${model}`, value: "true" }] };
  }
  return groupSpecFromJson({ ...json, requirements: { signed_by: { all_of: [], any_of: [] }, attributes: [{ key: "host", value: "akash" }] } });
}

/** A deployment whose one order the other provider bids `price` on and the tenant leases. */
async function leased(model: string, gpus: number, unitPrice: string, price: string): Promise<void> {
  dseq += 1n;
  expectOk(
    await submit(devnet, tenant, [
      { typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: { id: { owner: tenant.address, dseq }, groups: [group(model, gpus, unitPrice)], hash: new Uint8Array(32).fill(3), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } } },
    ]),
  );
  const bidId = { owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: bidder.address, bseq: 0 };
  expectOk(
    await submit(devnet, bidder, [{ typeUrl: "/akash.market.v1beta5.MsgCreateBid", value: { id: bidId, price: { denom: "uact", amount: price }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] } }], FIXED_FEE),
  );
  expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId } }]));
}

function feed(poolFor: () => RpcPool, options: { pageSize?: number; maxPages?: number } = {}) {
  return new MarketPriceFeed({ pool: poolFor, now: () => new Date("2026-11-21T12:00:00Z"), log: (l) => lines.push(l), timer, ...options });
}

const queries = (path: string) => paths.filter((p) => p === path).length;

beforeAll(async () => {
  devnet = await testDevnet();
  const counting: typeof fetch = (input, init) => {
    const path = /"path":"([^"]+)"/u.exec(String(init?.body ?? ""))?.[1];
    if (path) paths.push(path);
    return fetch(input, init);
  };
  pool = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: [devnet.rpcUrl], fetch: counting });
  tenant = await actor(devnet, "market-tenant", 100_000_000_000n);
  bidder = await actor(devnet, "market-bidder");
  expectOk(await submit(devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "10000000000" } } }]));
  for (let i = 0; i < 12; i++) devnet.produceBlock();
  const attributes = [
    { key: "host", value: "akash" },
    { key: "capabilities/gpu", value: "nvidia" },
    { key: "capabilities/gpu/vendor/nvidia/model/rtx3080", value: "true" },
    { key: "capabilities/gpu/vendor/nvidia/model/rtx4090", value: "true" },
  ];
  expectOk(await submit(devnet, bidder, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: bidder.address, hostUri: "https://other.example.com:8443", attributes, info: { email: "", website: "" } } }]));
  await leased("rtx4090", 1, "1000", "800"); // 800 per GPU
  await leased("rtx4090", 2, "2000", "1800"); // 2 GPUs: 900 per GPU
  await leased("rtx4090", 1, "1100", "1000.5"); // 1000.5 per GPU
  await leased("rtx3080", 1, "1000", "500"); // 500 per GPU
  await leased("", 0, "1000", "300"); // CPU only: no GPU sample
}, 60_000);

afterAll(async () => {
  await devnet?.stop();
});

describe("market prices from the chain's active leases", () => {
  const market: { feed: MarketPriceFeed | null } = { feed: null };

  it("takes a snapshot on start: per-GPU prices by model, CPU-only leases left out with the reason", async () => {
    const f = (market.feed = feed(() => pool));
    paths.length = 0;
    await f.follow("local");
    const snap = f.snapshot("local")!;
    expect(snap).toMatchObject({ network: "local", leases: 5, truncated: false });
    expect([...snap.prices.entries()].sort()).toEqual([
      ["rtx3080", [500n * ATTO]],
      ["rtx4090", [800n * ATTO, 900n * ATTO, 1000n * ATTO + ATTO / 2n]],
    ]);
    expect(lines.at(-1)).toMatch(/5 active lease\(s\), 4 GPU sample\(s\).*no_gpu 1 \(e\.g\. the group rents no GPU\)/);
    // One lease page and one Group read per group: nothing else.
    expect(queries("/akash.market.v1beta5.Query/Leases")).toBe(1);
    expect(queries("/akash.deployment.v1beta4.Query/Group")).toBe(5);
    expect(tick).not.toBeNull();
  });

  it("prices an order with the market strategy: percentile ± percentage, floor, the order's max", () => {
    const prices = market.feed!.prices("local");
    const zeroCost = { tariffUsdPerKwh: "0", depreciationUsdPerGpuHour: "0" };
    const noRest = { gpu: { "*": "0.20" }, cpuThread: "0", memoryGiB: "0", storageGiB: {}, endpoint: "0", leasedIp: "0" };
    const quote = (patch: SettingsPatch, max = "1200") => {
      const decision = decide(gpuOrder({ price: max }), context(patch, { marketGpuPrices: prices }));
      expect(decision.outcome).toBe("bid");
      return decision.quote!;
    };
    const strategy = (percentile: number, adjustBps: number) => ({ strategy: "market" as const, usdPerHour: noRest, market: { percentile, adjustBps } });

    // Median of 800 / 900 / 1000.5 is 900; −10 % → 810 uact/block for the one GPU.
    expect(quote({ pricing: strategy(50, -1000), cost: zeroCost })).toMatchObject({ strategy: "market", marketReference: 900n * ATTO, asked: 810n * ATTO, price: 810n * ATTO });
    // The floor wins: $0.60/h of wear at 6 s blocks is 1000 uact/block.
    expect(quote({ pricing: strategy(50, -1000), cost: { ...zeroCost, depreciationUsdPerGpuHour: "0.6" } })).toMatchObject({ asked: 810n * ATTO, floor: 1000n * ATTO, price: 1000n * ATTO });
    // The 90th percentile + 50 % asks 1500.75: capped at the order's max of 1200.
    expect(quote({ pricing: strategy(90, 5000), cost: zeroCost })).toMatchObject({ marketReference: 1000n * ATTO + ATTO / 2n, asked: 150075n * 10n ** 16n, price: 1200n * ATTO });
    // A model without market data falls back to the owner's fixed GPU price.
    expect(decide(gpuOrder({ price: "1200" }), context({ pricing: strategy(50, 0), cost: zeroCost })).quote).toMatchObject({ strategy: "market", marketReference: null });
  });

  it("reaches the pricing preview: the reference GPU is priced from the market, not the fallback", async () => {
    const handler = previewPriceHandler(() => new Date("2026-11-21T12:00:00Z"), () => market.feed!.prices("local"))["bidengine.previewPrice"];
    const settings = settingsWith({ pricing: { ...settingsWith().pricing, strategy: "market", market: { percentile: 50, adjustBps: 0 } } });
    const out = await handler({ settings, utilisationPercent: 100, gpuModels: ["rtx4090"] });
    const ref = out.references.find((r) => r.gpuModel === "rtx4090")!;
    expect(ref).toMatchObject({ strategy: "market", marketFallback: false });
    const none = await previewPriceHandler(() => new Date("2026-11-21T12:00:00Z"))["bidengine.previewPrice"]({ settings, utilisationPercent: 100, gpuModels: ["rtx4090"] });
    expect(none.references.find((r) => r.gpuModel === "rtx4090")).toMatchObject({ marketFallback: true });
    expect(BigInt(ref.asked.replace(".", ""))).not.toBe(BigInt(none.references.find((r) => r.gpuModel === "rtx4090")!.asked.replace(".", "")));
  });

  it("refreshes on the timer reading only new groups, and keeps the last snapshot when the node fails", async () => {
    const f = market.feed!;
    await leased("rtx3080", 1, "1000", "700");
    paths.length = 0;
    tick!();
    await f.refresh("local"); // joins the refresh the tick started
    expect(f.prices("local")!.get("rtx3080")).toEqual([500n * ATTO, 700n * ATTO]);
    expect(queries("/akash.deployment.v1beta4.Query/Group")).toBe(1); // the other five are cached

    const before = f.snapshot("local");
    let current = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: ["http://127.0.0.1:9"] });
    const broken = feed(() => current);
    expect(await broken.refresh("local")).toBe(false);
    expect(broken.prices("local")).toBeUndefined();
    expect(lines.at(-1)).toMatch(/not refreshed .*no market data yet/);
    current = pool;
    expect(await broken.refresh("local")).toBe(true);
    current = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: ["http://127.0.0.1:9"] });
    expect(await broken.refresh("local")).toBe(false);
    expect(lines.at(-1)).toMatch(/keeping the snapshot of 2026-11-21T12:00:00\.000Z/);
    expect(broken.prices("local")).toEqual(before!.prices);
    f.stop();
    expect(tick).toBeNull();
  });

  it("reads a bounded number of lease pages", async () => {
    paths.length = 0;
    const capped = feed(() => pool, { pageSize: 2, maxPages: 2 });
    expect(await capped.refresh("local")).toBe(true);
    expect(capped.snapshot("local")).toMatchObject({ leases: 4, truncated: true });
    expect(queries("/akash.market.v1beta5.Query/Leases")).toBe(2);
    expect(lines.at(-1)).toMatch(/page cap reached/);
  });
});
