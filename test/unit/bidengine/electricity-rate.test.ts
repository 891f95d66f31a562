import { describe, expect, it } from "vitest";
import { Tariff } from "../../../common/hardware-schemas";
import { ATTO, formatDec18, parseDec18 } from "../../../main/bidengine/decimal";
import { decide } from "../../../main/bidengine/decide";
import { rateFromTariff, tariffInUse, usdPerKwhText, type ElectricityRatePort } from "../../../main/bidengine/electricity-rate";
import { weekPrices } from "../../../main/hardware/energy-query";
import { priceToMicros, tariffAt } from "../../../main/hardware/tariff";
import { context, gpuOrder } from "./helpers";

// One tariff: the cost floor prices electricity at the owner's hardware tariff in force now (its band
// in its own time zone, × the owner's exchange rate), else at the Pricing page's fallback, and says which.

const flatUsd = Tariff.parse({ kind: "flat", currency: "USD", timeZone: "UTC", pricePerKwh: "0.17" });
const berlin = (usdPerUnit?: string) =>
  Tariff.parse({
    kind: "time_of_use",
    currency: "EUR",
    ...(usdPerUnit === undefined ? {} : { usdPerUnit }),
    timeZone: "Europe/Berlin",
    defaultPricePerKwh: "0.25",
    bands: [{ days: [1, 2, 3, 4, 5], fromHour: 17, toHour: 21, pricePerKwh: "0.42" }],
  });
const port =
  (tariff: Tariff | null): ElectricityRatePort =>
  (now) =>
    rateFromTariff(tariff, now);
const at = (iso: string) => new Date(iso);
/** The default gpuOrder's floor (atto-uact per block) under a context. */
const floorOf = (ctx: ReturnType<typeof context>) => decide(gpuOrder(), ctx).quote!.floor;

describe("the electricity price in force, in USD per kWh", () => {
  it("a flat USD tariff is its price, whatever the hour", () => {
    for (const iso of ["2026-11-18T03:00:00Z", "2026-11-21T18:30:00Z"]) {
      expect(rateFromTariff(flatUsd, at(iso))).toEqual({ ok: true, attoUsdPerKwh: parseDec18("0.17"), text: "your USD flat tariff: $0.17/kWh" });
    }
  });

  it("time of use switches band exactly at the boundary, in the tariff's own time zone (CET and CEST)", () => {
    const t = berlin("1.08");
    // Wednesday 18 Nov 2026, Berlin is UTC+1: 16:59:59 local is still the default price, 17:00 the band.
    expect(rateFromTariff(t, at("2026-11-18T15:59:59Z"))).toMatchObject({ ok: true, attoUsdPerKwh: parseDec18("0.27") });
    expect(rateFromTariff(t, at("2026-11-18T16:00:00Z"))).toEqual({
      ok: true,
      attoUsdPerKwh: parseDec18("0.4536"),
      text: "your EUR time-of-use tariff, band Mon–Fri 17:00–21:00: 0.42 EUR × 1.08 = $0.4536/kWh",
    });
    expect(rateFromTariff(t, at("2026-11-18T19:59:59Z"))).toMatchObject({ attoUsdPerKwh: parseDec18("0.4536") });
    expect(rateFromTariff(t, at("2026-11-18T20:00:00Z"))).toMatchObject({ attoUsdPerKwh: parseDec18("0.27"), text: expect.stringContaining("outside its bands: 0.25 EUR × 1.08") });
    // Summer time (UTC+2): the band starts an hour earlier in UTC.
    expect(rateFromTariff(t, at("2026-07-15T14:59:59Z"))).toMatchObject({ attoUsdPerKwh: parseDec18("0.27") });
    expect(rateFromTariff(t, at("2026-07-15T15:00:00Z"))).toMatchObject({ attoUsdPerKwh: parseDec18("0.4536") });
    // Saturday evening: no band on weekends.
    expect(rateFromTariff(t, at("2026-11-21T17:30:00Z"))).toMatchObject({ attoUsdPerKwh: parseDec18("0.27") });
  });

  it("converts a non-USD price with the owner's rate exactly (6 + 12 decimals fit in atto units)", () => {
    const t = Tariff.parse({ kind: "flat", currency: "GBP", usdPerUnit: "1.271234567891", timeZone: "Europe/London", pricePerKwh: "0.245678" });
    const rate = rateFromTariff(t, at("2026-11-18T12:00:00Z"));
    expect(rate).toMatchObject({ ok: true, attoUsdPerKwh: 312_314_366_170_325_098n });
    expect(formatDec18(rate.ok ? rate.attoUsdPerKwh : 0n)).toBe("0.312314366170325098");
    expect(rate.ok && rate.text).toBe("your GBP flat tariff: 0.245678 GBP × 1.271234567891 = $0.312314/kWh");
  });

  it("falls back, and says why, without a tariff or without an exchange rate", () => {
    expect(rateFromTariff(null, at("2026-11-18T12:00:00Z"))).toEqual({ ok: false, why: "no electricity tariff is set on the Earnings page" });
    expect(rateFromTariff(berlin(), at("2026-11-18T16:00:00Z"))).toEqual({ ok: false, why: "your EUR tariff has no exchange rate to US dollars: set it on the Earnings page" });
    const none = tariffInUse("0.30", port(null), at("2026-11-18T12:00:00Z"));
    expect(none).toEqual({
      source: "fallback",
      attoUsdPerKwh: parseDec18("0.30"),
      text: "the Pricing page's fallback $0.30/kWh (no electricity tariff is set on the Earnings page)",
      fallbackReason: "no electricity tariff is set on the Earnings page",
    });
    expect(tariffInUse("0.30", port(berlin()), at("2026-11-18T16:00:00Z"))).toMatchObject({ source: "fallback", attoUsdPerKwh: parseDec18("0.30"), fallbackReason: expect.stringContaining("no exchange rate") });
    // Without a port at all (the CLI with --config, tests) the fallback is simply the fallback.
    expect(tariffInUse("0.125", undefined, at("2026-11-18T12:00:00Z"))).toEqual({ source: "fallback", attoUsdPerKwh: parseDec18("0.125"), text: "the Pricing page's fallback $0.125/kWh", fallbackReason: null });
    // A port that fails (the hardware settings unreadable) is a fallback too, never a thrown decision.
    const broken: ElectricityRatePort = () => {
      throw new Error("database is closed");
    };
    expect(tariffInUse("0.30", broken, at("2026-11-18T12:00:00Z"))).toMatchObject({ source: "fallback", fallbackReason: expect.stringContaining("database is closed") });
  });

  it("a USD tariff needs no rate, whatever a stored one says", () => {
    const t = Tariff.parse({ kind: "flat", currency: "USD", usdPerUnit: "2", timeZone: "UTC", pricePerKwh: "0.10" });
    expect(rateFromTariff(t, at("2026-11-18T12:00:00Z"))).toMatchObject({ ok: true, attoUsdPerKwh: parseDec18("0.10"), text: "your USD flat tariff: $0.10/kWh" });
  });

  it("agrees with the energy report's week of prices at every hour (one rule for which band)", () => {
    const t = Tariff.parse({
      kind: "time_of_use",
      currency: "USD",
      timeZone: "America/New_York",
      defaultPricePerKwh: "0.11",
      bands: [
        { days: [1, 2, 3, 4, 5], fromHour: 7, toHour: 22, pricePerKwh: "0.2" },
        { days: [5, 6], fromHour: 18, toHour: 24, pricePerKwh: "0.33" },
        { days: [0], fromHour: 0, toHour: 6, pricePerKwh: "0.05" },
      ],
    });
    const week = weekPrices(t);
    const start = Date.parse("2026-11-15T05:00:00Z"); // Sunday 00:00 in New York (UTC-5)
    for (let h = 0; h < 168; h++) {
      const price = tariffAt(t, start + h * 3_600_000 + 1_800_000);
      expect(price.localHourOfWeek).toBe(h);
      expect(priceToMicros(price.pricePerKwh), `hour ${h}`).toBe(week[h]);
    }
  });

  it("fuzz: any valid tariff at any instant gives a rate or a reason, never a throw", () => {
    const zones = ["UTC", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham"];
    const price = () => `${Math.floor(Math.random() * 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
    for (let n = 0; n < 400; n++) {
      const from = Math.floor(Math.random() * 23);
      const currency = Math.random() < 0.3 ? "USD" : "EUR";
      const raw = {
        kind: "time_of_use",
        currency,
        ...(currency !== "USD" && Math.random() < 0.7 ? { usdPerUnit: `${Math.floor(Math.random() * 100)}.${Math.floor(Math.random() * 1e12) + 1}` } : {}),
        timeZone: zones[n % zones.length],
        defaultPricePerKwh: price(),
        bands: [{ days: [Math.floor(Math.random() * 7)], fromHour: from, toHour: from + 1 + Math.floor(Math.random() * (24 - from)), pricePerKwh: price() }],
      };
      const t = Tariff.parse(raw);
      const when = new Date(Date.parse("2020-01-01T00:00:00Z") + Math.floor(Math.random() * 20 * 365 * 86_400_000));
      const rate = rateFromTariff(t, when);
      if (rate.ok) expect(rate.attoUsdPerKwh >= 0n && rate.text.includes("$")).toBe(true);
      else expect(rate.why).toMatch(/exchange rate/);
    }
  });

  it("formats USD per kWh with at least two decimals", () => {
    expect([parseDec18("0.3"), parseDec18("0.4536"), parseDec18("1"), 312_314_366_170_325_098n, 0n].map(usdPerKwhText)).toEqual(["$0.30/kWh", "$0.4536/kWh", "$1.00/kWh", "$0.312314/kWh", "$0.00/kWh"]);
  });
});

describe("the cost floor uses the tariff in force", () => {
  it("prices the floor at the hardware tariff, exactly as if that price were typed as the fallback", () => {
    const now = at("2026-11-18T16:30:00Z"); // Wednesday 17:30 in Berlin: the 0.42 EUR band
    const withTariff = context({}, { now, electricityRate: port(berlin("1.08")) });
    const typed = context({ cost: { tariffUsdPerKwh: "0.4536" } }, { now });
    expect(withTariff.tariff).toMatchObject({ source: "tariff", attoUsdPerKwh: parseDec18("0.4536") });
    expect(floorOf(withTariff)).toBe(floorOf(typed));
    // (350 W + 12 W) × $0.4536/kWh × 1.2 + $0.02 = $0.21704384/h → 361.7397333… uact per 6 s block (rounded up).
    expect(formatDec18(floorOf(withTariff))).toBe("361.739733333333333334");
    // The Pricing page's own number no longer matters while the tariff is usable.
    expect(floorOf(context({ cost: { tariffUsdPerKwh: "9" } }, { now, electricityRate: port(berlin("1.08")) }))).toBe(floorOf(withTariff));
  });

  it("moves the floor when the band changes, and falls back without a rate or a tariff", () => {
    const before = context({}, { now: at("2026-11-18T15:59:59Z"), electricityRate: port(berlin("1.08")) });
    const during = context({}, { now: at("2026-11-18T16:00:00Z"), electricityRate: port(berlin("1.08")) });
    expect(floorOf(during)).toBeGreaterThan(floorOf(before));
    expect(floorOf(before)).toBe(floorOf(context({ cost: { tariffUsdPerKwh: "0.27" } })));
    const noRate = context({}, { now: at("2026-11-18T16:00:00Z"), electricityRate: port(berlin()) });
    const noTariff = context({}, { electricityRate: port(null) });
    const plain = context();
    expect(noRate.tariff.source).toBe("fallback");
    expect(floorOf(noRate)).toBe(floorOf(plain));
    expect(floorOf(noTariff)).toBe(floorOf(plain));
    expect(noTariff.prices.tariffAttoUsdPerKwh).toBe(3n * ATTO / 10n);
  });

  it("names the tariff in the decision record: on a bid, and in a floor decline's message", () => {
    const now = at("2026-11-18T16:30:00Z");
    const ctx = context({}, { now, electricityRate: port(berlin("1.08")) });
    const bid = decide(gpuOrder(), ctx);
    expect(bid.outcome).toBe("bid");
    expect(bid.details.tariff).toBe("your EUR time-of-use tariff, band Mon–Fri 17:00–21:00: 0.42 EUR × 1.08 = $0.4536/kWh");
    const declined = decide(gpuOrder({ price: "100" }), ctx);
    expect(declined).toMatchObject({ reason: "max_price_below_floor", details: { tariffUsdPerKwh: "0.4536" }, fix: { hint: expect.stringContaining("Earnings page") } });
    expect(declined.message).toBe("max price 100 uact/block is below your floor 361.7397 (electricity at your EUR time-of-use tariff, band Mon–Fri 17:00–21:00: 0.42 EUR × 1.08 = $0.4536/kWh)");
    const fallback = decide(gpuOrder({ price: "100" }), context({}, { electricityRate: port(berlin()) }));
    expect(fallback.message).toContain("electricity at the Pricing page's fallback $0.30/kWh (your EUR tariff has no exchange rate to US dollars: set it on the Earnings page)");
  });
});
