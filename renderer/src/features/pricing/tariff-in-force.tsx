import type { TariffInForce } from "../../../../common/pricing-preview-schemas";

// Beside the cost floor's fallback tariff field: which tariff the floor uses now. The electricity
// tariff lives on the Earnings page (one tariff for earnings and the floor); this field is used only
// when that one is missing or cannot be turned into USD, and the note says so.

interface Props {
  /** From the engine's own preview; null until the first preview answers. */
  tariff: TariffInForce | null;
  /** Goes to the Earnings page's tariff form. */
  onOpenTariff?: () => void;
}

export function TariffInForceNote({ tariff, onOpenTariff }: Props) {
  const link = onOpenTariff ? (
    <button type="button" className="button pf-tariff-link" onClick={onOpenTariff}>
      {tariff?.source === "tariff" ? "Edit the tariff on the Earnings page" : "Set your tariff on the Earnings page"}
    </button>
  ) : null;
  return (
    <div className="pf-tariff-note" role="status" aria-live="polite" data-testid="tariff-in-force">
      {tariff === null ? (
        <p className="help">Finding which electricity tariff is in force…</p>
      ) : tariff.source === "tariff" ? (
        <p className="help">
          In force now: {tariff.text}. The fallback below is not used while this tariff is set.
        </p>
      ) : (
        <p className="help">
          In force now: {tariff.text}. The floor follows the tariff on the Earnings page once one is set there (with its exchange rate if it is not in US
          dollars).
        </p>
      )}
      {link}
    </div>
  );
}
