import { describe, expect, it } from "vitest";
import { marketEvents, parseId } from "../../../main/bidengine/market-events";
import type { BlockEvents } from "../../../main/chain/block-stream";

const ID = JSON.stringify({ owner: "akash1tenant", dseq: "42", gseq: 1, oseq: 1 });
const BID_ID = JSON.stringify({ owner: "akash1tenant", dseq: "42", gseq: 1, oseq: 1, provider: "akash1me", bseq: 0 });

function block(txs: BlockEvents["txs"], finalize: BlockEvents["block"] = []): BlockEvents {
  return { height: 7, txs, block: finalize };
}

describe("market events from block_results", () => {
  it("reads order, bid and lease events from successful txs and finalize events", () => {
    const events = marketEvents(
      block(
        [
          { index: 0, code: 0, events: [{ type: "akash.market.v1.EventOrderCreated", attributes: [{ key: "id", value: ID }] }, { type: "message", attributes: [] }] },
          { index: 1, code: 0, events: [{ type: "akash.market.v1.EventBidCreated", attributes: [{ key: "id", value: BID_ID }, { key: "msg_index", value: "0" }] }] },
          { index: 2, code: 11, events: [{ type: "akash.market.v1.EventLeaseCreated", attributes: [{ key: "id", value: BID_ID }] }] },
        ],
        [{ type: "akash.market.v1.EventLeaseClosed", attributes: [{ key: "id", value: BID_ID }] }],
      ),
    );
    expect(events).toEqual([
      { type: "order_created", key: "akash1tenant/42/1/1", provider: null },
      { type: "bid_created", key: "akash1tenant/42/1/1", provider: "akash1me" },
      { type: "lease_closed", key: "akash1tenant/42/1/1", provider: "akash1me" },
    ]);
  });

  it("normalizes dseq and refuses malformed ids", () => {
    expect(parseId(JSON.stringify({ owner: "o", dseq: "007", gseq: 2, oseq: 3 }))).toEqual({ key: "o/7/2/3", provider: null });
    expect(parseId(JSON.stringify({ owner: "o", dseq: 5, gseq: 1, oseq: 1 }))?.key).toBe("o/5/1/1");
    for (const bad of ["", "null", "[]", "{}", '{"owner":"o","dseq":"-1"}', '{"owner":"o","dseq":"1","gseq":-1}', '{"owner":"","dseq":"1"}', '{"owner":"o","dseq":"1e3"}']) {
      expect(parseId(bad)).toBeNull();
    }
  });

  it("fuzz: random attribute values never throw", () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['{"owner":', '"x"', ',"dseq":', '"1"', "1", ',"gseq":', "null", "}", "[", "]", '"', "\\", "9".repeat(30)];
    for (let i = 0; i < 2000; i++) {
      const value = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pieces[Math.floor(rand() * pieces.length)]).join("");
      expect(() => marketEvents(block([{ index: 0, code: 0, events: [{ type: "akash.market.v1.EventOrderClosed", attributes: [{ key: "id", value }] }] }]))).not.toThrow();
    }
  });
});

describe("orders from a block's transactions", () => {
  it("reads each group of a MsgCreateDeployment as an order, skips failed and undecodable txs", async () => {
    const { MsgCreateDeployment } = await import("@akashnetwork/chain-sdk/private-types/akash.v1beta4");
    const { TxBody, TxRaw } = await import("@akashnetwork/chain-sdk/private-types/cosmos.v1beta1");
    const { gpuGroup } = await import("../devnet/fixtures");
    const { ordersFromBlock } = await import("../../../main/bidengine/orders-from-block");
    const msg = MsgCreateDeployment.fromPartial({ id: { owner: "akash1tenant", dseq: 77n as never }, groups: [gpuGroup("500"), gpuGroup("600")], hash: new Uint8Array(32) });
    const body = TxBody.encode(TxBody.fromPartial({ messages: [{ typeUrl: `/${MsgCreateDeployment.$type}`, value: MsgCreateDeployment.encode(msg).finish() }] })).finish();
    const tx = Buffer.from(TxRaw.encode(TxRaw.fromPartial({ bodyBytes: body, authInfoBytes: new Uint8Array(), signatures: [] })).finish()).toString("base64");
    const orders = ordersFromBlock([tx, "not base64 protobuf!", tx], (i) => i !== 2, 9);
    expect([...orders.keys()]).toEqual(["akash1tenant/77/1/1", "akash1tenant/77/2/1"]);
    expect(orders.get("akash1tenant/77/2/1")).toMatchObject({ state: "open", createdAt: 9n, resources: [{ gpuUnits: 1, price: { denom: "uact", atto: 600n * 10n ** 18n } }] });
    expect(ordersFromBlock([tx], () => false, 9).size).toBe(0);
  });
});
