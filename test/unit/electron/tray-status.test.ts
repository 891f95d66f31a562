import { describe, expect, it } from "vitest";
import type { Envelope } from "../../../common/envelope";
import { EventBus } from "../../../main/events";
import { followStatus, microToUsd, setBiddingPaused, setGamingMode, trayStateFromOverview } from "../../../main/electron/status-tray";
import { renderTrayState } from "../../../main/electron/tray";
import { trayIconPixels } from "../../../main/electron/tray-icon";
import { overview, engine, rpc } from "../status/samples";

describe("tray icon tones", () => {
  it("draws the disc red while bidding, amber while paused or gaming, grey while offline; the triangle stays white", () => {
    const centre = (tone: "active" | "idle" | "offline") => [...trayIconPixels(32, tone).subarray((28 * 32 + 16) * 4, (28 * 32 + 16) * 4 + 4)];
    expect(centre("active")).toEqual([0xff, 0x41, 0x4c, 0xff]);
    expect(centre("idle")).toEqual([0xe0, 0x9b, 0x1a, 0xff]);
    expect(centre("offline")).toEqual([0x80, 0x86, 0x8f, 0xff]);
    const apex = (tone: "active" | "offline") => [...trayIconPixels(32, tone).subarray((16 * 32 + 16) * 4, (16 * 32 + 16) * 4 + 4)];
    expect(apex("offline")).toEqual(apex("active"));
  });
});

describe("tray state from the status overview", () => {
  it("maps status, reason, today's net and lease count", () => {
    const o = overview({ engine: engine("bidding", ["a/1/1/1/p"]), todayNetUsdMicro: "-1250000" });
    expect(trayStateFromOverview(o)).toEqual({ status: "bidding", reason: null, todayNetUsd: "-1.250000", activeLeases: 1, paused: false, gamingMode: false });
    expect(trayStateFromOverview({ ...o, activeLeases: null, todayNetUsdMicro: null })).toMatchObject({ activeLeases: 0, todayNetUsd: null });
  });

  it("converts µUSD exactly", () => {
    expect([microToUsd("0"), microToUsd("5"), microToUsd("123456789"), microToUsd("-1"), microToUsd("1.5"), microToUsd("")]).toEqual(["0.000000", "0.000005", "123.456789", "-0.000001", null, null]);
  });

  it("renders icon (only on a tone change), tooltip and menu", () => {
    const images: string[] = [];
    const menus: { id?: string; label?: string; enabled?: boolean }[][] = [];
    let tooltip = "";
    const tray = {
      setToolTip: (t: string) => void (tooltip = t),
      setContextMenu: (m: unknown) => void menus.push(m as never),
      setImage: (i: unknown) => void images.push((i as { tone: string }).tone),
      destroy: () => {},
      isDestroyed: () => false,
      on: () => {},
    };
    const deps = { buildMenu: (t: unknown) => t as never, createImage: (png: Buffer) => ({ tone: png.length > 0 ? "png" : "" }) as never };
    const actions = { openDashboard: () => {}, quit: () => {} };
    const offline = trayStateFromOverview(overview({ rpc: rpc("down") }));
    let tone = renderTrayState(tray, deps, actions, offline, null);
    expect(tone).toBe("offline");
    tone = renderTrayState(tray, deps, actions, offline, tone);
    expect(images).toHaveLength(1);
    expect(tooltip).toContain("Offline: No RPC endpoint answers");
    expect(menus[1]![0]!.label).toMatch(/^Offline: /);
    // Without the engine's actions the pause item is shown disabled, not hidden.
    expect(menus[1]!.find((i) => i.id === "pause")!.enabled).toBe(false);
    renderTrayState(tray, deps, actions, trayStateFromOverview(overview({ engine: engine("bidding") })), tone);
    expect(images).toHaveLength(2);
  });
});

function fakeCore(answers: Record<string, Envelope<unknown>>) {
  const calls: string[] = [];
  const events = new EventBus();
  return {
    calls,
    events,
    call: async (method: string, input: unknown) => {
      calls.push(`${method}:${JSON.stringify(input ?? null)}`);
      return answers[method] ?? { ok: false as const, error: { code: "INTERNAL" as const, message: `no ${method}` } };
    },
  };
}

describe("following the status and acting on the engine", () => {
  it("reads the overview once, then follows status.changed (an earlier event wins over a late read)", async () => {
    const first = overview();
    const core = fakeCore({ "status.overview": { ok: true, value: first } });
    const seen: unknown[] = [];
    const stop = followStatus(core, (o) => seen.push(o));
    await expect.poll(() => seen).toEqual([first]);
    const next = overview({ engine: engine("paused") });
    core.events.emit("status.changed", next);
    expect(seen).toEqual([first, next]);
    stop();
    core.events.emit("status.changed", first);
    expect(seen).toHaveLength(2);
  });

  it("pause uses bidengine.pause, falls back to the saved setting while the engine is not wired, then refreshes", async () => {
    const wired = fakeCore({ "bidengine.pause": { ok: true, value: {} }, "status.overview": { ok: true, value: overview() } });
    await setBiddingPaused(wired, true);
    expect(wired.calls).toEqual(["bidengine.pause:null", 'status.overview:{"refresh":true}']);

    const unwired = fakeCore({ "bidengine.updateSettings": { ok: true, value: {} } });
    await setBiddingPaused(unwired, false);
    expect(unwired.calls).toEqual(["bidengine.resume:null", 'bidengine.updateSettings:{"paused":false}', 'status.overview:{"refresh":true}']);

    const logs: string[] = [];
    const broken = fakeCore({});
    await setGamingMode(broken, true, (l) => logs.push(l));
    expect(broken.calls[0]).toBe('bidengine.setGaming:{"on":true}');
    expect(logs).toEqual(["[tray] could not switch gaming mode: no bidengine.setGaming"]);
  });
});
