import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EnergyQuery } from "../../../common/hardware-schemas";
import { HardwareSettingsPatch, Tariff, TariffInput } from "../../../common/hardware-schemas";
import { EarningsService, EarningsSettingsStore, LedgerRepo } from "../../../main/earnings";
import { parseDec } from "../../../main/earnings/dec";
import { conversionFor, costToUsdMicro, type TariffCurrency } from "../../../main/earnings/electricity-currency";
import { HardwareSettingsRepo } from "../../../main/hardware/hardware-settings-repo";
import { openDatabase, type Db } from "../../../main/store/database";
import { flatEnergy, GPU } from "./devnet-rig";

// Electricity in another currency than USD: the owner's exchange rate on the tariff, validated at the
// edge, applied exactly in every earnings figure, and an old tariff without a rate reported as "not
// converted" instead of being netted as if it were dollars.

const EUR_FLAT = { kind: "flat", currency: "EUR", timeZone: "Europe/Berlin", pricePerKwh: "0.3120" } as const;

describe("conversion", () => {
  it("USD needs no rate; another currency converts at the tariff's own rate, or not at all", () => {
    expect(conversionFor(null, null)).toEqual({ status: "no_tariff", currency: null, usdPerUnit: null });
    expect(conversionFor("USD", null)).toEqual({ status: "usd", currency: "USD", usdPerUnit: "1" });
    expect(conversionFor("EUR", { currency: "EUR", usdPerUnit: "1.0800" })).toEqual({ status: "converted", currency: "EUR", usdPerUnit: "1.08" });
    expect(conversionFor("EUR", { currency: "EUR" })).toEqual({ status: "not_converted", currency: "EUR", usdPerUnit: null });
    // A rate set for another currency says nothing about this one.
    expect(conversionFor("EUR", { currency: "GBP", usdPerUnit: "1.27" }).status).toBe("not_converted");
    expect(conversionFor("EUR", { currency: "EUR", usdPerUnit: "0" }).status).toBe("not_converted");
    expect(conversionFor("EUR", { currency: "EUR", usdPerUnit: "garbage" }).status).toBe("not_converted");
  });

  it("multiplies exactly on scaled integers and truncates to µUSD", () => {
    const eur = conversionFor("EUR", { currency: "EUR", usdPerUnit: "1.08" });
    expect(costToUsdMicro("0.3120", eur)).toBe(336_960n);
    expect(costToUsdMicro("0.000001", eur)).toBe(1n);
    expect(costToUsdMicro("0.000001", conversionFor("JPY", { currency: "JPY", usdPerUnit: "0.0067" }))).toBe(0n);
    expect(costToUsdMicro("1500", conversionFor("JPY", { currency: "JPY", usdPerUnit: "0.0067" }))).toBe(10_050_000n);
    expect(costToUsdMicro(null, eur)).toBe(0n);
    expect(costToUsdMicro("12.5", conversionFor("EUR", { currency: "EUR" }))).toBe(0n);
    expect(costToUsdMicro("12.5", conversionFor("USD", null))).toBe(12_500_000n);
    // Large values stay exact (cost × 10^6 times rate × 10^12 is µUSD × 10^12): no float touches them.
    const big = conversionFor("XAU", { currency: "XAU", usdPerUnit: "987654321.123456789012" });
    expect(costToUsdMicro("999999.999999", big)).toBe((999_999_999_999n * 987_654_321_123_456_789_012n) / 10n ** 12n);
  });

  it("fuzz: random costs and rates give an integer or a clear error, never a float or a crash", () => {
    const pieces = ["0", "1", "9", ".", "-", "e", " ", "08", "1.", ".5", "x", "٣", "\u0000"];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(Math.random() * 8) }, () => pieces[Math.floor(Math.random() * pieces.length)]).join("");
      const conversion = conversionFor("EUR", { currency: "EUR", usdPerUnit: text });
      expect(["converted", "not_converted"]).toContain(conversion.status);
      if (conversion.status === "converted") expect(parseDec(conversion.usdPerUnit!) > 0n).toBe(true);
      try {
        expect(typeof costToUsdMicro(text, conversionFor("EUR", { currency: "EUR", usdPerUnit: "1.08" }))).toBe("bigint");
      } catch (error) {
        expect((error as Error).message).toMatch(/not a decimal number/);
      }
    }
  });
});

describe("tariff exchange rate at the edge", () => {
  it("a non-USD tariff needs a positive rate; a USD tariff needs none", () => {
    const missing = TariffInput.safeParse(EUR_FLAT);
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]).toMatchObject({ path: ["usdPerUnit"] });
    expect(missing.error!.issues[0]!.message).toMatch(/EUR tariff needs its exchange rate.*US dollars/);
    expect(TariffInput.parse({ ...EUR_FLAT, usdPerUnit: "1.08" })).toMatchObject({ usdPerUnit: "1.08" });
    const tou = { kind: "time_of_use", currency: "EUR", timeZone: "UTC", defaultPricePerKwh: "0.3", bands: [] };
    expect(TariffInput.safeParse(tou).success).toBe(false);
    expect(TariffInput.safeParse({ ...tou, usdPerUnit: "1.1" }).success).toBe(true);
    for (const bad of ["0", "0.000", "-1", "1,08", "abc", " 1.08", "1e3", "", "1.", ".5", "1.0000000000001", "1234567890"]) {
      const r = TariffInput.safeParse({ ...EUR_FLAT, usdPerUnit: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error!.issues.some((i) => /exchange rate/.test(i.message)), bad).toBe(true);
    }
    expect(TariffInput.safeParse({ kind: "flat", currency: "USD", timeZone: "UTC", pricePerKwh: "0.2" }).success).toBe(true);
    expect(TariffInput.safeParse({ kind: "flat", currency: "USD", usdPerUnit: "1.00", timeZone: "UTC", pricePerKwh: "0.2" }).success).toBe(true);
    expect(TariffInput.safeParse({ kind: "flat", currency: "USD", usdPerUnit: "1.08", timeZone: "UTC", pricePerKwh: "0.2" }).error!.issues[0]!.message).toMatch(/USD tariff needs no exchange rate/);
    // The settings patch is where the app takes a tariff in: it applies the same rule.
    expect(HardwareSettingsPatch.safeParse({ tariff: EUR_FLAT }).success).toBe(false);
    expect(HardwareSettingsPatch.safeParse({ tariff: { ...EUR_FLAT, usdPerUnit: "1.08" } }).success).toBe(true);
  });

  it("fuzz: random rates give a tariff or a clear error", () => {
    const alphabet = "0123456789.-+e ,abc";
    for (let n = 0; n < 3000; n++) {
      const rate = Array.from({ length: Math.floor(Math.random() * 14) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
      const r = TariffInput.safeParse({ ...EUR_FLAT, usdPerUnit: rate });
      if (r.success) expect(parseDec(r.data.usdPerUnit!) > 0n).toBe(true);
      else expect(r.error.issues.every((i) => i.message.length > 10)).toBe(true);
    }
  });

  it("a tariff stored before rates existed still loads (and reads as not converted)", () => {
    const db = openDatabase(":memory:");
    try {
      const repo = new HardwareSettingsRepo(db, () => new Date("2026-11-21T00:00:00Z"));
      // The repository takes what the edge let through earlier; the stored schema stays lenient.
      repo.update({ tariff: Tariff.parse(EUR_FLAT) });
      const stored = new HardwareSettingsRepo(db, () => new Date()).get().tariff;
      expect(stored).toEqual(EUR_FLAT);
      expect(conversionFor("EUR", stored).status).toBe("not_converted");
    } finally {
      db.close();
    }
  });
});

describe("earnings figures with a EUR tariff", () => {
  let db: Db;
  let tariff: TariffCurrency | null;
  const PROVIDER = "akash1provider";
  const LEASE = "akash1tenant/5/1/1/akash1provider";
  const nowMs = Date.parse("2026-11-11T00:00:00Z");
  const eurEnergy = (q: EnergyQuery) => ({ ...flatEnergy(q), currency: "EUR" });

  const service = () =>
    new EarningsService({
      repo: new LedgerRepo(db),
      settings: new EarningsSettingsStore(db),
      network: () => "local",
      provider: () => PROVIDER,
      pool: () => {
        throw new Error("no chain in this test");
      },
      txs: () => [],
      send: () => Promise.reject(new Error("no chain in this test")),
      energy: eurEnergy,
      tariff: () => tariff,
      leaseGpus: (id) => (id === LEASE ? [{ channel: GPU, startMs: Date.parse("2026-11-10T00:00:00Z"), endMs: Date.parse("2026-11-10T10:00:00Z") }] : []),
      now: () => new Date(nowMs),
    });

  beforeEach(() => {
    db = openDatabase(":memory:");
    const repo = new LedgerRepo(db);
    for (let d = 1; d <= 10; d++) {
      const atMs = Date.parse(`2026-11-${String(d).padStart(2, "0")}T12:00:00Z`);
      repo.insert("local", PROVIDER, { leaseId: LEASE, kind: "accrual", detail: "", height: d * 100, atMs, amount: 1_000_000n, denom: "uact", usdMicro: 1_000_000n, uaktEquiv: 500_000n, priceSource: "test", txHash: "", dedupeKey: `a${d}` });
    }
    repo.upsertLease("local", PROVIDER, { leaseId: LEASE, owner: "akash1tenant", dseq: "5", state: "active", rate: "100", createdHeight: 100, closedHeight: null, balance: "0", withdrawn: "0", escrowFunds: "0", settledAt: 100, seenHeight: 1000, closePaid: "0" });
  });
  afterEach(() => db.close());

  const range = { from: "2026-11-01T00:00:00.000Z", to: "2026-11-11T00:00:00.000Z" };

  it("converts electricity at the owner's rate before netting it against USD earnings", async () => {
    tariff = { currency: "EUR", usdPerUnit: "1.08" };
    const s = await service().summary({ ...range, granularity: "day" });
    expect(s.electricity).toEqual({ status: "converted", currency: "EUR", usdPerUnit: "1.08" });
    // €0.06 an hour × 24 = €1.44 a day = $1.5552.
    expect(s.buckets[0]).toMatchObject({ electricityUsdMicro: "1555200", netUsdMicro: String(1_000_000 - 1_555_200) });
    expect(s.totals.electricityUsdMicro).toBe("15552000");
    expect(s.totals.netUsdMicro).toBe(String(10_000_000 - 15_552_000));
    const [lease] = await service().leases(range);
    // 10 h × €0.05 = €0.50 = $0.54.
    expect(lease).toMatchObject({ electricityUsdMicro: "540000", electricityConverted: true, netUsdMicro: String(10_000_000 - 540_000) });
    const gpus = await service().gpus(range);
    expect(gpus.find((g) => g.gpu === GPU)).toMatchObject({ electricityUsdMicro: String(240 * 54_000), electricityConverted: true });
    const b = await service().breakEven();
    expect(b).toMatchObject({ electricityUsdMicro: "15552000", electricity: { status: "converted" } });
    // $15.552 over 5 AKT earned.
    expect(b.aktUsd).toBe("3.1104");
  });

  it("without a rate: electricity is left out and flagged, never netted as dollars", async () => {
    tariff = { currency: "EUR" };
    const s = await service().summary({ ...range, granularity: "day" });
    expect(s.electricity).toEqual({ status: "not_converted", currency: "EUR", usdPerUnit: null });
    expect(s.totals).toMatchObject({ electricityUsdMicro: "0", netUsdMicro: "10000000" });
    const [lease] = await service().leases(range);
    expect(lease).toMatchObject({ electricityUsdMicro: "0", electricityConverted: false });
    expect((await service().gpus(range)).every((g) => !g.electricityConverted)).toBe(true);
    const b = await service().breakEven();
    expect(b).toMatchObject({ aktUsd: null, gpuHourUsd: null, electricity: { status: "not_converted" } });
  });
});
