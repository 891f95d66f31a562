import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../main/app";
import { BidEngineHost, type EngineHostDeps } from "../../../main/bidengine/engine-host";
import { recheckAfter } from "../../../main/bidengine/recheck-after";
import { gamingPc } from "../../support/fake-system";

// A hardware settings change (the desktop reserve on the Pricing page) makes the running bid engine
// decide the open orders again: the wrapper, the host's recheck, and the wiring in the composition root.

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("recheckAfter", () => {
  it("rechecks once the update is saved, and answers with what was saved", async () => {
    const order: string[] = [];
    const update = recheckAfter(
      async (input: { cpu: number }) => {
        order.push(`save ${input.cpu}`);
        return { saved: input.cpu };
      },
      async () => {
        order.push("recheck");
      },
      () => {},
    );
    expect(await update({ cpu: 1 })).toEqual({ saved: 1 });
    await flush();
    expect(order).toEqual(["save 1", "recheck"]);
  });

  it("does not recheck when the update is refused, and the refusal reaches the caller", async () => {
    let rechecks = 0;
    const update = recheckAfter(
      () => {
        throw new Error("INVALID_INPUT: more than detected");
      },
      async () => {
        rechecks++;
      },
      () => {},
    );
    await expect(update(undefined)).rejects.toThrow("more than detected");
    await flush();
    expect(rechecks).toBe(0);
  });

  it("a failed recheck is logged, and the save still succeeds", async () => {
    const lines: string[] = [];
    const update = recheckAfter((x: number) => x * 2, () => Promise.reject(new Error("RPC down")), (l) => lines.push(l));
    expect(await update(21)).toBe(42);
    await flush();
    expect(lines).toEqual(["[bidengine] recheck after a settings change failed: RPC down"]);
  });
});

describe("BidEngineHost.recheck", () => {
  const deps = (emitted: unknown[]): EngineHostDeps =>
    ({ now: () => new Date(0), log: () => {}, network: () => "local", address: () => null, emit: (p: unknown) => emitted.push(p) }) as unknown as EngineHostDeps;

  it("has the running engine decide its open orders again, then tells the UI", async () => {
    const emitted: unknown[] = [];
    const host = new BidEngineHost(deps(emitted));
    let rechecks = 0;
    const status = { state: "running", reason: null, openBids: 0, activeLeases: 0, trackedOrders: 3, height: 7 };
    (host as unknown as { engine: unknown }).engine = { recheck: async () => void rechecks++, status: () => status, leases: () => [] };
    await host.recheck();
    expect(rechecks).toBe(1);
    expect(emitted).toEqual([expect.objectContaining({ status: expect.objectContaining({ state: "running", trackedOrders: 3 }), activity: null })]);
  });

  it("without a running engine there is nothing to recheck, and no error", async () => {
    const emitted: unknown[] = [];
    await new BidEngineHost(deps(emitted)).recheck();
    expect(emitted).toEqual([expect.objectContaining({ status: expect.objectContaining({ state: "stopped" }) })]);
  });
});

describe("through the app", () => {
  it("saving the desktop reserve re-runs the engine (bidengine.changed follows); a refused one does not", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "apd-reserve-"));
    const app = createApp({ dataDir, mode: "headless", version: "0.0.0-test" }, { systemInfo: gamingPc, log: () => {} });
    const events: string[] = [];
    app.events.listen((event) => events.push(event));
    try {
      expect(await app.call("hardware.updateSettings", { reserve: { cpuThreads: -1 } })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
      await flush();
      expect(events).not.toContain("bidengine.changed");

      const saved = await app.call("hardware.updateSettings", { reserve: { cpuThreads: 1 } });
      expect(saved).toMatchObject({ ok: true, value: { reserve: { cpuThreads: 1 } } });
      await flush();
      expect(events).toContain("bidengine.changed");
      expect(await app.call("hardware.capacity", undefined)).toMatchObject({ ok: true, value: { reserve: { cpuMillis: 1000 } } });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
