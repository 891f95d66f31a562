import { randomBytes } from "node:crypto";
import { QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { describe, expect, it } from "vitest";
import type { RpcPool } from "../../../main/chain/rpc-pool";
import { queryConversions, queryProviderBids } from "../../../main/earnings/bme-and-bid-reads";
import { latestBlock, queryAktPrice, queryDeploymentAccount, queryProviderLeases } from "../../../main/earnings/chain-reads";

// Chain answers are outside input: garbage bytes or hostile values must give a result or a clear
// Error, never a crash, a hang or a booked NaN.

const poolAnswering = (value: () => unknown): RpcPool => ({ call: async () => value() }) as unknown as RpcPool;
const abci = (bytes: Uint8Array) => ({ response: { code: 0, value: Buffer.from(bytes).toString("base64") } });

describe("chain reads under garbage", () => {
  it("random protobuf bytes: every read returns or throws an Error", async () => {
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(Math.floor(Math.random() * 200));
      const pool = poolAnswering(() => abci(bytes));
      for (const read of [() => queryProviderLeases(pool, "akash1p"), () => queryDeploymentAccount(pool, "akash1t", "1", "uact"), () => queryAktPrice(pool), () => queryProviderBids(pool, "akash1p"), () => queryConversions(pool, "akash1p")]) {
        const outcome = await read().then(
          (v) => ({ ok: true, v }),
          (e: unknown) => ({ ok: false, v: e }),
        );
        if (!outcome.ok) expect(outcome.v).toBeInstanceOf(Error);
      }
    }
  });

  it("a lease with a non-numeric rate or withdrawn amount is refused with a clear message", async () => {
    const bytes = QueryLeasesResponse.encode(
      QueryLeasesResponse.fromPartial({
        leases: [{ lease: { id: { owner: "akash1t", dseq: 1n, gseq: 1, oseq: 1, provider: "akash1p", bseq: 0 }, state: 1 }, escrowPayment: { state: { withdrawn: { denom: "uact", amount: "12abc" }, rate: { denom: "uact", amount: "1" } } } }],
      } as never),
    ).finish();
    await expect(queryProviderLeases(poolAnswering(() => abci(bytes)), "akash1p")).rejects.toThrow(/bad payment withdrawn/);
  });

  it("a node status without height or time is refused", async () => {
    await expect(latestBlock(poolAnswering(() => ({ sync_info: { latest_block_height: "x" } })))).rejects.toThrow(/no latest block height/);
    await expect(latestBlock(poolAnswering(() => ({ sync_info: { latest_block_height: "5", latest_block_time: "never" } })))).rejects.toThrow(/no latest block time/);
  });
});
