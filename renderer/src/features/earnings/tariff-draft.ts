// Types only: zod stays out of the renderer bundle; the app validates the tariff again (TariffInput).
import type { Tariff } from "../../../../common/hardware-schemas";

// The electricity tariff form's draft, as text: currency, price per kWh, time zone and, for a currency
// other than USD, the owner's exchange rate (USD per 1 unit). Pure, unit-tested. A time-of-use tariff
// keeps its bands: this form edits its default price, currency, zone and rate.

export interface TariffDraft {
  currency: string;
  pricePerKwh: string;
  timeZone: string;
  usdPerUnit: string;
}

export type TariffDraftErrors = Partial<Record<keyof TariffDraft, string>>;
export type TariffDraftResult = { ok: true; tariff: Tariff } | { ok: false; errors: TariffDraftErrors };

const PRICE = /^\d{1,6}(\.\d{1,6})?$/;
const RATE = /^\d{1,9}(\.\d{1,12})?$/;

export function toTariffDraft(tariff: Tariff | null, localTimeZone: string): TariffDraft {
  if (!tariff) return { currency: "USD", pricePerKwh: "", timeZone: localTimeZone, usdPerUnit: "" };
  return {
    currency: tariff.currency,
    pricePerKwh: tariff.kind === "flat" ? tariff.pricePerKwh : tariff.defaultPricePerKwh,
    timeZone: tariff.timeZone,
    usdPerUnit: tariff.usdPerUnit ?? "",
  };
}

/** Whether `rate` is a positive decimal the contract accepts ("1.08", "0.0067"). */
export function isRate(rate: string): boolean {
  return RATE.test(rate) && /[1-9]/.test(rate);
}

function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Validates every field; gives the tariff to save (on top of the saved one's bands) or the errors. */
export function fromTariffDraft(saved: Tariff | null, d: TariffDraft): TariffDraftResult {
  const errors: TariffDraftErrors = {};
  const currency = d.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = "Enter a three-letter currency code, e.g. EUR or USD.";
  const price = d.pricePerKwh.trim();
  if (!PRICE.test(price)) errors.pricePerKwh = price.startsWith("-") ? "A price cannot be negative." : "Enter the price per kWh, e.g. 0.31 (up to 6 decimals).";
  const timeZone = d.timeZone.trim();
  if (!isTimeZone(timeZone)) errors.timeZone = "Enter an IANA time zone, e.g. Europe/Berlin.";
  const rate = d.usdPerUnit.trim();
  // USD needs no rate (1 USD = 1 USD); any other currency needs the owner's, since there is no rate feed.
  if (currency !== "USD" && !errors.currency && !isRate(rate)) {
    errors.usdPerUnit = rate === "" ? `Enter how many US dollars 1 ${currency} is worth, e.g. 1.08.` : "Enter a rate above 0, e.g. 1.08 (digits and at most one dot).";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const money = currency === "USD" ? { currency } : { currency, usdPerUnit: rate };
  const tariff: Tariff =
    saved?.kind === "time_of_use"
      ? { kind: "time_of_use", ...money, timeZone, defaultPricePerKwh: price, bands: saved.bands }
      : { kind: "flat", ...money, timeZone, pricePerKwh: price };
  return { ok: true, tariff };
}
