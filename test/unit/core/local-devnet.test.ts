import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../main/app";
import { gamingPc } from "../../support/fake-system";

// The in-app devnet: running while the network is `local`, pointed at by the app's RPC pool, funding
// the app's new wallet once, stopped on switching away, reset on demand.

let dataDir: string;
let app: App;

async function call<T>(method: string, input?: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

type Status = { running: boolean; managed: boolean; rpcUrl: string | null; height: number; error: string | null };

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "apd-local-devnet-"));
  app = createApp(
    { dataDir, mode: "headless", version: "0.0.0-test" },
    {
      systemInfo: gamingPc,
      log: () => {},
      scryptCost: { n: 2 ** 12, r: 8, p: 1 },
      hardware: { startSampler: false },
      uptime: { autoStart: false },
      devnet: { autoStart: true, blockTimeMs: 50, tenants: false },
    },
  );
});

afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the in-app local devnet", () => {
  it("starts on network local, serves the app's RPC pool, and funds a new wallet once", async () => {
    await expect.poll(async () => (await call<Status>("devnet.status")).running, { timeout: 10_000 }).toBe(true);
    const status = await call<Status>("devnet.status");
    expect(status.managed).toBe(true);
    const rpc = await call<{ active: string | null; chainId: string }>("chain.rpcStatus");
    expect(rpc.chainId).toBe("akash-devnet-1");
    await expect.poll(async () => (await call<{ active: string | null }>("chain.rpcStatus")).active, { timeout: 10_000 }).toBe(status.rpcUrl);

    const created = await call<{ words: string[]; confirmPositions: number[] }>("wallet.create");
    await call("wallet.confirmBackup", {
      answers: created.confirmPositions.map((position) => ({ position, word: created.words[position - 1]! })),
      passphrase: "local devnet passphrase",
    });
    const balances = await call<{ uakt: string }>("treasury.balances");
    expect(BigInt(balances.uakt)).toBe(1_000_000_000n);
    // A second lock/unlock cycle emits wallet.changed again: no second grant.
    await call("wallet.lock");
    await call("wallet.unlock", { passphrase: "local devnet passphrase" });
    expect(BigInt((await call<{ uakt: string }>("treasury.balances")).uakt)).toBe(1_000_000_000n);
  });

  it("stops when the user switches network, and refuses a reset there", async () => {
    await expect.poll(async () => (await call<Status>("devnet.status")).running, { timeout: 10_000 }).toBe(true);
    await call("settings.update", { network: "sandbox-2" });
    await expect.poll(async () => (await call<Status>("devnet.status")).running, { timeout: 10_000 }).toBe(false);
    const reset = await app.call("devnet.reset", undefined);
    expect(reset).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("with --no-devnet (autoStart off) it runs none and says the local network is external", async () => {
    const externalDir = mkdtempSync(join(tmpdir(), "apd-no-devnet-"));
    const external = createApp({ dataDir: externalDir, mode: "headless", version: "0.0.0-test" }, { systemInfo: gamingPc, log: () => {}, hardware: { startSampler: false }, uptime: { autoStart: false }, devnet: { autoStart: false } });
    try {
      const result = await external.call("devnet.status", undefined);
      expect(result).toMatchObject({ ok: true, value: { running: false, managed: false, error: null } });
    } finally {
      await external.close();
      rmSync(externalDir, { recursive: true, force: true });
    }
  });

  it("reset wipes the chain and starts a fresh one", async () => {
    await expect.poll(async () => (await call<Status>("devnet.status")).height, { timeout: 10_000 }).toBeGreaterThan(5);
    const fresh = await call<Status>("devnet.reset");
    expect(fresh.running).toBe(true);
    expect(fresh.height).toBeLessThan(3);
  });
});
