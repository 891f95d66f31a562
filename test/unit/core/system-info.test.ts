import { describe, expect, it } from "vitest";
import { SystemSummary } from "../../../common/schemas";
import { collectSystemSummary, systeminformationSource, type SystemInfoSource } from "../../../main/system/system-info";
import { gamingPc } from "../../support/fake-system";

const now = () => new Date("2026-11-21T12:00:00Z");

describe("collectSystemSummary", () => {
  it("summarises a gaming PC", async () => {
    const summary = await collectSystemSummary(gamingPc, now);
    expect(summary.gpus).toEqual([{ vendor: "NVIDIA", model: "GeForce RTX 4090", vramBytes: 24564 * 2 ** 20, busId: "01:00.0" }]);
    expect(summary.disks[0]).toMatchObject({ type: "NVMe", sizeBytes: 2e12 });
    expect(SystemSummary.parse(summary)).toEqual(summary);
  });

  it("drops virtual display adapters and degrades each failing part on its own", async () => {
    const broken: SystemInfoSource = {
      ...gamingPc,
      cpu: () => Promise.reject(new Error("no /proc")),
      graphics: async () => ({ controllers: [{ vendor: "Red Hat, Inc.", model: "Virtio GPU", vram: 0 }] }),
    };
    const summary = await collectSystemSummary(broken, now);
    expect(summary.gpus).toEqual([]);
    expect(summary.cpu.model).toBe("unknown");
    expect(summary.memory.totalBytes).toBe(64 * 2 ** 30);
  });

  it("reads this machine for real", async () => {
    const summary = await collectSystemSummary(systeminformationSource, now);
    expect(SystemSummary.safeParse(summary).success).toBe(true);
    expect(summary.cpu.threads).toBeGreaterThan(0);
    expect(summary.memory.totalBytes).toBeGreaterThan(0);
  });
});
