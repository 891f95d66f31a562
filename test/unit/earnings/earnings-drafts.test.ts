import { describe, expect, it } from "vitest";
import { EarningsSettings } from "../../../common/earnings-schemas";
import { TariffInput, type Tariff } from "../../../common/hardware-schemas";
import { fromTariffDraft, toTariffDraft } from "../../../renderer/src/features/earnings/tariff-draft";
import { blocksAsTime, fromWithdrawDraft, toWithdrawDraft } from "../../../renderer/src/features/earnings/withdraw-draft";

// The Earnings page's two forms validate what the owner types before anything is sent: what they
// accept the contract accepts, what they refuse comes back as a message on the field.

const DEFAULTS = { withdrawEveryHours: 12, dryWithinBlocks: 600, maxLeasesPerTx: 10, autoWithdraw: true };

describe("withdrawals draft", () => {
  it("round-trips the saved settings and refuses out-of-range or garbage values per field", () => {
    expect(fromWithdrawDraft(toWithdrawDraft(DEFAULTS))).toEqual({ ok: true, settings: DEFAULTS });
    const ok = fromWithdrawDraft({ autoWithdraw: false, withdrawEveryHours: " 1.5 ", dryWithinBlocks: "100000", maxLeasesPerTx: "50" });
    expect(ok).toEqual({ ok: true, settings: { autoWithdraw: false, withdrawEveryHours: 1.5, dryWithinBlocks: 100_000, maxLeasesPerTx: 50 } });
    const bad = fromWithdrawDraft({ autoWithdraw: true, withdrawEveryHours: "0", dryWithinBlocks: "ten", maxLeasesPerTx: "51" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.withdrawEveryHours).toMatch(/hours from 1 to 168/);
    expect(bad.errors.dryWithinBlocks).toMatch(/whole number of blocks/);
    expect(bad.errors.maxLeasesPerTx).toMatch(/from 1 to 50/);
    expect(fromWithdrawDraft({ ...toWithdrawDraft(DEFAULTS), withdrawEveryHours: "169" }).ok).toBe(false);
    expect(fromWithdrawDraft({ ...toWithdrawDraft(DEFAULTS), dryWithinBlocks: "1.5" }).ok).toBe(false);
  });

  it("fuzz: whatever the draft accepts, the contract's schema accepts too", () => {
    const alphabet = "0123456789.-e x";
    const text = () => Array.from({ length: Math.floor(Math.random() * 7) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
    for (let n = 0; n < 3000; n++) {
      const r = fromWithdrawDraft({ autoWithdraw: Math.random() < 0.5, withdrawEveryHours: text(), dryWithinBlocks: text(), maxLeasesPerTx: text() });
      if (r.ok) expect(EarningsSettings.safeParse(r.settings).success).toBe(true);
      else expect(Object.values(r.errors).every((m) => typeof m === "string" && m.length > 10)).toBe(true);
    }
  });

  it("shows blocks as time at the chain's block time", () => {
    expect(blocksAsTime("600", 6_000)).toBe("≈ 60 min");
    expect(blocksAsTime("5", 6_000)).toBe("≈ 30 s");
    expect(blocksAsTime("3000", 6_000)).toBe("≈ 5.0 h");
    expect(blocksAsTime("100000", 6_000)).toBe("≈ 167 h");
    expect(blocksAsTime("x", 6_000)).toBeNull();
  });
});

describe("tariff draft", () => {
  const EUR: Tariff = { kind: "flat", currency: "EUR", usdPerUnit: "1.08", timeZone: "Europe/Berlin", pricePerKwh: "0.3120" };

  it("a non-USD currency needs the exchange rate; USD needs none", () => {
    expect(fromTariffDraft(EUR, toTariffDraft(EUR, "UTC"))).toEqual({ ok: true, tariff: EUR });
    const noRate = fromTariffDraft(null, { currency: "eur", pricePerKwh: "0.31", timeZone: "Europe/Berlin", usdPerUnit: "" });
    expect(noRate.ok || noRate.errors.usdPerUnit).toMatch(/how many US dollars 1 EUR is worth/);
    for (const rate of ["0", "-1", "1,08", "abc", "0.0000"]) {
      const r = fromTariffDraft(null, { currency: "EUR", pricePerKwh: "0.31", timeZone: "Europe/Berlin", usdPerUnit: rate });
      expect(r.ok, rate).toBe(false);
    }
    const usd = fromTariffDraft(EUR, { currency: "USD", pricePerKwh: "0.17", timeZone: "America/New_York", usdPerUnit: "1.08" });
    // Switching to USD drops the rate rather than sending one the app would refuse.
    expect(usd).toEqual({ ok: true, tariff: { kind: "flat", currency: "USD", timeZone: "America/New_York", pricePerKwh: "0.17" } });
    const bad = fromTariffDraft(null, { currency: "EURO", pricePerKwh: "-0.3", timeZone: "Mars/Olympus", usdPerUnit: "" });
    expect(bad.ok ? {} : Object.keys(bad.errors).sort()).toEqual(["currency", "pricePerKwh", "timeZone"]);
  });

  it("keeps a time-of-use tariff's bands and edits its default price", () => {
    const tou: Tariff = { kind: "time_of_use", currency: "GBP", timeZone: "Europe/London", defaultPricePerKwh: "0.24", bands: [{ days: [1, 2], fromHour: 0, toHour: 7, pricePerKwh: "0.09" }] };
    const draft = toTariffDraft(tou, "UTC");
    expect(draft).toEqual({ currency: "GBP", pricePerKwh: "0.24", timeZone: "Europe/London", usdPerUnit: "" });
    const r = fromTariffDraft(tou, { ...draft, pricePerKwh: "0.26", usdPerUnit: "1.27" });
    expect(r).toEqual({ ok: true, tariff: { ...tou, defaultPricePerKwh: "0.26", usdPerUnit: "1.27" } });
  });

  it("fuzz: whatever the draft accepts, the contract's TariffInput accepts too", () => {
    const alphabet = "0123456789.-, EURSDabc";
    const text = (max: number) => Array.from({ length: Math.floor(Math.random() * max) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
    for (let n = 0; n < 2000; n++) {
      const r = fromTariffDraft(null, { currency: Math.random() < 0.5 ? "EUR" : text(4), pricePerKwh: text(6), timeZone: Math.random() < 0.8 ? "Europe/Berlin" : text(8), usdPerUnit: text(8) });
      if (r.ok) expect(TariffInput.safeParse(r.tariff).success, JSON.stringify(r.tariff)).toBe(true);
      else expect(Object.values(r.errors).every((m) => typeof m === "string" && m.length > 10)).toBe(true);
    }
  });
});
