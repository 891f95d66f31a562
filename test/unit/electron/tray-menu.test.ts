import { describe, expect, it } from "vitest";
import { formatSignedUsd, trayIconTone, trayMenuTemplate, trayTooltip, type TrayActions, type TrayState } from "../../../main/electron/tray-menu";

// The tray model of issue 7: a pure function of the state (status, today's net, active leases) with
// pause/resume, gaming mode, open dashboard and quit.

function actions(): TrayActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    openDashboard: () => calls.push("open"),
    quit: () => calls.push("quit"),
    pauseBidding: () => calls.push("pause"),
    resumeBidding: () => calls.push("resume"),
    setGamingMode: (on) => calls.push(`gaming:${on}`),
  };
}

const bidding: TrayState = { status: "bidding", reason: null, todayNetUsd: "1.234", activeLeases: 2, paused: false, gamingMode: true };

const labels = (state: TrayState | null, a: TrayActions = actions()) => trayMenuTemplate(a, state).map((i) => (i.type === "separator" ? "—" : i.label));
const item = (id: string, state: TrayState, a: TrayActions = actions()) => trayMenuTemplate(a, state).find((i) => i.id === id)!;

describe("tray menu model", () => {
  it("shows status, today's net and leases, then the controls, while bidding", () => {
    expect(labels(bidding)).toEqual([
      "Bidding",
      "Today: +$1.23 net",
      "2 active leases",
      "—",
      "Pause bidding",
      "Gaming mode (no new bids while I play)",
      "—",
      "Open dashboard",
      "—",
      "Quit (stops providing)",
    ]);
    // The information lines are not clickable.
    for (const id of ["status", "today", "leases"]) expect(item(id, bidding).enabled).toBe(false);
    expect(item("gaming", bidding)).toMatchObject({ type: "checkbox", checked: true, enabled: true });
  });

  it("paused shows Resume with the reason; gaming, offline and no earnings read plainly", () => {
    const paused: TrayState = { ...bidding, status: "paused", paused: true, reason: "paused by you", todayNetUsd: null, activeLeases: 1 };
    expect(labels(paused).slice(0, 5)).toEqual(["Paused: paused by you", "Today: no earnings yet", "1 active lease", "—", "Resume bidding"]);
    expect(labels({ ...bidding, status: "gaming", reason: null })[0]).toBe("Gaming: not bidding");
    const offline = labels({ ...bidding, status: "offline", reason: "no RPC endpoint answers for akashnet-2 and the retries keep failing every minute", activeLeases: 0 });
    expect(offline[0]).toMatch(/^Offline: no RPC endpoint answers for akashnet-2 .{10,}…$/);
    expect(offline[0]!.length).toBeLessThanOrEqual("Offline: ".length + 60);
    expect(offline[2]).toBe("No active leases");
    expect(labels({ ...bidding, todayNetUsd: "-0.4" })[1]).toBe("Today: \u2212$0.40 net");
  });

  it("each control calls its action: pause, resume, gaming on/off, open, quit", () => {
    const a = actions();
    const click = (id: string, state: TrayState) => (trayMenuTemplate(a, state).find((i) => i.id === id)!.click as () => void)();
    click("pause", bidding);
    click("resume", { ...bidding, paused: true, status: "paused" });
    click("gaming", bidding); // on → off
    click("gaming", { ...bidding, gamingMode: false });
    click("open", bidding);
    click("quit", bidding);
    expect(a.calls).toEqual(["pause", "resume", "gaming:false", "gaming:true", "open", "quit"]);
  });

  it("disables the controls whose action the app does not offer yet", () => {
    const minimal: TrayActions = { openDashboard: () => {}, quit: () => {} };
    expect(item("pause", bidding, minimal).enabled).toBe(false);
    expect(item("gaming", bidding, minimal).enabled).toBe(false);
    expect(() => (item("pause", bidding, minimal).click as () => void)()).not.toThrow();
  });

  it("before any state is known it is the minimal menu", () => {
    expect(labels(null)).toEqual(["Open dashboard", "—", "Quit (stops providing)"]);
  });

  it("tooltip and icon tone follow the status", () => {
    expect(trayTooltip(bidding)).toBe("Akash Provider Desktop\nBidding\ntoday +$1.23 net · 2 active leases");
    expect(trayTooltip(null)).toBe("Akash Provider Desktop");
    expect([trayIconTone(bidding), trayIconTone({ ...bidding, status: "paused" }), trayIconTone({ ...bidding, status: "gaming" }), trayIconTone({ ...bidding, status: "offline" }), trayIconTone(null)]).toEqual([
      "active",
      "idle",
      "idle",
      "offline",
      "idle",
    ]);
  });

  it("formats signed USD exactly, and garbage as unknown", () => {
    expect(["0", "1.005", "1.004", "-0.005", "-0.004", "12", "0.999"].map(formatSignedUsd)).toEqual(["+$0.00", "+$1.01", "+$1.00", "\u2212$0.01", "+$0.00", "+$12.00", "+$1.00"]);
    for (const junk of ["", "abc", "1e5", "--1", "1.2.3", "NaN"]) expect(formatSignedUsd(junk)).toBe("unknown");
  });
});
