import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../main/app";
import { exited, fakeRunner, fixture, gamingPc } from "./fakes";
import { ManualTimer } from "./manual-timer";

// The hardware service through the app's contract, as the wizard and the dashboard use it.
let dir: string;
let app: App;
let timer: ManualTimer;
let clock: number;

function start(): App {
  return createApp(
    { dataDir: dir, mode: "headless", version: "0.0.0-test" },
    {
      log: () => {},
      now: () => new Date(clock),
      hardware: {
        source: gamingPc({ graphics: async () => ({ controllers: [] }) }),
        runner: fakeRunner({
          "nvidia-smi --query-gpu=index,name": exited(fixture("unknown-model.csv")),
          "nvidia-smi --query-gpu=index,pci": exited("0, 00000000:01:00.0, 250.00, 99, 70\n"),
          "nvidia-ctk": exited("1.17.3"),
        }),
        timer,
        cpuLoad: () => 0.5,
        storagePath: "/",
      },
    },
  );
}

async function call<T = unknown>(method: string, input?: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "apd-hw-svc-"));
  timer = new ManualTimer();
  clock = Date.parse("2026-11-21T10:00:00Z");
  app = start();
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("hardware service", () => {
  it("an unknown card is resolved by choosing from the table; the choice persists across restarts", async () => {
    const before = await call<{ gpus: { model: string | null; busId: string }[] }>("hardware.report");
    expect(before.gpus[0]).toMatchObject({ model: null, busId: "0000:01:00.0" });
    const models = await call<{ model: string }[]>("hardware.gpuModels");
    expect(models.length).toBeGreaterThan(50);
    const choice = { vendor: "nvidia", model: "rtx5080", vram: "16Gi", interface: "pcie" };
    expect(await call("hardware.setGpuModel", { busId: "00000000:01:00.0", choice })).toEqual({ busId: "0000:01:00.0", choice });
    await app.close();
    app = start();
    const after = await call<{ gpus: { model: string; modelSource: string }[]; gpuCheck: { verdict: string } }>("hardware.report");
    expect(after.gpus[0]).toMatchObject({ model: "rtx5080", modelSource: "override" });
    expect(after.gpuCheck.verdict).toBe("ready");
    await call("hardware.setGpuModel", { busId: "0000:01:00.0", choice: null });
    expect((await call<{ gpus: { model: string | null }[] }>("hardware.report")).gpus[0]!.model).toBeNull();
  });

  it("refuses a model that is not in the table", async () => {
    const result = await app.call("hardware.setGpuModel", { busId: "0000:01:00.0", choice: { vendor: "nvidia", model: "rtx9090", vram: "64Gi", interface: "pcie" } });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });

  it("tariff, reserve and sampler settings round-trip; the sampler follows its interval", async () => {
    expect([...timer.active.values()].map((t) => t.ms)).toEqual([10_000]);
    const tariff = { kind: "flat", currency: "EUR", usdPerUnit: "1.08", timeZone: "Europe/Berlin", pricePerKwh: "0.3120" };
    const updated = await call("hardware.updateSettings", { tariff, samplerIntervalSeconds: 30, reserve: { cpuThreads: 12 } });
    expect(updated).toMatchObject({ tariff, samplerIntervalSeconds: 30, reserve: { cpuThreads: 12, memoryBytes: null } });
    expect([...timer.active.values()].map((t) => t.ms)).toEqual([30_000]);
    await call("hardware.updateSettings", { reserve: { memoryBytes: 8 * 2 ** 30 } });
    expect(await call("hardware.settings")).toMatchObject({ reserve: { cpuThreads: 12, memoryBytes: 8 * 2 ** 30 } });
    const bad = await app.call("hardware.updateSettings", { tariff: { ...tariff, timeZone: "Mars/Olympus" } });
    expect(bad).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });

  it("refuses a desktop reserve beyond what the machine has, and saves nothing of that patch", async () => {
    const { detected } = await call<{ detected: { cpuMillis: number; memoryBytes: number; storageBytes: number } }>("hardware.capacity");
    const before = await call("hardware.settings");
    const threads = detected.cpuMillis / 1000;
    const tooMany = await app.call("hardware.updateSettings", { samplerIntervalSeconds: 60, reserve: { cpuThreads: threads + 1 } });
    expect(tooMany).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", message: expect.stringContaining(`keeps ${threads + 1} CPU threads, but this machine has ${threads}`) } });
    const tooMuchDisk = await app.call("hardware.updateSettings", { reserve: { diskBytes: detected.storageBytes + 1 } });
    expect(tooMuchDisk).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", message: expect.stringContaining("of disk") } });
    expect(await call("hardware.settings")).toEqual(before);
    // Exactly what the machine has is allowed (the owner keeps it all).
    expect(await call("hardware.updateSettings", { reserve: { cpuThreads: threads } })).toMatchObject({ reserve: { cpuThreads: threads } });
  });

  it("power sampled by the app's own timer is costed by hardware.energy", async () => {
    await call("hardware.updateSettings", { tariff: { kind: "flat", currency: "USD", timeZone: "UTC", pricePerKwh: "0.20" }, systemBaselineWatts: 50 });
    for (let i = 0; i < 360; i++) {
      clock += 10_000;
      timer.fire();
      await new Promise((r) => setImmediate(r));
    }
    const r = await call<{ total: { energyWh: number; cost: string }; channels: { channel: string; energyWh: number }[] }>("hardware.energy", {
      from: "2026-11-21T10:00:00.000Z",
      to: "2026-11-21T11:00:00.000Z",
      groupBy: "none",
    });
    expect(r.channels.map((c) => [c.channel, c.energyWh])).toEqual([
      ["0000:01:00.0", 250],
      ["system", 50],
    ]);
    expect(r.total.cost).toBe("0.06");
  });

  it("capacity: detected minus the desktop reserve; the gaming signal", async () => {
    const inv = await call<{ detected: { cpuMillis: number; gpus: number }; free: { cpuMillis: number } }>("hardware.capacity");
    expect(inv.detected).toMatchObject({ cpuMillis: 32_000, gpus: 0 }); // the only card's model is unknown: not sellable yet
    expect(inv.free.cpuMillis).toBe(24_000);
    const activity = await call<{ active: boolean }>("hardware.ownerActivity");
    expect(activity.active).toBe(false);
  });
});
