import type { BreakEven } from "../../../../common/earnings-schemas";
import { ElectricityNote, electricityText } from "./electricity-note";
import { token, usd } from "./format-money";

export function BreakEvenFacts({ value }: { value: BreakEven }) {
  const unconverted = value.electricity.status === "not_converted";
  const aktNote = unconverted
    ? "Needs the tariff's exchange rate to USD."
    : value.electricityUsdMicro === "0"
      ? "No electricity measured this month yet (set a tariff and let the hardware sampler run)."
      : "Below this AKT price, this month's earnings (in AKT) no longer pay its electricity.";
  return (
    <>
      <dl className="earn-facts">
        <div>
          <dt>Break-even AKT price</dt>
          <dd data-testid="break-even-akt">{value.aktUsd && value.electricityUsdMicro !== "0" ? `$${Number(value.aktUsd).toFixed(4)}` : "—"}</dd>
          <dd className="earn-sub">{aktNote}</dd>
        </div>
        <div>
          <dt>Break-even GPU-hour</dt>
          <dd>{value.gpuHourUsd ? `$${Number(value.gpuHourUsd).toFixed(4)}` : "—"}</dd>
          <dd className="earn-sub">
            The machine's electricity this month per GPU-hour ({value.gpuCount} GPU{value.gpuCount === 1 ? "" : "s"}, {value.gpuHours.toFixed(0)} GPU-hours).
          </dd>
        </div>
        <div>
          <dt>This month</dt>
          <dd>
            {token(value.earnedUact, "ACT")} earned, {electricityText(value.electricity, usd(value.electricityUsdMicro))} electricity
          </dd>
        </div>
      </dl>
      <ElectricityNote conversion={value.electricity} />
    </>
  );
}
