import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainError } from "../../../main/devnet/chain/errors";
import { decodeTx } from "../../../main/devnet/chain/tx-decode";
import type { Devnet } from "../../../main/devnet/index";
import { groupSpecFromJson } from "../../../main/devnet/json/group-spec";
import { parseQuery } from "../../../main/devnet/rpc/event-query";
import { formatDec, parseDec } from "../../../main/devnet/util/dec";
import { Rng } from "../../../main/devnet/util/rng";
import { testDevnet } from "./harness";

const rng = new Rng(2024);
const randomBytes = (max: number) => Uint8Array.from({ length: rng.int(0, max) }, () => rng.int(0, 255));
const randomText = (max: number) => String.fromCharCode(...Array.from({ length: rng.int(0, max) }, () => rng.int(0, 0x2fff)));

describe("devnet parsers under garbage input", () => {
  let devnet: Devnet;
  beforeAll(async () => {
    devnet = await testDevnet();
  });
  afterAll(async () => {
    await devnet.stop();
  });

  it("decodeTx turns random bytes into a ChainError, never a crash", () => {
    const handlers = devnet.node.app.handlers;
    for (let i = 0; i < 2000; i++) {
      try {
        decodeTx(randomBytes(300), handlers);
      } catch (error) {
        expect(error).toBeInstanceOf(ChainError);
      }
    }
  });

  it("broadcast_tx_sync answers random txs with a code, and the chain keeps producing blocks", async () => {
    for (let i = 0; i < 50; i++) {
      const tx = Buffer.from(randomBytes(200)).toString("base64");
      const response = await fetch(devnet.rpcUrl, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: i, method: "broadcast_tx_sync", params: { tx } }) });
      const body = (await response.json()) as { result?: { code: number }; error?: { code: number } };
      expect(body.result ? body.result.code : body.error?.code).not.toBe(0);
    }
    const height = devnet.height;
    devnet.produceBlock();
    expect(devnet.height).toBe(height + 1);
  });

  it("every RPC method answers random params with a result or a JSON-RPC error", async () => {
    const names = ["status", "abci_info", "abci_query", "broadcast_tx_sync", "tx", "tx_search", "block", "block_results", "validators", "header", "health", "num_unconfirmed_txs"];
    const values = () => rng.pick<unknown>([randomText(20), rng.int(-5, 1e9), null, [], {}, "0x" + "zz", "tx.height=abc", true, { nested: randomText(5) }]);
    for (let i = 0; i < 300; i++) {
      const params = { path: values(), data: values(), height: values(), tx: values(), hash: values(), query: values(), page: values(), per_page: values() };
      const response = await fetch(devnet.rpcUrl, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: i, method: rng.pick(names), params }) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result?: unknown; error?: { code: number } };
      expect(body.result !== undefined || typeof body.error?.code === "number").toBe(true);
    }
  });

  it("abci_query with random paths and bytes returns codes, not exceptions", async () => {
    const paths = Object.keys(devnet.node.app.routes);
    for (let i = 0; i < 300; i++) {
      const result = devnet.node.app.query(rng.next() < 0.9 ? rng.pick(paths) : randomText(10), randomBytes(64), devnet.height);
      expect(typeof result.code).toBe("number");
    }
  });

  it("the faucet route validates its JSON body", async () => {
    const post = (body: string) => fetch(`${devnet.rpcUrl}/faucet`, { method: "POST", body });
    expect((await post("nope")).status).toBe(400);
    expect((await post(JSON.stringify({ address: "akash1bad" }))).status).toBe(400);
    expect((await post(JSON.stringify({ address: "x", amount: "-1" }))).status).toBe(400);
    expect((await fetch(`${devnet.rpcUrl}/faucet`)).status).toBe(405);
    const ok = await post(JSON.stringify({ address: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", amount: "5" }));
    expect(await ok.json()).toMatchObject({ ok: true, value: { amount: "5", denom: "uakt" } });
    expect(devnet.node.bank.balance("akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", "uakt")).toBe(5n);
  });
});

describe("small parsers", () => {
  it("event queries: valid forms parse, garbage is a clear error", () => {
    expect(parseQuery("tm.event='Tx' AND tx.height=5")).toEqual([
      { key: "tm.event", op: "=", value: "Tx" },
      { key: "tx.height", op: "=", value: "5" },
    ]);
    expect(parseQuery(`message.sender = "akash1x"`)).toEqual([{ key: "message.sender", op: "=", value: "akash1x" }]);
    for (let i = 0; i < 500; i++) {
      try {
        parseQuery(randomText(40));
      } catch (error) {
        expect(error).toBeInstanceOf(Error);
      }
    }
  });

  it("LegacyDec round-trips and rejects what is not a decimal", () => {
    expect(formatDec(parseDec("12.5"))).toBe("12.500000000000000000");
    expect(formatDec(parseDec("0.000000000000000001"))).toBe("0.000000000000000001");
    for (const bad of ["", "-1", "1e5", "1.2.3", "abc", "1.0000000000000000001"]) expect(() => parseDec(bad)).toThrow(RangeError);
  });

  it("GroupSpec JSON: random objects are rejected with a field path", () => {
    for (let i = 0; i < 300; i++) {
      const junk = { name: rng.pick([randomText(5), 1, null]), resources: rng.pick([[], [{ resource: { id: rng.int(-1, 2) } }], null, "x"]) };
      expect(() => groupSpecFromJson(junk)).toThrow();
    }
  });
});
