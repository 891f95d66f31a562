import type { Tariff, TariffBand } from "../../common/hardware-schemas";
import { tariffAt, usdRateOf } from "../hardware/tariff";
import { ATTO, formatShort, parseDec18 } from "./decimal";

// The one electricity tariff: the cost floor prices energy at the owner's hardware tariff (the one the
// Earnings page sets and electricity costs are booked with), converted to USD at the owner's rate.
// Where that cannot be done (no tariff, or a non-USD one without a rate) the floor falls back to the
// Pricing page's `cost.tariffUsdPerKwh` and says why. Pure: the clock and the tariff come in.

/** What the owner's tariff gives for one instant: USD per kWh, or why it cannot be used. */
export type ElectricityRate = { ok: true; attoUsdPerKwh: bigint; text: string } | { ok: false; why: string };

/** The injected port: the hardware tariff's price in force at `now` (read fresh at each call). */
export type ElectricityRatePort = (now: Date) => ElectricityRate;

/** The tariff the floor used, as decisions and the preview name it. */
export interface TariffInUse {
  source: "tariff" | "fallback";
  attoUsdPerKwh: bigint;
  /** "your EUR time-of-use tariff, band Mon–Fri 17:00–21:00: 0.42 EUR × 1.08 = $0.4536/kWh". */
  text: string;
  /** Why the fallback is in force; null when the owner's tariff is. */
  fallbackReason: string | null;
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "$0.4536/kWh": up to 6 decimals, at least 2 (display only; the floor uses the exact value). */
export function usdPerKwhText(atto: bigint): string {
  const short = formatShort(atto, 6);
  const [whole, frac = ""] = short.split(".");
  return `$${whole}.${frac.padEnd(2, "0")}/kWh`;
}

/** [1,2,3,4,5] → "Mon–Fri", [0,6] → "Sun, Sat", [1,3] → "Mon, Wed". */
function daysText(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = DAY_NAMES[sorted[i]!]!;
    runs.push(j - i >= 2 ? `${first}–${DAY_NAMES[sorted[j]!]}` : sorted.slice(i, j + 1).map((d) => DAY_NAMES[d]).join(", "));
    i = j + 1;
  }
  return runs.join(", ");
}

function bandText(band: TariffBand): string {
  const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;
  return `${daysText(band.days)} ${hh(band.fromHour)}–${hh(band.toHour)}`;
}

/** The owner's tariff at `now` in USD per kWh; never throws (a tariff it cannot read is a reason). */
export function rateFromTariff(tariff: Tariff | null, now: Date): ElectricityRate {
  if (tariff === null) return { ok: false, why: "no electricity tariff is set on the Earnings page" };
  try {
    const at = tariffAt(tariff, now.getTime());
    const price = parseDec18(at.pricePerKwh, "tariff price");
    const kind = tariff.kind === "flat" ? "flat" : "time-of-use";
    const where = tariff.kind === "flat" ? "" : at.band ? `, band ${bandText(at.band.band)}` : ", outside its bands";
    const name = `your ${tariff.currency} ${kind} tariff${where}`;
    // USD needs no rate (1 USD = 1 USD), whatever a stored tariff says.
    if (tariff.currency === "USD") return { ok: true, attoUsdPerKwh: price, text: `${name}: ${usdPerKwhText(price)}` };
    const rate = usdRateOf(tariff);
    if (rate === null) return { ok: false, why: `your ${tariff.currency} tariff has no exchange rate to US dollars: set it on the Earnings page` };
    // price ≤ 6 decimals × rate ≤ 12 decimals: exact in atto units.
    const usd = (price * parseDec18(rate, "usdPerUnit")) / ATTO;
    return { ok: true, attoUsdPerKwh: usd, text: `${name}: ${at.pricePerKwh} ${tariff.currency} × ${rate} = ${usdPerKwhText(usd)}` };
  } catch (error) {
    return { ok: false, why: `your electricity tariff cannot be read (${(error as Error).message})` };
  }
}

/** The tariff the floor uses at `now`: the owner's, else the Pricing page's fallback with the reason. */
export function tariffInUse(fallbackUsdPerKwh: string, rate: ElectricityRatePort | undefined, now: Date): TariffInUse {
  let answer: ElectricityRate | undefined;
  try {
    answer = rate?.(now);
  } catch (error) {
    // The port reads the hardware settings: a failure there must not stop the engine deciding.
    answer = { ok: false, why: `the electricity tariff could not be read (${(error as Error).message})` };
  }
  if (answer?.ok) return { source: "tariff", attoUsdPerKwh: answer.attoUsdPerKwh, text: answer.text, fallbackReason: null };
  const attoUsdPerKwh = parseDec18(fallbackUsdPerKwh, "cost.tariffUsdPerKwh");
  const fallbackReason = answer ? answer.why : null;
  const text = `the Pricing page's fallback ${usdPerKwhText(attoUsdPerKwh)}${fallbackReason ? ` (${fallbackReason})` : ""}`;
  return { source: "fallback", attoUsdPerKwh, text, fallbackReason };
}
