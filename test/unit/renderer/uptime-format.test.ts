import { describe, expect, it } from "vitest";
import { formatBps, formatMinutes, windowCell } from "../../../renderer/src/features/uptime/format-uptime";
import { parseTarget } from "../../../renderer/src/features/uptime/gateway-target-form";

describe("uptime formatting", () => {
  it("shows basis points as an exact percent", () => {
    expect([formatBps(10_000), formatBps(9995), formatBps(9166), formatBps(5), formatBps(0), formatBps(null)]).toEqual(["100.00 %", "99.95 %", "91.66 %", "0.05 %", "0.00 %", "no data"]);
  });

  it("shows durations in minutes, hours and days", () => {
    expect([formatMinutes(0), formatMinutes(45), formatMinutes(60), formatMinutes(135), formatMinutes(1440), formatMinutes(3000)]).toEqual(["0 min", "45 min", "1 h", "2 h 15 min", "1 d", "2 d 2 h"]);
  });

  it("a window cell says what the percent rests on, and 'no data' when nothing was measured", () => {
    expect(windowCell({ id: "chain", upMinutes: 110, downMinutes: 10, unknownMinutes: 0, uptimeBps: 9166 })).toEqual({ main: "91.66 %", sub: "10 min down" });
    expect(windowCell({ id: "app", upMinutes: 120, downMinutes: 0, unknownMinutes: 0, uptimeBps: 10_000 })).toEqual({ main: "100.00 %", sub: "of 2 h" });
    expect(windowCell({ id: "kube", upMinutes: 0, downMinutes: 0, unknownMinutes: 120, uptimeBps: null })).toEqual({ main: "no data", sub: "not applicable" });
  });
});

describe("gateway address input", () => {
  it("reads host:port, a pasted host URI, and bracketed IPv6", () => {
    expect(parseTarget("provider.example.com:8443")).toEqual({ ok: true, target: { host: "provider.example.com", port: 8443, tls: true } });
    expect(parseTarget(" https://provider.example.com:8443/status ")).toEqual({ ok: true, target: { host: "provider.example.com", port: 8443, tls: true } });
    expect(parseTarget("[2001:db8::1]:8443")).toEqual({ ok: true, target: { host: "2001:db8::1", port: 8443, tls: true } });
  });

  it("refuses what is not an address, with a message, never a throw", () => {
    for (const bad of ["", "provider.example.com", ":8443", "host:0", "host:70000", "bad host:8443", "a:b:c", "[zz]:1", "host:-1", "\u0000:1", "x".repeat(300) + ":1"]) {
      const result = parseTarget(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
    }
  });
});
