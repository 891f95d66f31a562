import { describe, expect, it } from "vitest";
import { StatusOverview } from "../../../common/status-schemas";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { engineStatus } from "../../../main/status/collect-sources";
import { buildOverview, overviewFingerprint } from "../../../main/status/build-overview";
import { NO_SOURCES } from "../../../main/status/sources";
import { balances, engine, hardware, healthySources, NOW, rpc, wallet } from "./samples";

const ids = (o: StatusOverview) => o.alerts.map((a) => a.id);

describe("status overview", () => {
  it("with nothing known, says offline with unknowns and no invented figures", () => {
    const o = buildOverview(NO_SOURCES, NOW);
    expect(StatusOverview.parse(o)).toEqual(o);
    expect(o).toMatchObject({ state: "offline", reason: "The bid engine is not running.", engineRunning: false, activeLeases: null, openBids: null, runway: null, todayNetUsdMicro: null, wallet: { state: "unknown", address: null } });
    expect(o.alerts).toEqual([]);
  });

  it("a fresh machine (no wallet, no GPU, no k3s) is offline with the three alerts, most urgent first", () => {
    const o = buildOverview(
      { ...NO_SOURCES, wallet: wallet("none"), rpc: rpc("unknown"), hardware: hardware([{ vendor: "intel", sellable: false }]), cluster: { installed: false, role: null, k3sVersion: null, ours: false, installing: false, message: "not installed", health: null } },
      NOW,
    );
    expect(o.state).toBe("offline");
    expect(o.reason).toMatch(/No wallet yet/);
    expect(o.activeLeases).toBe(0); // no wallet, no provider: certainly no lease
    expect(ids(o)).toEqual(["wallet_missing", "gpu_not_detected", "k3s_not_installed"]);
    expect(o.alerts[0]).toMatchObject({ title: "Set up a wallet", page: "onboarding", severity: "critical" });
    expect(o.alerts[1]).toMatchObject({ title: "No GPU detected", action: "Install the NVIDIA driver." });
  });

  it("each wallet state has its own alert and reason", () => {
    for (const [state, id, reason] of [
      ["backup-pending", "wallet_backup_pending", /backup/],
      ["locked", "wallet_locked", /locked/],
      ["damaged", "wallet_damaged", /cannot be read/],
    ] as const) {
      const o = buildOverview(healthySources({ wallet: wallet(state) }), NOW);
      expect(ids(o)).toContain(id);
      expect(o.state).toBe("offline");
      expect(o.reason).toMatch(reason);
    }
    expect(buildOverview(healthySources({ wallet: wallet("damaged") }), NOW).alerts[0]!.action).toBe("The keystore is corrupt.");
  });

  it("an unreachable chain beats everything, even a running engine", () => {
    const o = buildOverview(healthySources({ rpc: rpc("down"), engine: engine("bidding") }), NOW);
    expect(o.state).toBe("offline");
    expect(o.reason).toMatch(/RPC/);
    expect(ids(o)).toEqual(["rpc_unhealthy"]);
    expect(o.alerts[0]!.action).toContain("ECONNREFUSED");
    // Endpoints never checked yet are not "down".
    expect(ids(buildOverview(healthySources({ rpc: rpc("unknown") }), NOW))).not.toContain("rpc_unhealthy");
  });

  it("set up but no live engine: offline, says the engine is not running", () => {
    const o = buildOverview(healthySources(), NOW);
    expect(o).toMatchObject({ state: "offline", reason: "The bid engine is not running.", engineRunning: false, activeLeases: 0, openBids: null });
    expect(ids(o)).toEqual(["engine_not_running"]);
  });

  it("takes the engine's own state, counts and lease keys", () => {
    for (const state of ["bidding", "paused", "gaming"] as const) {
      const o = buildOverview(healthySources({ engine: engine(state, ["t/2/1/1/p", "t/1/1/1/p"], state === "bidding" ? null : `because ${state}`) }), NOW);
      expect(o).toMatchObject({ state, engineRunning: true, openBids: 2, activeLeases: 2, activeLeaseIds: ["t/1/1/1/p", "t/2/1/1/p"] });
      expect(o.reason).toBe(state === "bidding" ? null : `because ${state}`);
      expect(ids(o)).toEqual([]);
    }
  });

  it("maps the engine's view: stopped is not running, starting is offline with a reason", () => {
    const view = { network: "local", state: "running" as const, reason: null, openBids: 1, activeLeases: 1, trackedOrders: 4, height: 10, gamingMode: false, leases: [{ key: "a/1/1/1/p", price: { denom: "uact", amount: "1" } }], servingNotice: null };
    expect(engineStatus(view)).toEqual({ state: "bidding", reason: null, openBids: 1, activeLeases: 1, leaseIds: ["a/1/1/1/p"], gamingMode: false });
    expect(engineStatus({ ...view, state: "stopped" })).toBeNull();
    expect(engineStatus({ ...view, state: "starting" })).toMatchObject({ state: "offline", reason: "The bid engine is starting." });
    expect(engineStatus({ ...view, state: "gaming", reason: "Cyberpunk2077.exe" })).toMatchObject({ state: "gaming", reason: "Cyberpunk2077.exe" });
  });

  it("low collateral from the treasury's reserve, or when no bid can be funded", () => {
    expect(ids(buildOverview(healthySources({ balances: balances("100000000", "low") }), NOW))).toContain("collateral_low");
    const broke = buildOverview(healthySources({ balances: balances("1200000") }), NOW);
    expect(broke.runway).toMatchObject({ bidsCovered: 0 });
    expect(broke.alerts[0]).toMatchObject({ id: "collateral_low", severity: "critical" });
    expect(ids(buildOverview(healthySources(), NOW))).not.toContain("collateral_low");
  });

  it("stale price and an unsellable GPU are warnings with what to do", () => {
    const o = buildOverview(
      healthySources({ price: { usd: "3.1", asOf: "2026-11-20T08:00:00.000Z", stale: true, source: "oracle", error: "timeout" }, hardware: hardware([{ vendor: "nvidia", sellable: false }]) }),
      NOW,
    );
    expect(o.alerts.find((a) => a.id === "price_stale")!.action).toContain("2026-11-20 08:00 UTC");
    expect(o.alerts.find((a) => a.id === "gpu_not_detected")).toMatchObject({ title: "GPU not ready to sell", action: "Pick the model in Onboarding." });
  });

  it("counts active leases from the ledger until the engine reports", () => {
    const lease = (leaseId: string, state: "active" | "closed") => ({ leaseId, owner: "t", dseq: "1", state, rateUactPerBlock: "1", createdHeight: 1, closedHeight: null, earnedUact: "0", withdrawnUact: "0", accruedUact: "0", closePaidUact: "0", electricityUsdMicro: "0", electricityConverted: true, netUsdMicro: "0", gpus: [] });
    const o = buildOverview(healthySources({ leases: [lease("b", "active"), lease("a", "active"), lease("c", "closed")] }), NOW);
    expect(o.activeLeases).toBe(2);
    expect(o.activeLeaseIds).toEqual(["a", "b"]);
  });

  it("reports gaming mode and pause-while-gaming separately", () => {
    const o = buildOverview(healthySources({ engine: engine("gaming"), activity: { active: true, reasons: [], checkedAt: NOW.toISOString() } }), NOW);
    expect(o).toMatchObject({ gamingMode: true, gamingDetected: true, pauseWhileGaming: DEFAULT_BIDENGINE_SETTINGS.policies.pauseWhileGaming });
  });

  it("the fingerprint ignores only the time of the check", () => {
    const a = buildOverview(healthySources(), NOW);
    expect(overviewFingerprint(a)).toBe(overviewFingerprint({ ...a, checkedAt: new Date(0).toISOString() }));
    expect(overviewFingerprint(a)).not.toBe(overviewFingerprint({ ...a, activeLeases: 3 }));
  });
});
