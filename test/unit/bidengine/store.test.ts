import { afterEach, describe, expect, it } from "vitest";
import { BidSettingsRepo } from "../../../main/bidengine/bid-settings-repo";
import { decide } from "../../../main/bidengine/decide";
import { DecisionRepo } from "../../../main/bidengine/decision-repo";
import { toDecisionView } from "../../../main/bidengine/decision-view";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { openDatabase, type Db } from "../../../main/store/database";
import { context, gpuOrder } from "./helpers";

const DAY = 24 * 3600 * 1000;
let db: Db;
afterEach(() => db?.close());

describe("DecisionRepo", () => {
  it("keeps decisions 30 days and filters them for the Bids view, newest first", () => {
    db = openDatabase(":memory:");
    let clock = new Date("2026-11-01T00:00:00Z");
    const repo = new DecisionRepo(db, () => clock);
    const at = (days: number, order = gpuOrder(), patch = {}) => toDecisionView(decide(order, context(patch, { now: new Date(clock.getTime() + days * DAY) })));
    repo.record([at(0), at(1, gpuOrder({ gpus: 3 })), at(2, gpuOrder({ owner: "akash1other" }), { paused: true })]);
    clock = new Date(clock.getTime() + 3 * DAY);

    const all = repo.list();
    expect(all.map((d) => d.view.reason)).toEqual(["paused", "insufficient_gpu", null]);
    expect(all[0]!.id).toBeGreaterThan(all[1]!.id);
    expect(repo.list({ outcome: "bid" }).map((d) => d.view.price?.amount)).toEqual([all[2]!.view.price!.amount]);
    expect(repo.list({ reason: "insufficient_gpu" })[0]!.view.message).toBe("needs 3 × rtx4090, you have 1 free");
    expect(repo.list({ tenant: "akash1other" })).toHaveLength(1);
    expect(repo.list({ since: new Date("2026-11-02T00:00:00Z") })).toHaveLength(2);
    expect(repo.list({ beforeId: all[0]!.id, limit: 1 }).map((d) => d.id)).toEqual([all[1]!.id]);

    clock = new Date(clock.getTime() + 28 * DAY); // the first row is now 31 days old
    expect(repo.list()).toHaveLength(2);
    expect(repo.prune()).toBe(1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM bid_decisions").get()).toEqual({ n: 2 });
  });

  it("skips a stored row it cannot read instead of failing the list", () => {
    db = openDatabase(":memory:");
    const repo = new DecisionRepo(db, () => new Date("2026-11-18T12:00:00Z"));
    repo.record([toDecisionView(decide(gpuOrder(), context()))]);
    db.prepare("INSERT INTO bid_decisions (order_key, tenant, decided_ms, outcome, reason, view) VALUES ('k', 't', ?, 'bid', NULL, '{torn')").run(Date.parse("2026-11-18T11:00:00Z"));
    expect(repo.list()).toHaveLength(1);
  });
});

describe("BidSettingsRepo", () => {
  it("starts from the documented defaults, stores whole sections, and survives a corrupt one", () => {
    db = openDatabase(":memory:");
    const repo = new BidSettingsRepo(db, () => new Date());
    expect(repo.get()).toEqual(DEFAULT_BIDENGINE_SETTINGS);
    const next = repo.update({ paused: true, policies: { ...DEFAULT_BIDENGINE_SETTINGS.policies, maxConcurrentBids: 2 } });
    expect(next.paused).toBe(true);
    expect(new BidSettingsRepo(db, () => new Date()).get().policies.maxConcurrentBids).toBe(2);
    expect(() => repo.update({ paused: "yes" as unknown as boolean })).toThrow();
    db.prepare("UPDATE bid_settings SET value = '{\"maxConcurrentBids\":-1}' WHERE key = 'policies'").run();
    const after = repo.get();
    expect(after.policies).toEqual(DEFAULT_BIDENGINE_SETTINGS.policies);
    expect(after.paused).toBe(true);
  });
});
