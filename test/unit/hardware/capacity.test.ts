import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { CapacityInventory } from "../../../common/hardware-schemas";
import { CapacityLedger, diskFor, effectiveReserve, type DetectedResources } from "../../../main/hardware/capacity";
import { openDatabase, type Db } from "../../../main/store/database";

const GiB = 2 ** 30;
const rig: DetectedResources = {
  cpuThreads: 32,
  memoryBytes: 64 * GiB,
  storageBytes: 1000 * GiB,
  storagePath: "/var/lib/rancher",
  gpus: [
    { busId: "0000:01:00.0", model: "rtx4090" },
    { busId: "0000:02:00.0", model: "rtx3090" },
  ],
};
const autoReserve = { cpuThreads: null, memoryBytes: null, diskBytes: null };

let db: Db;
let ledger: CapacityLedger;
beforeEach(() => {
  db = openDatabase(":memory:");
  ledger = new CapacityLedger(db, () => new Date("2026-11-21T12:00:00Z"));
});
afterEach(() => db.close());

describe("capacity inventory", () => {
  it("keeps a gaming desktop usable by default: a quarter of CPU and memory, 100 GiB of disk", () => {
    expect(effectiveReserve(autoReserve, rig)).toEqual({ cpuMillis: 8000, memoryBytes: 16 * GiB, storageBytes: 100 * GiB, gpus: 0 });
    expect(effectiveReserve(autoReserve, { ...rig, cpuThreads: 4, memoryBytes: 16 * GiB })).toMatchObject({ cpuMillis: 2000, memoryBytes: 8 * GiB });
    const inv = ledger.inventory(rig, autoReserve);
    expect(CapacityInventory.safeParse(inv).success).toBe(true);
    expect(inv.free).toEqual({ cpuMillis: 24_000, memoryBytes: 48 * GiB, storageBytes: 900 * GiB, gpus: 2 });
  });

  it("the user's reserve replaces the defaults", () => {
    const inv = ledger.inventory(rig, { cpuThreads: 8, memoryBytes: 32 * GiB, diskBytes: 500 * GiB });
    expect(inv.free).toEqual({ cpuMillis: 24_000, memoryBytes: 32 * GiB, storageBytes: 500 * GiB, gpus: 2 });
  });

  it("bids and leases hold capacity until released; a won bid keeps its GPU as a lease", () => {
    const bid = ledger.reserve({ id: "bid/1", kind: "bid", cpuMillis: 4000, memoryBytes: 16 * GiB, storageBytes: 100 * GiB, gpus: 1, gpuModel: "rtx3090" }, rig, autoReserve);
    expect(bid.gpuBusIds).toEqual(["0000:02:00.0"]);
    expect(ledger.inventory(rig, autoReserve).free).toEqual({ cpuMillis: 20_000, memoryBytes: 32 * GiB, storageBytes: 800 * GiB, gpus: 1 });
    expect(ledger.promote("bid/1")).toBe(true);
    expect(ledger.list()[0]).toMatchObject({ id: "bid/1", kind: "lease", gpuBusIds: ["0000:02:00.0"] });
    expect(ledger.release("bid/1")).toBe(true);
    expect(ledger.release("bid/1")).toBe(false);
    expect(ledger.inventory(rig, autoReserve).free.gpus).toBe(2);
  });

  it("refuses what is not free, naming what is short, and holds nothing for the refused request", () => {
    ledger.reserve({ id: "a", kind: "lease", cpuMillis: 1000, memoryBytes: GiB, storageBytes: GiB, gpus: 1, gpuModel: "rtx4090" }, rig, autoReserve);
    const attempt = () => ledger.reserve({ id: "b", kind: "bid", cpuMillis: 50_000, memoryBytes: GiB, storageBytes: GiB, gpus: 1, gpuModel: "rtx4090" }, rig, autoReserve);
    expect(attempt).toThrow(ContractFailure);
    expect(attempt).toThrow(/CPU \(50000m asked, 23000m free\), GPU \(1 rtx4090 asked, 0 free\)/);
    expect(ledger.list().map((r) => r.id)).toEqual(["a"]);
  });

  it("is idempotent per id and survives a restart (it lives in SQLite)", () => {
    const first = ledger.reserve({ id: "x", kind: "bid", cpuMillis: 500, memoryBytes: 0, storageBytes: 0, gpus: 1 }, rig, autoReserve);
    const again = ledger.reserve({ id: "x", kind: "bid", cpuMillis: 500, memoryBytes: 0, storageBytes: 0, gpus: 1 }, rig, autoReserve);
    expect(again).toEqual(first);
    const reopened = new CapacityLedger(db, () => new Date());
    expect(reopened.inventory(rig, autoReserve).held).toEqual({ cpuMillis: 500, memoryBytes: 0, storageBytes: 0, gpus: 1 });
  });

  it("rejects malformed requests with INVALID_INPUT", () => {
    for (const bad of [
      { id: "", kind: "bid", cpuMillis: 1, memoryBytes: 1, storageBytes: 1, gpus: 0 },
      { id: "n", kind: "bid", cpuMillis: -1, memoryBytes: 1, storageBytes: 1, gpus: 0 },
      { id: "n", kind: "bid", cpuMillis: 1.5, memoryBytes: 1, storageBytes: 1, gpus: 0 },
      { id: "n", kind: "steal", cpuMillis: 1, memoryBytes: 1, storageBytes: 1, gpus: 0 },
      { id: "n", kind: "bid", cpuMillis: 1, memoryBytes: Number.NaN, storageBytes: 1, gpus: 0 },
    ]) {
      try {
        ledger.reserve(bad as never, rig, autoReserve);
        expect.unreachable();
      } catch (error) {
        expect((error as ContractFailure).code).toBe("INVALID_INPUT");
      }
    }
  });

  it("a GPU that disappeared (unplugged, driver gone) no longer counts as held or free", () => {
    ledger.reserve({ id: "g", kind: "lease", cpuMillis: 0, memoryBytes: 0, storageBytes: 0, gpus: 2 }, rig, autoReserve);
    const inv = ledger.inventory({ ...rig, gpus: [rig.gpus[0]!] }, autoReserve);
    expect(inv.held.gpus).toBe(1);
    expect(inv.free.gpus).toBe(0);
  });

  it("sells the free space of the filesystem holding the storage path", () => {
    const disks = [
      { mount: "/", device: "/dev/nvme0n1p2", type: "nvme" as const, storageClass: "beta3" as const, sizeBytes: 1, freeBytes: 10, check: { verdict: "ready" as const, message: "", action: null } },
      { mount: "/var/lib", device: "/dev/sdb1", type: "ssd" as const, storageClass: "beta2" as const, sizeBytes: 1, freeBytes: 20, check: { verdict: "ready" as const, message: "", action: null } },
      { mount: "C:", device: "C:", type: "ssd" as const, storageClass: "beta2" as const, sizeBytes: 1, freeBytes: 30, check: { verdict: "ready" as const, message: "", action: null } },
    ];
    expect(diskFor(disks, "/var/lib/rancher")?.device).toBe("/dev/sdb1");
    expect(diskFor(disks, "/home/me")?.device).toBe("/dev/nvme0n1p2");
    expect(diskFor(disks, "C:\\Users\\me\\AppData")?.device).toBe("C:");
    expect(diskFor([], "/")).toBeUndefined();
  });
});
