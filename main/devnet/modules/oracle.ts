import { QueryAggregatedPriceRequest, QueryAggregatedPriceResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { sdkErr } from "../chain/errors";
import type { MsgContext, QueryRoutes } from "../chain/types";
import type { Store, Table } from "../state/store";
import { formatDec, parseDec } from "../util/dec";
import { Rng } from "../util/rng";

export type PriceSeries = { kind: "fixed"; price: string } | { kind: "random-walk"; start: string; stepBps: number; seed: number; min?: string; max?: string };

interface PriceState {
  /** USD per AKT, Dec string. */
  price: string;
  height: number;
  rngState: number;
}

/**
 * x/oracle: the USD price of AKT that BME settles at. A fixed value, or a seeded random walk that
 * moves by at most ±stepBps each block (deterministic for a seed, so tests can predict it).
 */
export class OracleModule {
  private readonly state: Table<PriceState>;

  constructor(
    store: Store,
    private readonly series: PriceSeries,
  ) {
    this.state = store.table<PriceState>("oracle.price");
  }

  init(): void {
    if (this.state.has("akt")) return;
    const start = this.series.kind === "fixed" ? this.series.price : this.series.start;
    parseDec(start);
    this.state.put("akt", { price: formatDec(parseDec(start)), height: 0, rngState: this.series.kind === "random-walk" ? this.series.seed : 0 });
  }

  /** USD per AKT as a scaled Dec. */
  aktPrice(): bigint {
    return parseDec(this.state.get("akt")?.price ?? "1");
  }

  endBlock(ctx: MsgContext): void {
    if (this.series.kind !== "random-walk") return;
    const current = this.state.get("akt");
    if (!current) return;
    const rng = new Rng(current.rngState);
    const stepBps = BigInt(Math.round((rng.next() * 2 - 1) * this.series.stepBps));
    let next = parseDec(current.price) + (parseDec(current.price) * stepBps) / 10_000n;
    const min = parseDec(this.series.min ?? "0.01");
    const max = parseDec(this.series.max ?? "1000");
    if (next < min) next = min;
    if (next > max) next = max;
    this.state.put("akt", { price: formatDec(next), height: ctx.height, rngState: rng.seedState });
  }

  routes(now: () => Date): QueryRoutes {
    return {
      "/akash.oracle.v1.Query/AggregatedPrice": (data) => {
        const { denom } = QueryAggregatedPriceRequest.decode(data);
        if (denom !== "uakt" && denom !== "akt") throw sdkErr.keyNotFound(`no price for denom ${denom}`);
        const price = formatDec(this.aktPrice());
        return QueryAggregatedPriceResponse.encode(
          QueryAggregatedPriceResponse.fromPartial({
            aggregatedPrice: { denom, twap: price, medianPrice: price, minPrice: price, maxPrice: price, timestamp: now(), numSources: 1, deviationBps: 0 },
            priceHealth: { denom, isHealthy: true, hasMinSources: true, deviationOk: true, totalSources: 1, totalHealthySources: 1, failureReason: [] },
          }),
        ).finish();
      },
    };
  }
}


