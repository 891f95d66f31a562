import { SimulateRequest, SimulateResponse } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import type { ChainApp } from "./app";
import { sdkErr } from "./errors";
import type { QueryRoutes } from "./types";

/** cosmos.tx.v1beta1.Service/Simulate through abci_query, as cosmjs's "auto" fee uses it. */
export function simulateRoutes(app: ChainApp, now: () => Date): QueryRoutes {
  return {
    "/cosmos.tx.v1beta1.Service/Simulate": (data, height) => {
      const request = SimulateRequest.decode(data);
      if (request.txBytes.length === 0) throw sdkErr.invalidRequest("empty txBytes is not allowed");
      const result = app.simulate(request.txBytes, { height: height + 1, time: now() });
      return SimulateResponse.encode(
        SimulateResponse.fromPartial({
          gasInfo: { gasWanted: 0, gasUsed: result.gasUsed },
          result: {
            data: result.data,
            log: result.log,
            events: result.events.map((e) => ({ type: e.type, attributes: e.attributes })),
          },
        }),
      ).finish();
    },
  };
}
