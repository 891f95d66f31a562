import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StatusOverview } from "../../../common/status-schemas";
import { createApp, type App } from "../../../main/app";
import { exited, fakeRunner, gamingPc } from "../hardware/fakes";
import { ManualTimer } from "../hardware/manual-timer";

// status.overview through the real app (SQLite, wallet, hardware, cluster services): a fresh machine
// without a wallet or a GPU, then with a wallet, with pause from the bid engine's settings.

let dir: string;
let app: App;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "apd-status-"));
  app = createApp(
    { dataDir: dir, mode: "headless", version: "0.0.0-test" },
    {
      log: () => {},
      uptime: { autoStart: false },
      hardware: { source: gamingPc({ graphics: async () => ({ controllers: [] }) }), runner: fakeRunner({ "nvidia-smi": exited("", 127) }), timer: new ManualTimer(), cpuLoad: () => 0.5, storagePath: "/" },
      chain: { fetch: (async () => { throw new Error("offline test"); }) as unknown as typeof fetch },
    },
  );
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input?: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe("status.overview in the app", () => {
  it("a fresh machine without the chain: offline, set up a wallet, no GPU; announced once on status.changed", async () => {
    const events: unknown[] = [];
    app.events.listen((event, payload) => event === "status.changed" && events.push(payload));
    const o = await call<StatusOverview>("status.overview", { refresh: true });
    // The chain is unreachable here (its fetch fails): that is the first reason; the wallet comes next.
    expect(o.state).toBe("offline");
    expect(o.reason).toMatch(/No RPC endpoint answers/);
    expect(o.wallet).toEqual({ state: "none", address: null });
    const ids = o.alerts.map((a) => a.id);
    expect(ids[0]).toBe("wallet_missing");
    expect(ids).toContain("rpc_unhealthy");
    expect(ids).toContain("gpu_not_detected");
    expect(o.runway).toBeNull();
    expect(events).toEqual([o]);
    await call("status.overview", { refresh: true });
    expect(events).toHaveLength(1);
  });

  it("follows the wallet and the bid engine's saved pause", async () => {
    await call("wallet.import", { mnemonic: `${"abandon ".repeat(11)}about`, passphrase: "status test passphrase" });
    await call("bidengine.updateSettings", { paused: true });
    const o = await call<StatusOverview>("status.overview", { refresh: true });
    expect(o.wallet.state).toBe("unlocked");
    expect(o.wallet.address).toMatch(/^akash1/);
    expect(o.paused).toBe(true);
    expect(o.alerts.map((a) => a.id)).not.toContain("wallet_missing");
    await call("wallet.lock");
    const locked = await call<StatusOverview>("status.overview", { refresh: true });
    expect(locked.alerts.map((a) => a.id)).toContain("wallet_locked");
  });

  it("notification switches are kept per kind", async () => {
    expect(await call("notifications.updateSettings", { leaseClosed: false })).toEqual({ leaseWon: true, leaseClosed: false, lowCollateral: true, offline: true });
    expect(await call("notifications.settings")).toMatchObject({ leaseClosed: false });
    expect((await app.call("notifications.updateSettings", { leaseClosed: 0 })).ok).toBe(false);
  });
});
