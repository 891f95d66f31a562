import { afterEach, describe, expect, it } from "vitest";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { RpcResponseError, RpcUnavailableError } from "../../../main/chain/rpc-errors";
import { startFakeComet, type FakeComet } from "./fake-comet";

const started: FakeComet[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((f) => f.close()));
});

async function nodes(count: number, chainId = "akash-local-1"): Promise<FakeComet[]> {
  const list = await Promise.all(Array.from({ length: count }, () => startFakeComet({ chainId })));
  started.push(...list);
  for (const n of list) n.handlers.set("echo", (p) => ({ from: n.port, ...p }));
  return list;
}

function pool(endpoints: string[], clock = { t: 1_000_000 }, timeoutMs = 2000) {
  return new RpcPool({ network: "local", chainId: "akash-local-1", endpoints, now: () => clock.t, timeoutMs, backoff: { baseMs: 1000, maxMs: 8000 } });
}

describe("RpcPool", () => {
  it("health-checks every endpoint and ranks the fastest first", async () => {
    const [slow, fast1, fast2] = await nodes(3);
    slow!.delayMs = 60;
    const p = pool([slow!.url, fast1!.url, fast2!.url]);
    const snap = await p.checkHealth();
    expect(snap.endpoints.map((e) => e.status)).toEqual(["healthy", "healthy", "healthy"]);
    expect(snap.endpoints.every((e) => e.height === 100 && e.latencyMs !== null)).toBe(true);
    expect(snap.active).not.toBe(slow!.url);
    const answer = await p.call<{ from: number }>("echo", { x: 1 });
    expect([fast1!.port, fast2!.port]).toContain(answer.from);
  });

  it("fails over when the primary is killed mid-session, and shows it down with a retry time", async () => {
    const [a, b] = await nodes(2);
    const p = pool([a!.url, b!.url]);
    await p.checkHealth();
    a!.delayMs = 0;
    b!.delayMs = 0;
    const first = await p.call<{ from: number }>("echo");
    const primary = first.from === a!.port ? a! : b!;
    const secondary = primary === a ? b! : a!;
    await primary.kill();
    const after = await p.call<{ from: number }>("echo");
    expect(after.from).toBe(secondary.port);
    const snap = p.snapshot();
    const down = snap.endpoints.find((e) => e.url === primary.url)!;
    expect(down).toMatchObject({ status: "down", consecutiveFailures: 1, lastError: expect.stringMatching(/^connection (refused|closed by the node|reset)$/) });
    expect(down.retryAt).not.toBeNull();
    expect(snap.active).toBe(secondary.url);
  });

  it("treats a stall as a failure: the call moves on after the timeout", async () => {
    const [stalled, good] = await nodes(2);
    const p = pool([stalled!.url, good!.url], { t: 0 }, 150);
    stalled!.mode = "stall";
    const t0 = performance.now();
    const answer = await p.call<{ from: number }>("echo");
    expect(answer.from).toBe(good!.port);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(p.snapshot().endpoints[0]).toMatchObject({ status: "down", lastError: "no answer within 150 ms" });
  });

  it("backs off exponentially (capped) and brings a recovered endpoint back", async () => {
    const [flaky, steady] = await nodes(2);
    const clock = { t: 1_000_000 };
    const p = pool([flaky!.url, steady!.url], clock);
    flaky!.mode = "http500";
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await p.checkHealth();
      const retryAt = Date.parse(p.snapshot().endpoints[0]!.retryAt!);
      delays.push(retryAt - clock.t);
      clock.t = retryAt + 1;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    // While backing off, calls go elsewhere without touching the flaky node.
    clock.t -= 2;
    const before = flaky!.calls.length;
    await p.call("echo");
    expect(flaky!.calls.length).toBe(before);
    flaky!.mode = "ok";
    clock.t += 10_000;
    await p.checkHealth();
    expect(p.snapshot().endpoints[0]).toMatchObject({ status: "healthy", consecutiveFailures: 0, retryAt: null, lastError: null });
  });

  it("returns a node's JSON-RPC error without failing over, and keeps the node healthy", async () => {
    const [a, b] = await nodes(2);
    for (const n of [a!, b!]) n.handlers.set("tx", () => { throw Object.assign(new Error("Internal error"), { code: -32603, data: "tx (ABC) not found" }); });
    const p = pool([a!.url, b!.url]);
    const error = await p.call("tx", { hash: "ABC" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcResponseError);
    expect((error as RpcResponseError).message).toContain("not found");
    expect(a!.calls.length + b!.calls.length).toBe(1);
    expect(p.snapshot().endpoints.filter((e) => e.status === "healthy")).toHaveLength(1);
  });

  it("never uses a node of another chain, and marks catching-up and lagging nodes", async () => {
    const [right] = await nodes(1);
    const [wrong] = await nodes(1, "akashnet-2");
    const [syncing, lagging] = await nodes(2);
    syncing!.catchingUp = true;
    lagging!.height = 50;
    const clock = { t: 0 };
    const p = pool([wrong!.url, syncing!.url, lagging!.url, right!.url], clock);
    const snap = await p.checkHealth();
    expect(snap.endpoints.map((e) => e.status)).toEqual(["down", "down", "degraded", "healthy"]);
    expect(snap.endpoints[0]!.lastError).toBe("serves chain akashnet-2, expected akash-local-1");
    expect(snap.active).toBe(right!.url);
    await right!.kill();
    clock.t += 60_000; // every backoff is over
    const answer = await p.call<{ from: number }>("echo");
    // Lagging (degraded) ranks above syncing (down); the wrong-chain node is never asked.
    expect(answer.from).toBe(lagging!.port);
    expect(wrong!.calls.filter((c) => c.method === "echo")).toHaveLength(0);
  });

  it("says clearly when nothing answers; failover:false makes exactly one attempt", async () => {
    const [a, b] = await nodes(2);
    a!.mode = "garbage";
    b!.mode = "http500";
    const p = pool([a!.url, b!.url]);
    const error = (await p.call("echo").catch((e: unknown) => e)) as RpcUnavailableError;
    expect(error).toBeInstanceOf(RpcUnavailableError);
    expect(error.message).toMatch(/No local RPC endpoint answered echo/);
    expect(new Set(error.attempts.map((x) => x.error))).toEqual(new Set(["HTTP 502", "HTTP 200, not JSON-RPC"]));
    const q = pool([a!.url, b!.url]);
    a!.mode = "stall";
    const one = (await q.call("broadcast_tx_sync", {}, { failover: false, timeoutMs: 100 }).catch((e: unknown) => e)) as RpcUnavailableError;
    expect(one.attempts).toHaveLength(1);
    expect(b!.calls.filter((c) => c.method === "broadcast_tx_sync")).toHaveLength(0);
  });
});
