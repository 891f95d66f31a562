import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EarningsSettingsStore } from "../../../main/earnings";
import { startRig, type Rig } from "./devnet-rig";

// The withdraw scheduler follows the settings the owner saved (earnings.updateSettings), not the
// defaults: the schedule's period, the "running dry" window, the batch size and the on/off switch,
// checked against a real devnet through the app's tx queue.

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.stop();
});

describe("withdraw scheduler with saved settings", () => {
  it("uses the saved period, dry window, batch size and auto-withdraw switch", async () => {
    const service = rig.service();
    const saved = service.updateSettings({ withdrawEveryHours: 2, dryWithinBlocks: 10, maxLeasesPerTx: 1, autoWithdraw: false });
    // A fresh store on the same database reads back what was saved.
    expect(new EarningsSettingsStore(rig.db).get()).toEqual(saved);

    await rig.deploy(2, "1000", "50000000");
    await rig.deploy(3, "1000", "50000000");
    // About 50 blocks of funds: inside the default 600-block window, outside the saved 10-block one.
    await rig.deploy(4, "10000", "500000");
    for (let i = 0; i < 5; i++) rig.devnet.produceBlock();

    // Auto-withdraw off: a tick books the chain but sends nothing.
    const before = rig.txRepo.list("local", 500).filter((t) => t.kind === "earnings.withdraw").length;
    await service.tick();
    expect(rig.txRepo.list("local", 500).filter((t) => t.kind === "earnings.withdraw")).toHaveLength(before);
    expect(service.schedule()).toMatchObject({ autoWithdraw: false, activeLeases: 3, nextDueAt: null });

    service.updateSettings({ autoWithdraw: true });
    const first = await service.withdraw(false);
    // With the default 600-block window lease 4 would go now; with the saved 10 it is not due yet.
    expect(first.withdrawn).toEqual([]);
    expect(first.skipped.map((s) => s.reason)).toEqual(["not due yet", "not due yet", "not due yet"]);
    const schedule = service.schedule();
    expect(schedule).toMatchObject({ autoWithdraw: true, withdrawEveryHours: 2, activeLeases: 3 });
    expect(schedule.nextDueAt).toBe(new Date(rig.clock.ms + 2 * 3_600_000).toISOString());

    // Two hours later (the saved period, not the default twelve) all three are due, one per tx.
    rig.clock.ms += 2 * 3_600_000;
    for (let i = 0; i < 5; i++) rig.devnet.produceBlock();
    const second = await service.withdraw(false);
    expect(second.withdrawn.sort()).toEqual([rig.leaseId(2), rig.leaseId(3), rig.leaseId(4)].sort());
    expect(second.txHashes).toHaveLength(3);
    expect(new Set(second.txHashes).size).toBe(3);
    expect(service.schedule().nextDueAt).toBe(new Date(rig.clock.ms + 2 * 3_600_000).toISOString());
  });
});
