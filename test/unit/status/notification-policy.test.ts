import { describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings, type StatusOverview } from "../../../common/status-schemas";
import { NotificationController } from "../../../main/notify/notification-controller";
import {
  evaluateNotifications,
  INITIAL_POLICY_STATE,
  LOW_COLLATERAL_REPEAT_MS,
  OFFLINE_GRACE_MS,
  OFFLINE_REPEAT_MS,
  shortLease,
  type Notice,
  type PolicyState,
} from "../../../main/notify/notification-policy";
import { balances, engine, overview, rpc } from "./samples";

const ALL_ON = DEFAULT_NOTIFICATION_SETTINGS;
const LEASE_A = "akash1tenantaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/101/1/1/akash1prov";
const LEASE_B = "akash1tenantbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/202/1/1/akash1prov";

/** Runs overviews through the policy at the given times; returns every notice with its time. */
function run(steps: [number, StatusOverview][], settings: NotificationSettings = ALL_ON, start: PolicyState = INITIAL_POLICY_STATE) {
  let state = start;
  const out: (Notice & { at: number })[] = [];
  for (const [at, o] of steps) {
    const r = evaluateNotifications(state, o, settings, at);
    state = r.state;
    out.push(...r.notices.map((n) => ({ ...n, at })));
  }
  return { out, state };
}

const bidding = (leases: string[] = []) => overview({ engine: engine("bidding", leases) });
const offline = () => overview({ rpc: rpc("down") });

describe("notification policy: leases", () => {
  it("leases present at start are the baseline; new ones are won, missing ones closed, each once", () => {
    const { out } = run([
      [0, bidding([LEASE_A])],
      [1, bidding([LEASE_A, LEASE_B])],
      [2, bidding([LEASE_A, LEASE_B])],
      [3, bidding([LEASE_B])],
    ]);
    expect(out.map((n) => [n.kind, n.at])).toEqual([["leaseWon", 1], ["leaseClosed", 3]]);
    expect(out[0]!.body).toBe("Lease 202 (akash1te…bbbb) is now running on this machine.");
  });

  it("an unknown lease count (source down) is not read as every lease closing", () => {
    const unknown = { ...bidding(), activeLeases: null, activeLeaseIds: [] };
    const { out } = run([[0, bidding([LEASE_A])], [1, unknown], [2, bidding([LEASE_A])]]);
    expect(out).toEqual([]);
  });

  it("many leases at once become one notice", () => {
    const many = Array.from({ length: 6 }, (_, i) => `t/${i}/1/1/p`);
    const { out } = run([[0, bidding()], [1, bidding(many)]]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: "leaseWon", title: "6 leases won" });
    expect(out[0]!.body).toMatch(/and 3 more\.$/);
  });

  it("a kind switched off is silent, and switching it on later does not replay old events", () => {
    const off = { ...ALL_ON, leaseWon: false };
    const first = run([[0, bidding()], [1, bidding([LEASE_A])]], off);
    expect(first.out).toEqual([]);
    const later = run([[2, bidding([LEASE_A])]], ALL_ON, first.state);
    expect(later.out).toEqual([]);
  });
});

describe("notification policy: low collateral", () => {
  it("once when it starts, again after a day while it lasts, and afresh after it cleared", () => {
    const low = overview({ engine: engine("bidding"), balances: balances("100", "low") });
    const { out } = run([
      [0, low],
      [60_000, low],
      [LOW_COLLATERAL_REPEAT_MS - 1, low],
      [LOW_COLLATERAL_REPEAT_MS, low],
      [LOW_COLLATERAL_REPEAT_MS + 1, bidding()],
      [LOW_COLLATERAL_REPEAT_MS + 2, low],
    ]);
    expect(out.map((n) => n.at)).toEqual([0, LOW_COLLATERAL_REPEAT_MS, LOW_COLLATERAL_REPEAT_MS + 2]);
    expect(out[0]).toMatchObject({ kind: "lowCollateral", title: "Low collateral", body: "Keep 5 AKT for bids." });
  });
});

describe("notification policy: going offline", () => {
  it("never for a machine that was not online yet (a fresh install is offline)", () => {
    expect(run([[0, offline()], [OFFLINE_GRACE_MS * 10, offline()]]).out).toEqual([]);
  });

  it("only after the grace period, once per outage", () => {
    const { out } = run([
      [0, bidding()],
      [1_000, offline()],
      [1_000 + OFFLINE_GRACE_MS - 1, offline()],
      [1_000 + OFFLINE_GRACE_MS, offline()],
      [1_000 + OFFLINE_GRACE_MS * 5, offline()],
    ]);
    expect(out.map((n) => [n.kind, n.at])).toEqual([["offline", 1_000 + OFFLINE_GRACE_MS]]);
    expect(out[0]!.body).toMatch(/RPC/);
  });

  it("a flapping connection: short drops say nothing, and long ones at most every 30 minutes", () => {
    const steps: [number, StatusOverview][] = [[0, bidding()]];
    // Drops of one minute every two minutes for an hour: never past the grace period.
    for (let t = 60_000; t < 3_600_000; t += 120_000) steps.push([t, offline()], [t + 60_000, bidding()]);
    expect(run(steps).out).toEqual([]);

    // Long outages back to back: the second, ten minutes after the first notice, stays quiet.
    const base = 10_000_000;
    const { out } = run([
      [0, bidding()],
      [base, offline()],
      [base + OFFLINE_GRACE_MS, offline()], // notice 1
      [base + OFFLINE_GRACE_MS + 1, bidding()],
      [base + 5 * 60_000, offline()],
      [base + 10 * 60_000, offline()], // lasted, but within 30 min of notice 1
      [base + OFFLINE_GRACE_MS + OFFLINE_REPEAT_MS, offline()], // notice 2
    ]);
    expect(out.map((n) => n.at)).toEqual([base + OFFLINE_GRACE_MS, base + OFFLINE_GRACE_MS + OFFLINE_REPEAT_MS]);
  });

  it("fuzz: random overviews and times never throw and never repeat a lease notice", () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pool = ["a/1/1/1/p", "b/2/1/1/p", "c/3/1/1/p", "d/4/1/1/p"];
    let state = INITIAL_POLICY_STATE;
    let t = 0;
    let known: Set<string> | null = null;
    for (let i = 0; i < 2_000; i++) {
      t += rand(600_000);
      const leases = pool.filter(() => rand(2) === 0);
      const kind = rand(4);
      const o = kind === 0 ? offline() : kind === 1 ? { ...bidding(leases), activeLeases: null } : bidding(leases);
      const { state: next, notices } = evaluateNotifications(state, o, ALL_ON, t);
      for (const n of notices) expect(["leaseWon", "leaseClosed", "lowCollateral", "offline"]).toContain(n.kind);
      const won = notices.filter((n) => n.kind === "leaseWon").length;
      const current = o.activeLeaseIds;
      if (o.activeLeases !== null && known !== null) {
        const fresh = current.filter((l) => !known!.has(l)).length;
        expect(won).toBe(fresh > 3 ? 1 : fresh); // more than three become one summary
      }
      if (o.activeLeases !== null) known = new Set(current);
      state = next;
    }
  });

  it("names leases briefly", () => {
    expect(shortLease("akash1abcdefghijklmnop/123/1/1/akash1prov")).toBe("Lease 123 (akash1ab…mnop)");
    expect(shortLease("weird")).toBe("Lease weird");
  });
});

describe("notification controller", () => {
  it("reads the switches for each overview, shows the notices, and fires the offline notice on a later tick", async () => {
    const shown: Notice[] = [];
    let now = 0;
    let settingsReads = 0;
    const controller = new NotificationController({ settings: async () => (settingsReads++, ALL_ON), show: (n) => shown.push(n), now: () => now });
    await controller.tick(); // nothing yet: no-op
    await controller.onOverview(bidding());
    await controller.onOverview(bidding([LEASE_A]));
    expect(shown.map((n) => n.kind)).toEqual(["leaseWon"]);
    now = 1;
    await controller.onOverview(offline());
    now = 1 + OFFLINE_GRACE_MS;
    await controller.tick();
    expect(shown.map((n) => n.kind)).toEqual(["leaseWon", "leaseClosed", "offline"]);
    expect(settingsReads).toBe(4);
  });

  it("a failing settings read is logged and shows nothing", async () => {
    const logs: string[] = [];
    const controller = new NotificationController({ settings: () => Promise.reject(new Error("db closed")), show: () => expect.fail("shown"), now: () => 0, log: (l) => logs.push(l) });
    await controller.onOverview(bidding());
    expect(logs).toEqual(["[notify] db closed"]);
  });
});
