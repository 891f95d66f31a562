import { describe, expect, it } from "vitest";
import { binSize } from "../../../renderer/src/features/earnings/earnings-chart";
import { periodQuery, todayQuery, token, usd } from "../../../renderer/src/features/earnings/format-money";

describe("earnings display formatting", () => {
  it("formats µUSD and base units without float drift", () => {
    expect(usd("1575000")).toBe("$1.58");
    expect(usd("-440000")).toBe("−$0.44");
    expect(usd("1234567890123")).toBe("$1,234,567.89");
    expect(usd("500", 4)).toBe("$0.0005");
    expect(usd("-1")).toBe("$0.00");
    expect(token("1550000", "ACT", 6)).toBe("1.550000 ACT");
    // Rounded half up at the last shown digit, in bigint (a float would lose the low digits here).
    expect(token("999999999999999999999", "AKT")).toBe("1,000,000,000,000,000.00 AKT");
    expect(token("123456789012345678901", "AKT", 6)).toBe("123,456,789,012,345.678901 AKT");
  });

  it("builds period and today queries the contract accepts", () => {
    const now = new Date("2026-11-21T22:10:00Z");
    expect(todayQuery(now)).toEqual({ from: "2026-11-21T00:00:00.000Z", to: "2026-11-22T00:00:00.000Z", granularity: "day" });
    const year = periodQuery("year-hourly", now);
    expect(year.granularity).toBe("hour");
    expect(Date.parse(year.to) - Date.parse(year.from)).toBe(365 * 86_400_000);
  });

  it("bins a year of hours into at most 400 bars", () => {
    expect(binSize(30)).toBe(1);
    expect(binSize(400)).toBe(1);
    expect(Math.ceil(8760 / binSize(8760))).toBeLessThanOrEqual(400);
  });
});
