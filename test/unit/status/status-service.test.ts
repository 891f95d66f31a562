import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StatusOverview } from "../../../common/status-schemas";
import { openDatabase, type Db } from "../../../main/store/database";
import { cachedFor } from "../../../main/status/cached-read";
import { collectSources, type StatusHandlers } from "../../../main/status/collect-sources";
import { NotificationSettingsRepo } from "../../../main/status/notification-settings-repo";
import { StatusService } from "../../../main/status/status-service";
import type { StatusSources } from "../../../main/status/sources";
import { healthySources, NOW, rpc, wallet } from "./samples";

class ManualInterval {
  fns: (() => void)[] = [];
  cleared = 0;
  setInterval = (fn: () => void) => (this.fns.push(fn), this.fns.length);
  clearInterval = () => void this.cleared++;
  fire() {
    for (const fn of this.fns) fn();
  }
}

describe("status service", () => {
  it("emits the first overview and then only real changes; concurrent refreshes share one reading", async () => {
    let sources: StatusSources = healthySources();
    let reads = 0;
    const emitted: StatusOverview[] = [];
    let clock = NOW.getTime();
    const service = new StatusService({ collect: async () => (reads++, sources), now: () => new Date(clock), emit: (o) => emitted.push(o) });

    const [a, b] = await Promise.all([service.overview(), service.overview()]);
    expect(a).toBe(b);
    expect(reads).toBe(1);
    expect(emitted).toHaveLength(1);

    clock += 60_000;
    expect(await service.overview()).toBe(a); // cached without refresh
    await service.overview(true);
    expect(reads).toBe(2);
    expect(emitted).toHaveLength(1); // same content, newer time: nothing to announce

    sources = healthySources({ wallet: wallet("locked") });
    const locked = await service.refresh();
    expect(emitted).toEqual([a, locked]);
    expect(locked.state).toBe("offline");
  });

  it("refreshes on its timer until stopped, and a failed reading is logged, not thrown", async () => {
    const timer = new ManualInterval();
    const logs: string[] = [];
    let fail = false;
    let reads = 0;
    const service = new StatusService({ collect: async () => { reads++; if (fail) throw new Error("boom"); return healthySources(); }, now: () => NOW, emit: () => {}, log: (l) => logs.push(l) }, timer);
    service.start(1000);
    service.start(1000); // idempotent
    expect(timer.fns).toHaveLength(1);
    await expect.poll(() => reads).toBe(1); // the first tick is immediate
    fail = true;
    timer.fire();
    await expect.poll(() => logs).toEqual(["[status] refresh failed: boom"]);
    service.stop();
    service.stop();
    expect(timer.cleared).toBe(1);
  });
});

function handlers(overrides: Partial<Record<keyof StatusHandlers, unknown>> = {}): StatusHandlers {
  const s = healthySources();
  const base: Record<keyof StatusHandlers, () => unknown> = {
    "wallet.status": () => s.wallet,
    "chain.rpcStatus": () => s.rpc,
    "hardware.report": () => s.hardware,
    "hardware.ownerActivity": () => ({ active: false, reasons: [], checkedAt: NOW.toISOString() }),
    "cluster.status": () => s.cluster,
    "bidengine.settings": () => s.bidSettings,
    "bidengine.decisions": () => ({ decisions: [{}, {}, {}] }),
    "bidengine.status": () => {
      throw new TypeError("not wired");
    },
    "treasury.balances": () => s.balances,
    "earnings.price": () => s.price,
    "earnings.leases": () => [],
    "earnings.summary": () => ({ totals: { netUsdMicro: "-1250000" } }),
  };
  return { ...base, ...overrides } as unknown as StatusHandlers;
}

describe("collecting the sources", () => {
  it("reads each service; one that throws or hangs is unknown, the rest still count", async () => {
    const asked: unknown[] = [];
    const sources = await collectSources({
      handlers: handlers({
        "hardware.report": () => new Promise(() => {}), // never answers
        "cluster.status": async () => {
          throw new Error("kube down");
        },
        "bidengine.decisions": (q: unknown) => (asked.push(q), { decisions: [{}, {}, {}] }),
        "earnings.summary": (q: unknown) => (asked.push(q), { totals: { netUsdMicro: "-1250000" } }),
      }),
      now: () => NOW,
      timeoutMs: 50,
    });
    expect(sources.hardware).toBeNull();
    expect(sources.cluster).toBeNull();
    expect(sources.engine).toBeNull();
    expect(sources.wallet?.state).toBe("unlocked");
    expect(sources.bidsLastDay).toBe(3);
    expect(sources.todayNetUsdMicro).toBe("-1250000");
    expect(asked[0]).toEqual({ outcome: "bid", since: "2026-11-20T12:00:00.000Z", limit: 1000 });
    const today = asked[1] as { from: string; to: string; granularity: string };
    expect(today.granularity).toBe("day");
    expect(Date.parse(today.from)).toBeLessThan(Date.parse(today.to));
    expect(today.to).toBe(NOW.toISOString());
  });

  it("without a wallet address it does not ask the chain-backed services", async () => {
    const called: string[] = [];
    const spy = (name: string) => () => {
      called.push(name);
      throw new Error("should not be called");
    };
    const sources = await collectSources({
      handlers: handlers({ "wallet.status": () => wallet("none"), "treasury.balances": spy("treasury"), "earnings.price": spy("price"), "earnings.leases": spy("leases"), "earnings.summary": spy("summary") }),
      now: () => NOW,
    });
    expect(called).toEqual([]);
    expect(sources).toMatchObject({ balances: null, price: null, leases: null, todayNetUsdMicro: null });
  });
});

describe("notification settings repository", () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "apd-notify-"));
    db = openDatabase(join(dir, "db.sqlite"));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("defaults to all on, keeps patches, and survives a corrupt or partial stored value", () => {
    const repo = new NotificationSettingsRepo(db, () => NOW);
    expect(repo.get()).toEqual({ leaseWon: true, leaseClosed: true, lowCollateral: true, offline: true });
    expect(repo.update({ offline: false })).toEqual({ leaseWon: true, leaseClosed: true, lowCollateral: true, offline: false });
    expect(new NotificationSettingsRepo(db, () => NOW).get().offline).toBe(false);
    db.prepare("UPDATE settings SET value = ? WHERE key = 'notifications'").run("{torn");
    expect(repo.get().offline).toBe(true);
    db.prepare("UPDATE settings SET value = ? WHERE key = 'notifications'").run(JSON.stringify({ leaseWon: false, offline: "no", extra: 1 }));
    expect(repo.get()).toEqual({ leaseWon: false, leaseClosed: true, lowCollateral: true, offline: true });
    db.prepare("UPDATE settings SET value = ? WHERE key = 'notifications'").run("null");
    expect(repo.get().leaseWon).toBe(true);
  });
});

describe("collecting the chain's health", () => {
  it("a pool that looks down is checked afresh once before it counts as unreachable", async () => {
    const asked: unknown[] = [];
    const sources = await collectSources({
      handlers: handlers({ "chain.rpcStatus": (input: unknown) => (asked.push(input ?? null), input ? rpc("healthy") : rpc("down")) }),
      now: () => NOW,
    });
    expect(asked).toEqual([null, { refresh: true }]);
    expect(sources.rpc?.active).not.toBeNull();
  });
});

describe("cached reads", () => {
  it("keeps a value for its age, shares one pending read, and never keeps a failure", async () => {
    let clock = 0;
    let reads = 0;
    let fail = false;
    const read = cachedFor(1_000, () => new Date(clock), async () => {
      reads++;
      if (fail) throw new Error("busy");
      return reads;
    });
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    clock = 999;
    expect(await read()).toBe(1);
    clock = 1_000;
    fail = true;
    await expect(read()).rejects.toThrow("busy");
    fail = false;
    expect(await read()).toBe(3);
    clock = -5; // the clock went back: read again rather than trust the old value
    expect(await read()).toBe(4);
  });
});
