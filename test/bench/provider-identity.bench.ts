import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App } from "../../main/app";
import { queryBalances } from "../../main/chain/queries";
import { RpcPool } from "../../main/chain/rpc-pool";
import { startDevnet } from "../../main/devnet";
import type { Figure } from "./figure";

// Issue 4's closing figures, on the devnet with its default 1 s blocks, through the real app:
// - provider.register_to_confirmation_ms: provider.apply (the "Register provider" click, after the
//   reviewed plan) until the tx is confirmed in a block; median of 3 fresh wallets.
// - rpc.failover_first_call_ms: with the pool's primary endpoint killed mid-session (a proxy in front
//   of the devnet), how long the next query takes to answer from the secondary; and
// - rpc.failover_failed_calls: how many of 20 queries after the kill failed (the goal is 0).

export default async function bench(): Promise<Figure[]> {
  const devnet = await startDevnet({ blockTimeMs: 1000 });
  const dirs: string[] = [];
  try {
    const registerMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(join(tmpdir(), "apd-bench-provider-"));
      dirs.push(dir);
      const app = createApp({ dataDir: dir, mode: "headless", version: "bench" }, { log: () => {}, chain: { local: { rpc: devnet.rpcUrl, chainId: devnet.chainId } } });
      try {
        registerMs.push(await registerOnce(app));
      } finally {
        await app.close();
      }
    }
    const failover = await failoverAfterKill(devnet.rpcUrl, devnet.chainId);
    return [
      { figure: "provider.register_to_confirmation_ms", value: Math.round(median(registerMs)), unit: "ms" },
      { figure: "rpc.failover_first_call_ms", value: Math.round(failover.firstCallMs), unit: "ms" },
      { figure: "rpc.failover_failed_calls", value: failover.failed, unit: "calls" },
    ];
  } finally {
    await devnet.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

async function call<T>(app: App, method: string, input?: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function registerOnce(app: App): Promise<number> {
  const created = await call<{ words: string[]; confirmPositions: number[] }>(app, "wallet.create");
  await call(app, "wallet.confirmBackup", { answers: created.confirmPositions.map((p) => ({ position: p, word: created.words[p - 1]! })), passphrase: "bench passphrase" });
  await call(app, "chain.faucet");
  const input = { hostUri: "https://rig.example.com:8443", region: "eu-west" };
  const plan = await call<{ fingerprint: string }>(app, "provider.plan", input);
  const started = performance.now();
  const applied = await call<{ tx: { status: string } }>(app, "provider.apply", { input, fingerprint: plan.fingerprint });
  if (applied.tx.status !== "confirmed") throw new Error("not confirmed");
  return performance.now() - started;
}

/** A primary endpoint (a proxy to the devnet) and a secondary (the devnet itself); the proxy dies mid-session. */
async function failoverAfterKill(target: string, chainId: string): Promise<{ firstCallMs: number; failed: number }> {
  const proxy = await startProxy(target);
  const pool = new RpcPool({ network: "local", chainId, endpoints: [proxy.url, target], timeoutMs: 3000 });
  const address = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l";
  await pool.checkHealth();
  // Make the proxy the preferred endpoint, as the first in the user's list with warm latency.
  for (let i = 0; i < 5; i++) await queryBalances(pool, address);
  await proxy.kill();
  const started = performance.now();
  await queryBalances(pool, address);
  const firstCallMs = performance.now() - started;
  let failed = 0;
  for (let i = 0; i < 20; i++) await queryBalances(pool, address).catch(() => failed++);
  return { firstCallMs, failed };
}

async function startProxy(target: string): Promise<{ url: string; kill: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const upstream = request(`${target}${req.url ?? "/"}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    kill: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
