import { describe, expect, it } from "vitest";
import type { ReserveRequest } from "../../../main/hardware/capacity";
import { HardwareReservations, reserveRequest, type HardwarePort } from "../../../main/bidengine/hardware-reservations";
import { normalizeOrder } from "../../../main/bidengine/normalize-order";

// The hardware ledger behind the engine's reservation port: placements summed into one request,
// refusals turned into "capacity gone", promote on a win, release on the end.

const order = normalizeOrder({
  id: { owner: "akash1tenant", dseq: "9", gseq: 1, oseq: 1 },
  state: "open",
  spec: {
    name: "g",
    requirements: { attributes: [], signed_by: { all_of: [], any_of: [] } },
    resources: [
      {
        resource: {
          id: 1,
          cpu: { units: { val: "2000" } },
          memory: { quantity: { val: "1073741824" } },
          storage: [{ name: "default", quantity: { val: "1000" } }, { name: "shm", quantity: { val: "500" }, attributes: [{ key: "class", value: "ram" }, { key: "persistent", value: "false" }] }],
          gpu: { units: { val: "1" }, attributes: [{ key: "vendor/nvidia/model/rtx4090", value: "true" }] },
          endpoints: [],
        },
        count: 2,
        price: { denom: "uact", amount: "100.0" },
      },
    ],
  },
});

function fakeHardware(fail = false) {
  const calls: string[] = [];
  const port: HardwarePort = {
    capacity: async () => ({ detected: { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, gpus: 0 }, reserve: { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, gpus: 0 }, held: { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, gpus: 0 }, free: { cpuMillis: 4000, memoryBytes: 2 ** 33, storageBytes: 2 ** 34, gpus: 0 }, reservations: [], storagePath: "/" }),
    report: async () => ({ gpus: [] }),
    reserve: async (r: ReserveRequest) => {
      calls.push(`reserve ${r.id}`);
      if (fail) throw new Error("not enough GPUs free");
      return r;
    },
    promote: (id) => (calls.push(`promote ${id}`), true),
    release: (id) => (calls.push(`release ${id}`), true),
    ownerActivity: async () => ({ active: true, reasons: [], checkedAt: new Date(0).toISOString() }),
  };
  return { port, calls };
}

describe("hardware reservations", () => {
  it("sums the replicas, skips RAM volumes and pins the GPU model", () => {
    expect(reserveRequest(order.key, [{ node: "this-pc", unitIndex: 0, replicas: 2, gpuModel: "rtx4090" }], order)).toEqual({
      id: order.key,
      kind: "bid",
      cpuMillis: 4000,
      memoryBytes: 2 * 1073741824,
      storageBytes: 2000,
      gpus: 2,
      gpuModel: "rtx4090",
    });
    expect(() => reserveRequest(order.key, [{ node: "this-pc", unitIndex: 3, replicas: 1, gpuModel: null }], order)).toThrow(/does not have/);
  });

  it("reserve → promote → release through the ledger; a refusal is capacity gone", async () => {
    const ok = fakeHardware();
    const port = new HardwareReservations(ok.port);
    expect(await port.reserve(order.key, [{ node: "this-pc", unitIndex: 0, replicas: 2, gpuModel: "rtx4090" }], order)).toBe(true);
    port.allocate(order.key);
    port.release(order.key);
    expect(ok.calls).toEqual([`reserve ${order.key}`, `promote ${order.key}`, `release ${order.key}`]);
    expect(await port.reserve(order.key, [], undefined)).toBe(false);
    const full = fakeHardware(true);
    const lines: string[] = [];
    expect(await new HardwareReservations(full.port, (l) => lines.push(l)).reserve(order.key, [{ node: "this-pc", unitIndex: 0, replicas: 1, gpuModel: "rtx4090" }], order)).toBe(false);
    expect(lines[0]).toMatch(/not enough GPUs/);
    expect(await port.gaming()).toBe(true);
    expect((await port.inventory())[0]).toMatchObject({ cpuMillis: 4000, gpus: [] });
  });
});
