import type { ElectricityConversion } from "../../common/earnings-schemas";
import { usdRateOf } from "../hardware/tariff";
import { DEC_SCALE, formatDec, parseDec } from "./dec";

// Electricity is costed in the tariff's currency; earnings are USD. The owner sets the exchange rate
// (there is no rate feed without internet), and this file turns tariff-currency costs into µUSD with
// it, exactly, on scaled bigints.
//
// A non-USD tariff without a rate (one stored before rates existed) is "not converted": its cost is
// left out of every USD figure and the answer says so, so the UI can warn instead of netting euros as
// if they were dollars. Net then means "before electricity" until the owner sets the rate.

export interface TariffCurrency {
  currency: string;
  usdPerUnit?: string | undefined;
}

/** How electricity in `currency` becomes USD, given the owner's tariff (null: no tariff set). */
export function conversionFor(currency: string | null, tariff: TariffCurrency | null): ElectricityConversion {
  if (currency === null) return { status: "no_tariff", currency: null, usdPerUnit: null };
  if (currency === "USD") return { status: "usd", currency, usdPerUnit: "1" };
  // The rate belongs to the tariff the report was costed with; a rate for another currency is no use.
  const rate = tariff && tariff.currency === currency ? usdRateOf(tariff) : null;
  if (rate === null) return { status: "not_converted", currency, usdPerUnit: null };
  return { status: "converted", currency, usdPerUnit: formatDec(parseDec(rate)) };
}

/** Whether figures under this conversion include electricity at all. */
export function includesElectricity(conversion: ElectricityConversion): boolean {
  return conversion.status !== "not_converted";
}

/**
 * A cost in the tariff's currency ("0.123456") → µUSD, floored. Null cost (no tariff) or a conversion
 * that cannot be made gives 0: the caller reports `not_converted` alongside.
 */
export function costToUsdMicro(cost: string | null, conversion: ElectricityConversion): bigint {
  if (cost === null || conversion.usdPerUnit === null) return 0n;
  // cost × rate, both scaled by 10^18 → USD scaled by 10^18 → µUSD (truncated toward zero).
  return (parseDec(cost) * parseDec(conversion.usdPerUnit)) / DEC_SCALE / 10n ** 12n;
}
