import { describe, expect, it } from "vitest";
import { EnergyQuery, HardwareSettingsPatch, Tariff } from "../../../common/hardware-schemas";
import { weekPrices } from "../../../main/hardware/energy-query";
import { OffsetTimeline, formatMicros, priceToMicros } from "../../../main/hardware/tariff";

describe("prices and money", () => {
  it("parses decimal prices into exact micro-units and formats them back", () => {
    expect(["0", "0.2875", "1", "12.5", "0.000001", "999999.999999"].map(priceToMicros)).toEqual([0, 287_500, 1_000_000, 12_500_000, 1, 999_999_999_999]);
    expect(() => priceToMicros("0.1234567")).toThrow();
    expect(() => priceToMicros("-1")).toThrow();
    expect([0, 1, 287_500, 2_700_000, 12_345_678, -60_000, 0.4, 0.6].map(formatMicros)).toEqual(["0.00", "0.000001", "0.2875", "2.70", "12.345678", "-0.06", "0.00", "0.000001"]);
    for (let n = 0; n < 2000; n++) {
      const micros = Math.floor(Math.random() * 1e12);
      expect(priceToMicros(formatMicros(micros))).toBe(micros);
    }
  });

  it("a week of prices: later bands win, outside them the default", () => {
    const tou = Tariff.parse({
      kind: "time_of_use",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      defaultPricePerKwh: "0.30",
      bands: [
        { days: [1, 2, 3, 4, 5], fromHour: 7, toHour: 22, pricePerKwh: "0.40" },
        { days: [5], fromHour: 18, toHour: 24, pricePerKwh: "0.20" },
      ],
    });
    const p = weekPrices(tou);
    expect([p[0], p[24 + 6], p[24 + 7], p[24 + 21], p[24 + 22], p[5 * 24 + 17], p[5 * 24 + 18], p[5 * 24 + 23], p[6 * 24 + 12]]).toEqual([
      300_000, 300_000, 400_000, 400_000, 300_000, 400_000, 200_000, 200_000, 300_000,
    ]);
    expect(new Set(weekPrices(Tariff.parse({ kind: "flat", currency: "USD", timeZone: "UTC", pricePerKwh: "0.17" })))).toEqual(new Set([170_000]));
    expect(new Set(weekPrices(null))).toEqual(new Set([0]));
  });

  it("refuses malformed tariffs and queries at the edge", () => {
    const bad = [
      { kind: "flat", currency: "EUR", timeZone: "Europe/Berlin", pricePerKwh: 0.3 },
      { kind: "flat", currency: "euro", timeZone: "Europe/Berlin", pricePerKwh: "0.3" },
      { kind: "flat", currency: "EUR", timeZone: "Atlantis/Capital", pricePerKwh: "0.3" },
      { kind: "time_of_use", currency: "EUR", timeZone: "UTC", defaultPricePerKwh: "0.3", bands: [{ days: [1], fromHour: 20, toHour: 8, pricePerKwh: "0.1" }] },
      { kind: "time_of_use", currency: "EUR", timeZone: "UTC", defaultPricePerKwh: "0.3", bands: [{ days: [7], fromHour: 1, toHour: 8, pricePerKwh: "0.1" }] },
      { kind: "spot", currency: "EUR" },
    ];
    for (const t of bad) expect(Tariff.safeParse(t).success, JSON.stringify(t)).toBe(false);
    expect(HardwareSettingsPatch.safeParse({ samplerIntervalSeconds: 0 }).success).toBe(false);
    expect(HardwareSettingsPatch.safeParse({ reserve: { cpuThreads: -1 } }).success).toBe(false);
    expect(HardwareSettingsPatch.safeParse({ unknown: 1 }).success).toBe(false);
    expect(EnergyQuery.safeParse({ from: "2026-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }).success).toBe(false);
    expect(EnergyQuery.parse({ from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" }).groupBy).toBe("day");
  });
});

describe("UTC offsets over a span", () => {
  const H = 3_600_000;
  it("finds both DST changes of a year, to the hour, in either hemisphere", () => {
    const from = Date.parse("2026-01-01T00:00:00Z");
    const to = Date.parse("2027-01-01T00:00:00Z");
    const berlin = new OffsetTimeline("Europe/Berlin", from, to);
    expect(berlin.segments(from, to).map((s) => [new Date(s.from).toISOString(), s.offset / H])).toEqual([
      ["2026-01-01T00:00:00.000Z", 1],
      ["2026-03-29T01:00:00.000Z", 2],
      ["2026-10-25T01:00:00.000Z", 1],
    ]);
    const sydney = new OffsetTimeline("Australia/Sydney", from, to);
    expect(sydney.segments(from, to).map((s) => s.offset / H)).toEqual([11, 10, 11]);
    expect(sydney.offsetAt(Date.parse("2026-06-01T00:00:00Z"))).toBe(10 * H);
  });

  it("handles half-hour zones and UTC", () => {
    const from = Date.parse("2026-01-01T00:00:00Z");
    expect(new OffsetTimeline("Asia/Kolkata", from, from + 400 * 86_400_000).segments(from, from + 86_400_000)).toEqual([{ from, to: from + 86_400_000, offset: 5.5 * H }]);
    expect(new OffsetTimeline("UTC", from, from + H).offsetAt(from)).toBe(0);
  });
});
