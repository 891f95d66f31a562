import { afterEach, describe, expect, it } from "vitest";
import { UptimeChanged, UptimeSummary } from "../../../common/uptime-schemas";
import { openDatabase, type Db } from "../../../main/store/database";
import { down, unknown, up, type ProbeOutcome } from "../../../main/uptime/probe-outcome";
import { MINUTE_MS, UptimeRepo } from "../../../main/uptime/uptime-repo";
import { UptimeService, type UptimeTimer } from "../../../main/uptime/uptime-service";

// The uptime service on a real SQLite database, with a clock and a timer the test moves by hand.

class ManualTimeout implements UptimeTimer {
  pending: { fn: () => void; ms: number } | null = null;
  setTimeout(fn: () => void, ms: number) {
    this.pending = { fn, ms };
    return 1;
  }
  clearTimeout() {
    this.pending = null;
  }
}

const T0 = Date.parse("2026-11-20T10:00:30.000Z");
const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function rig(db: Db = openDatabase(":memory:"), start = T0) {
  if (!dbs.includes(db)) dbs.push(db);
  let now = start;
  const outcomes: Record<"chain" | "gateway" | "kube", ProbeOutcome> = { chain: up("rpc ok"), gateway: unknown("not set"), kube: unknown("not installed") };
  const events: UptimeChanged[] = [];
  const timer = new ManualTimeout();
  const repo = new UptimeRepo(db);
  const service = new UptimeService({
    repo,
    now: () => new Date(now),
    timer,
    emit: (e) => events.push(UptimeChanged.parse(e)),
    probes: { app: async () => up("running"), chain: async () => outcomes.chain, gateway: async () => outcomes.gateway, kube: async () => outcomes.kube },
  });
  return {
    db,
    repo,
    service,
    timer,
    events,
    outcomes,
    advance: (ms: number) => (now += ms),
    now: () => now,
    /** Checks once a minute for `minutes` minutes. */
    async run(minutes: number) {
      for (let i = 0; i < minutes; i++) {
        await service.check();
        now += MINUTE_MS;
      }
    },
  };
}

const window = (s: UptimeSummary, id: string) => s.windows.find((w) => w.id === id)!;
const probe = (s: UptimeSummary, w: string, id: string) => window(s, w).probes.find((p) => p.id === id)!;

describe("uptime service", () => {
  it("checks at each minute boundary, one row per minute, via the injected timer", async () => {
    const r = rig();
    r.service.start();
    // 10:00:30 → the next check at 10:01:01 (boundary + 1 s).
    expect(r.timer.pending?.ms).toBe(31_000);
    r.advance(31_000);
    r.timer.pending!.fn();
    await r.service.check(); // joins the check the timer started
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.repo.lastMinute()).toBe(Math.floor((T0 + 31_000) / MINUTE_MS));
    expect(r.timer.pending?.ms).toBe(60_000); // rescheduled for the next minute
    r.service.stop();
    expect(r.timer.pending).toBeNull();
  });

  it("emits one event per check that changed something, with every change", async () => {
    const r = rig();
    await r.service.check();
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.changes.map((c) => `${c.probe}:${c.from}->${c.to}`)).toEqual(["app:unknown->up", "chain:unknown->up"]);
    await r.service.check();
    expect(r.events).toHaveLength(1); // nothing changed
    r.outcomes.chain = down("no endpoint answers");
    await r.service.check();
    expect(r.events[1]!.changes).toEqual([{ probe: "chain", from: "up", to: "down", reason: "no endpoint answers" }]);
  });

  it("computes uptime per probe over the window, and unknown minutes apart", async () => {
    const r = rig();
    await r.run(90); // 90 minutes up
    r.outcomes.chain = down("rpc down");
    await r.run(10); // 10 down
    r.outcomes.chain = up("rpc back");
    await r.run(20);
    const s = UptimeSummary.parse(r.service.summary());
    const day = window(s, "24h");
    expect(day.minutes).toBe(120);
    expect(day.gapMinutes).toBe(0);
    expect(probe(s, "24h", "chain")).toEqual({ id: "chain", upMinutes: 110, downMinutes: 10, unknownMinutes: 0, uptimeBps: 9166 });
    expect(probe(s, "24h", "app")).toMatchObject({ upMinutes: 120, uptimeBps: 10_000 });
    expect(probe(s, "24h", "kube")).toEqual({ id: "kube", upMinutes: 0, downMinutes: 0, unknownMinutes: 120, uptimeBps: null });
    expect(s.historySince).toBe(new Date(Math.floor(T0 / MINUTE_MS) * MINUTE_MS).toISOString());
  });

  it("an outage is one incident from the first down check to the first up one, with both reasons", async () => {
    const r = rig();
    await r.run(5);
    r.outcomes.chain = down("no RPC endpoint answers");
    const downAt = r.now();
    await r.run(3);
    r.outcomes.chain = up("rpc.example answers");
    const upAt = r.now();
    await r.run(1);
    const incidents = r.service.incidents();
    expect(incidents).toEqual([
      { id: expect.stringMatching(/^outage:\d+$/), kind: "outage", probe: "chain", start: new Date(downAt).toISOString(), end: new Date(upAt).toISOString(), minutes: 3, reason: "no RPC endpoint answers", endReason: "rpc.example answers" },
    ]);
    expect(r.service.incidents({ probe: "gateway" })).toEqual([]);
  });

  it("a stretch the app did not run is a gap (unknown, not up), and an outage open at the stop ends where history ends", async () => {
    const db = openDatabase(":memory:");
    const first = rig(db);
    await first.run(60);
    first.outcomes.chain = down("rpc down");
    await first.run(10); // the app stops while the chain is down
    const lastRecorded = first.repo.lastMinute()!;

    // Two hours later the app starts again on the same database.
    const second = rig(db, first.now() + 2 * 60 * MINUTE_MS);
    second.service.start();
    second.service.stop();
    await second.run(30);

    const s = second.service.summary();
    const day = window(s, "24h");
    expect(day.minutes).toBe(60 + 10 + 120 + 30);
    expect(day.gapMinutes).toBe(120);
    // Uptime counts only what was measured: the gap is reported, never counted as up.
    expect(probe(s, "24h", "app")).toMatchObject({ upMinutes: 100, uptimeBps: 10_000 });
    expect(probe(s, "24h", "chain")).toMatchObject({ upMinutes: 90, downMinutes: 10 });

    const incidents = second.service.incidents();
    const gap = incidents.find((i) => i.kind === "gap")!;
    expect(gap).toMatchObject({ probe: "app", minutes: 120, start: new Date((lastRecorded + 1) * MINUTE_MS).toISOString() });
    expect(gap.reason).toContain("not running");
    const outage = incidents.find((i) => i.kind === "outage")!;
    expect(outage).toMatchObject({ probe: "chain", end: new Date((lastRecorded + 1) * MINUTE_MS).toISOString(), endReason: "the app stopped; what happened after is unknown" });
    // Newest first: the gap started after the outage.
    expect(incidents.map((i) => i.kind)).toEqual(["gap", "outage"]);
  });

  it("clips windows to when history starts, and the current minute is not a gap before its check", async () => {
    const r = rig();
    const s0 = r.service.summary();
    expect(s0.historySince).toBeNull();
    expect(window(s0, "30d")).toMatchObject({ minutes: 0, gapMinutes: 0 });
    await r.service.check();
    const s1 = r.service.summary();
    expect(window(s1, "30d")).toMatchObject({ minutes: 1, gapMinutes: 0 });
    r.advance(MINUTE_MS); // a new minute, not checked yet
    expect(window(r.service.summary(), "7d")).toMatchObject({ minutes: 1, gapMinutes: 0 });
  });

  it("a probe that throws or hangs counts as down with the reason, never stalls the others", async () => {
    const db = openDatabase(":memory:");
    dbs.push(db);
    const repo = new UptimeRepo(db);
    const service = new UptimeService({
      repo,
      now: () => new Date(T0),
      timer: new ManualTimeout(),
      probeTimeoutMs: 50,
      probes: {
        app: async () => up("running"),
        chain: async () => {
          throw new Error("socket hang up");
        },
        gateway: () => new Promise(() => {}),
        kube: async () => unknown("not installed"),
      },
    });
    await service.check();
    const byId = Object.fromEntries(service.probes().map((p) => [p.id, p]));
    expect(byId.chain).toMatchObject({ state: "down", reason: "socket hang up" });
    expect(byId.gateway).toMatchObject({ state: "down", reason: "no answer within 0.05 s" });
    expect(byId.app!.state).toBe("up");
  });

  it("stores the gateway target, and reads a torn value as not configured", () => {
    const r = rig();
    expect(r.repo.gatewayTarget()).toBeNull();
    r.repo.setGatewayTarget({ host: "provider.example.com", port: 8443, tls: true });
    expect(r.repo.gatewayTarget()).toEqual({ host: "provider.example.com", port: 8443, tls: true });
    for (const junk of ["{", "42", '{"host":"","port":0}', "null"]) {
      r.db.prepare("UPDATE uptime_settings SET value = ? WHERE key = 'gateway'").run(junk);
      expect(r.repo.gatewayTarget()).toBeNull();
    }
  });

  it("prunes minutes older than the retention at the top of an hour", async () => {
    const r = rig();
    const old = Math.floor(T0 / MINUTE_MS) - 40 * 24 * 60;
    r.repo.recordMinute(old, { app: "up", chain: "up", gateway: "unknown", kube: "unknown" });
    r.repo.prune(Math.floor(T0 / MINUTE_MS));
    expect(r.repo.firstMinute()).toBeNull();
  });
});
