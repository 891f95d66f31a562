import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { decide } from "../../main/bidengine/decide";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../main/bidengine/default-settings";
import { compileContext } from "../../main/bidengine/engine-context";
import { normalizeOrder, normalizeOrders } from "../../main/bidengine/normalize-order";
import type { NormalizedOrder } from "../../main/bidengine/order-model";
import { liveFigures } from "./bidengine-live";
import type { Figure } from "./figure";

// bidengine.decisions_per_s: pure decision throughput (chain rules + capacity + policies + price) over
// a realistic mix of normalised orders: the real mainnet (stale-denom) order, every official SDL
// GroupSpec re-priced in uact, and GPU orders of several models, sizes and prices, so that declines
// at each stage and full bids are all on the path. Target ≥ 50,000/s.

const FIXTURES = new URL("../../../shared/fixtures/", import.meta.url);
const SDL = ["gpu-basic", "http-options", "ip-endpoint", "multiple-services", "port-ranges", "pricing", "simple", "storage-classes"];
const MODELS = ["rtx4090", "rtx3090", "a100", "*", "rtx4090/ram/24Gi", "h100/interface/sxm"];

function restOrder(spec: unknown, i: number, denom = "uact"): unknown {
  const copy = structuredClone(spec) as { resources: { price: { denom: string } }[] };
  for (const r of copy.resources) r.price.denom = denom;
  return { id: { owner: `akash1tenant${i % 97}`, dseq: String(20_000_000 + i), gseq: 1, oseq: 1 }, state: "open", spec: copy, created_at: "1", reclamation: null };
}

function gpuOrder(i: number): unknown {
  const gpus = 1 + (i % 3 === 0 ? 1 : 0);
  return {
    id: { owner: `akash1gpu${i % 61}`, dseq: String(30_000_000 + i), gseq: 1, oseq: 1 },
    state: "open",
    spec: {
      name: "gpu",
      requirements: { signed_by: { all_of: i % 5 === 0 ? ["akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63"] : [], any_of: [] }, attributes: [{ key: "host", value: "akash" }] },
      resources: [
        {
          resource: {
            id: 1,
            cpu: { units: { val: String(1000 * (1 + (i % 8))) } },
            memory: { quantity: { val: String((4 + (i % 16)) * 2 ** 30) } },
            storage: [{ name: "default", quantity: { val: String((10 + (i % 90)) * 2 ** 30) } }],
            gpu: { units: { val: String(gpus) }, attributes: [{ key: `vendor/nvidia/model/${MODELS[i % MODELS.length]}`, value: "true" }] },
            endpoints: [{ kind: "SHARED_HTTP", sequence_number: 0 }, ...(i % 4 === 0 ? [{ kind: "LEASED_IP", sequence_number: 1 }] : [])],
          },
          count: 1,
          price: { denom: "uact", amount: `${100 + ((i * 37) % 1500)}.${String(i % 1000).padStart(3, "0")}` },
        },
      ],
    },
    created_at: "1",
  };
}

export function benchOrders(n: number): NormalizedOrder[] {
  const specs = SDL.flatMap((name) => JSON.parse(readFileSync(new URL(`sdl/v2.0/${name}/group-specs.json`, FIXTURES), "utf8")) as unknown[]);
  const mainnet = normalizeOrders(JSON.parse(readFileSync(new URL("akash-mainnet/orders-list.json", FIXTURES), "utf8"))).orders[0]!;
  const orders: NormalizedOrder[] = [];
  for (let i = 0; orders.length < n; i++) {
    const pick = i % 10;
    if (pick === 0) orders.push(mainnet);
    else if (pick < 4) orders.push(normalizeOrder(restOrder(specs[i % specs.length], i)));
    else orders.push(normalizeOrder(gpuOrder(i)));
  }
  return orders;
}

export default async function bench(): Promise<Figure[]> {
  const orders = benchOrders(10_000);
  const settings = structuredClone(DEFAULT_BIDENGINE_SETTINGS);
  // A rig with two GPU models, a region attribute some SDL orders want, and market data for one model.
  settings.provider.attributes.push({ key: "region", value: "us-west" }, { key: "capabilities/gpu/vendor/nvidia/model/rtx3090", value: "true" });
  settings.declaredInventory[0]!.gpus.push({ model: "rtx3090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 1 });
  settings.pricing.strategy = "market";
  const ctx = compileContext({
    settings,
    now: new Date("2026-11-18T12:00:00Z"),
    utcOffsetMinutes: 60,
    gaming: false,
    openBids: 2,
    balances: new Map([["uakt", 50_000_000n]]),
    marketGpuPrices: new Map([["rtx4090", [400n, 450n, 520n, 610n].map((u) => u * 10n ** 18n)]]),
  });

  const outcomes = new Map<string, number>();
  for (const o of orders) {
    const d = decide(o, ctx);
    const key = d.reason ?? "bid";
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  if ((outcomes.get("bid") ?? 0) < orders.length / 10) throw new Error(`unrealistic mix: ${JSON.stringify([...outcomes])}`);

  // Warm up, then time whole passes for about two seconds.
  for (let i = 0; i < 3; i++) for (const o of orders) decide(o, ctx);
  let decided = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 2_000) {
    for (const o of orders) decide(o, ctx);
    decided += orders.length;
    elapsed = performance.now() - start;
  }
  return [{ figure: "bidengine.decisions_per_s", value: Math.round((decided * 1000) / elapsed), unit: "decisions/s" }, ...(await liveFigures())];
}
