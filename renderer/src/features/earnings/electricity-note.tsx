import type { ElectricityConversion } from "../../../../common/earnings-schemas";

/**
 * Beside electricity figures: the rate they were converted at ("1 EUR = 1.08 USD (set by you)"), or a
 * warning when the tariff's currency has no rate, so the figures are not taken for dollars.
 */
export function ElectricityNote({ conversion }: { conversion: ElectricityConversion }) {
  if (conversion.status === "converted") {
    return (
      <p className="earn-price">
        Electricity converted at 1 {conversion.currency} = {conversion.usdPerUnit} USD (set by you).
      </p>
    );
  }
  if (conversion.status === "not_converted") {
    return (
      <p className="earn-price" role="note">
        <strong className="earn-warn">Electricity not converted:</strong> your tariff is in {conversion.currency} and has no exchange rate to USD, so its cost is left out of
        electricity and net below. Set the rate under “Electricity tariff”.
      </p>
    );
  }
  return null;
}

/** The electricity figure, or "not converted" where a number in USD would be wrong. */
export function electricityText(conversion: ElectricityConversion, text: string): string {
  return conversion.status === "not_converted" ? "not converted" : text;
}
