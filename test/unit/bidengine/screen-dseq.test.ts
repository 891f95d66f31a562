import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScreenInput, ScreenOutput } from "../../../common/bidengine-schemas";
import { ContractFailure } from "../../../common/envelope";
import { RpcPool } from "../../../main/chain/rpc-pool";
import type { Devnet } from "../../../main/devnet";
import { bidEngineHandlers } from "../../../main/bidengine/bidengine-handlers";
import { createBidEngine } from "../../../main/bidengine/create-bidengine";
import { fetchOrder } from "../../../main/bidengine/market-client";
import { groupStatesOf } from "../../../main/bidengine/deployment-orders";
import { openDatabase, type Db } from "../../../main/store/database";
import { actor, expectOk, submit, testDevnet, type Actor } from "../devnet/harness";
import { gpuGroup, PROVIDER_ATTRIBUTES } from "../devnet/fixtures";

// "Would I bid on dseq N?" against the devnet over real HTTP: two tenants use the same dseq, one of
// them with two groups (an rtx3080 we have, an rtx4090 we do not). By dseq alone every open order of
// both is screened; with the owner only that tenant's; a closed deployment, an unknown dseq and an
// unreachable node are clear errors. Nothing is recorded.

const DSEQ = 4242n;
let devnet: Devnet;
let db: Db;
let pool: RpcPool;
let alice: Actor;
let bob: Actor;
const now = () => new Date("2026-11-21T12:00:00Z");

function group(model: string, name: string) {
  const g = gpuGroup("1000");
  g.name = name;
  for (const r of g.resources) for (const a of r.resource?.gpu?.attributes ?? []) a.key = `vendor/nvidia/model/${model}`;
  return g;
}

async function deploy(who: Actor, dseq: bigint, groups: ReturnType<typeof gpuGroup>[]): Promise<void> {
  expectOk(
    await submit(devnet, who, [
      { typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment", value: { id: { owner: who.address, dseq }, groups, hash: new Uint8Array(32).fill(7), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } } },
    ]),
  );
}

function handlers(rpc: RpcPool | null) {
  const pieces = createBidEngine(db, now, { pool: () => rpc });
  pieces.settings.update({
    provider: { address: null, attributes: PROVIDER_ATTRIBUTES, auditorSignatures: [] },
    declaredInventory: [{ name: "this-pc", gpus: [{ model: "rtx3080", vendor: "nvidia", ramGi: null, interface: "pcie", free: 1 }], cpuMillis: 8000, memoryBytes: String(16 * 2 ** 30), ephemeralBytes: String(200 * 2 ** 30), storageClasses: {} }],
  });
  return bidEngineHandlers(pieces);
}

async function screenBy(input: unknown, rpc: RpcPool | null = pool): Promise<ScreenOutput> {
  return ScreenOutput.parse(await handlers(rpc)["bidengine.screen"](ScreenInput.parse(input)));
}

async function failure(input: unknown, rpc: RpcPool | null = pool): Promise<ContractFailure> {
  const error = await screenBy(input, rpc).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractFailure);
  return error as ContractFailure;
}

beforeAll(async () => {
  devnet = await testDevnet();
  db = openDatabase(":memory:");
  pool = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: [devnet.rpcUrl] });
  alice = await actor(devnet, "screen-alice", 100_000_000_000n);
  bob = await actor(devnet, "screen-bob", 100_000_000_000n);
  // ACT is minted from AKT (BME) and settles a few blocks later; deployments are paid in uact.
  for (const who of [alice, bob]) expectOk(await submit(devnet, who, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: who.address, to: who.address, coinsToBurn: { denom: "uakt", amount: "10000000000" } } }]));
  for (let i = 0; i < 12; i++) devnet.produceBlock();
  await deploy(alice, DSEQ, [group("rtx3080", "fits"), group("rtx4090", "too-big")]);
  await deploy(bob, DSEQ, [group("rtx3080", "bobs")]);
  await deploy(bob, DSEQ + 1n, [group("rtx3080", "closed-soon")]);
  expectOk(await submit(devnet, bob, [{ typeUrl: "/akash.deployment.v1beta4.MsgCloseDeployment", value: { id: { owner: bob.address, dseq: DSEQ + 1n } } }]));
}, 60_000);

afterAll(async () => {
  db?.close();
  await devnet?.stop();
});

describe("screening by dseq on the devnet", () => {
  it("by dseq alone: every group of every owner with that dseq, each decided", async () => {
    const out = await screenBy({ dseq: String(DSEQ) });
    const byKey = new Map(out.decisions.map((d) => [d.key, d]));
    expect([...byKey.keys()].sort()).toEqual([`${alice.address}/${DSEQ}/1/1`, `${alice.address}/${DSEQ}/2/1`, `${bob.address}/${DSEQ}/1/1`].sort());
    expect(byKey.get(`${alice.address}/${DSEQ}/1/1`)).toMatchObject({ outcome: "bid", reason: null, price: { denom: "uact" } });
    expect(byKey.get(`${alice.address}/${DSEQ}/2/1`)?.outcome).toBe("declined");
    expect(byKey.get(`${alice.address}/${DSEQ}/2/1`)?.reason).toMatch(/gpu|attributes/);
    expect(out.rejected).toEqual([]);
  });

  it("with the owner, as input fields or pasted as owner/dseq text or a bare dseq", async () => {
    const fields = await screenBy({ dseq: String(DSEQ), owner: bob.address });
    expect(fields.decisions.map((d) => d.key)).toEqual([`${bob.address}/${DSEQ}/1/1`]);
    const pasted = await screenBy({ order: `${alice.address}/${DSEQ}` });
    expect(pasted.decisions.map((d) => d.key)).toEqual([`${alice.address}/${DSEQ}/1/1`, `${alice.address}/${DSEQ}/2/1`]);
    const bare = await screenBy({ order: ` ${DSEQ}\n` });
    expect(bare.decisions).toHaveLength(3);
    const history = await handlers(pool)["bidengine.decisions"]({});
    expect(history.decisions).toEqual([]); // screening records nothing
  });

  it("a closed deployment or an unknown dseq is NOT_FOUND; a bad dseq INVALID_INPUT", async () => {
    expect(await failure({ dseq: String(DSEQ + 1n) })).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/No open order has dseq 4243/) });
    expect(await failure({ dseq: "999999" })).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure({ dseq: String(DSEQ), owner: PROVIDER_OWNER })).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining(PROVIDER_OWNER) });
    expect(await failure({ order: "0" })).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/out of range/) });
    expect(await failure({ dseq: "18446744073709551616" })).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("reads each order's group state from the chain (a closed deployment's group is closed)", async () => {
    const open = (await fetchOrder(pool, `${alice.address}/${DSEQ}/2/1`))!;
    const closed = { ...open, owner: bob.address, dseq: DSEQ + 1n, gseq: 1, key: `${bob.address}/${DSEQ + 1n}/1/1` };
    const missing = { ...open, dseq: 777n, key: `${alice.address}/777/2/1` };
    const states = await groupStatesOf(pool, [open, closed, missing]);
    expect(Object.fromEntries(states)).toEqual({ [open.key]: "open", [closed.key]: "closed", [missing.key]: "not found" });
  });

  it("an unreachable node or no chain connection is UNAVAILABLE, and the JSON path still works offline", async () => {
    const dead = new RpcPool({ network: "local", chainId: devnet.chainId, endpoints: ["http://127.0.0.1:1"], timeoutMs: 2000 });
    expect(await failure({ dseq: String(DSEQ) }, dead)).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/Could not read the orders of dseq 4242/) });
    expect(await failure({ order: String(DSEQ) }, null)).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/no chain connection/) });
    expect(await failure({ order: "{not json" }, dead)).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/not JSON/) });
  });
});

const PROVIDER_OWNER = "akash1qyqszqgpqyqszqgpqyqszqgpqyqszqgplgve5x";
