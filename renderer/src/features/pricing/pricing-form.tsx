import type { TariffInForce } from "../../../../common/pricing-preview-schemas";
import type { PricingDraft, DraftErrors } from "./draft";
import { CheckField, TextArea, TextField } from "./fields";
import { QuietWindowsEditor } from "./quiet-windows-editor";
import { TariffInForceNote } from "./tariff-in-force";

// Every control of the bid engine the owner sets: status, prices, strategy, cost floor, schedule,
// tenants and limits. Controlled by the page's draft; validation lives in draft.ts.

const STORAGE_LABELS: Record<string, string> = {
  ephemeral: "Scratch disk (ephemeral)",
  beta1: "Persistent HDD (beta1)",
  beta2: "Persistent SSD (beta2)",
  beta3: "Persistent NVMe (beta3)",
  ram: "RAM disk (ram)",
};

interface Props {
  draft: PricingDraft;
  errors: DraftErrors;
  onChange: (next: PricingDraft) => void;
  /** The tariff the floor uses now (the engine's preview); null until it answers. */
  tariff?: TariffInForce | null;
  /** Opens the Earnings page, where the electricity tariff is set. */
  onOpenTariff?: () => void;
}

export function PricingForm({ draft, errors, onChange, tariff = null, onOpenTariff }: Props) {
  const set = <K extends keyof PricingDraft>(key: K, value: PricingDraft[K]) => onChange({ ...draft, [key]: value });
  const models = Object.keys(draft.gpu).sort((a, b) => (a === "*" ? 1 : b === "*" ? -1 : a.localeCompare(b)));
  return (
    <form className="pf-form" onSubmit={(event) => event.preventDefault()} noValidate>
      <fieldset className="pf-section">
        <legend>Bidding</legend>
        <CheckField id="pf-paused" label="Pause bidding" checked={draft.paused} onChange={(v) => set("paused", v)} help="No new bids while paused; running leases keep running." />
        <CheckField
          id="pf-gaming"
          label="Gaming mode: no new bids while I play"
          checked={draft.pauseWhileGaming}
          onChange={(v) => set("pauseWhileGaming", v)}
          help="When the app sees you gaming on this PC, the engine stops bidding until you stop."
        />
        <TextField
          id="pf-max-bids"
          label="Most open bids at once"
          inputMode="numeric"
          value={draft.maxConcurrentBids}
          onChange={(v) => set("maxConcurrentBids", v)}
          error={errors.maxConcurrentBids}
          help="Each open bid locks a deposit (0.5 AKT by default) until it is won, lost or closed."
        />
      </fieldset>

      <fieldset className="pf-section">
        <legend>Prices (US dollars per hour)</legend>
        <div className="pf-grid">
          {models.map((model) => (
            <TextField
              key={model}
              id={`pf-gpu-${model === "*" ? "other" : model}`}
              label={model === "*" ? "Any other GPU model, per GPU" : `GPU ${model}, per GPU`}
              unit="USD/h"
              value={draft.gpu[model] ?? ""}
              onChange={(v) => set("gpu", { ...draft.gpu, [model]: v })}
              error={errors[`gpu.${model}`]}
            />
          ))}
          <TextField id="pf-cpu" label="CPU, per thread" unit="USD/h" value={draft.cpuThread} onChange={(v) => set("cpuThread", v)} error={errors.cpuThread} />
          <TextField id="pf-memory" label="Memory, per GiB" unit="USD/h" value={draft.memoryGiB} onChange={(v) => set("memoryGiB", v)} error={errors.memoryGiB} />
          {Object.keys(draft.storageGiB).map((cls) => (
            <TextField
              key={cls}
              id={`pf-storage-${cls}`}
              label={`${STORAGE_LABELS[cls] ?? `Storage ${cls}`}, per GiB`}
              unit="USD/h"
              value={draft.storageGiB[cls] ?? ""}
              onChange={(v) => set("storageGiB", { ...draft.storageGiB, [cls]: v })}
              error={errors[`storage.${cls}`]}
            />
          ))}
          <TextField id="pf-endpoint" label="Endpoint (port), each" unit="USD/h" value={draft.endpoint} onChange={(v) => set("endpoint", v)} error={errors.endpoint} />
          <TextField id="pf-leased-ip" label="Leased IP, each" unit="USD/h" value={draft.leasedIp} onChange={(v) => set("leasedIp", v)} error={errors.leasedIp} />
        </div>
      </fieldset>

      <fieldset className="pf-section">
        <legend>Strategy</legend>
        <div className="pf-radios" role="radiogroup" aria-label="Pricing strategy">
          <label className="pf-radio">
            <input type="radio" name="pf-strategy" checked={draft.strategy === "fixed"} onChange={() => set("strategy", "fixed")} />
            Fixed: my prices above
          </label>
          <label className="pf-radio">
            <input type="radio" name="pf-strategy" checked={draft.strategy === "market"} onChange={() => set("strategy", "market")} />
            Market: GPUs at a percentile of active leases for the same model
          </label>
        </div>
        {draft.strategy === "market" ? (
          <div className="pf-grid">
            <TextField id="pf-percentile" label="Market percentile" inputMode="numeric" unit="th" value={draft.marketPercentile} onChange={(v) => set("marketPercentile", v)} error={errors.marketPercentile} />
            <TextField
              id="pf-adjust"
              label="Adjust the market price by"
              unit="%"
              value={draft.marketAdjustPercent}
              onChange={(v) => set("marketAdjustPercent", v)}
              error={errors.marketAdjustPercent}
              help="Negative undercuts the market, e.g. -5."
            />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="pf-section">
        <legend>Cost floor</legend>
        <p className="help">The engine never bids below what the electricity for the resources costs × (1 + margin), plus GPU wear, whatever the strategy.</p>
        <TariffInForceNote tariff={tariff} onOpenTariff={onOpenTariff} />
        <div className="pf-grid">
          <TextField
            id="pf-tariff"
            label="Fallback electricity tariff"
            unit="USD/kWh"
            value={draft.tariffUsdPerKwh}
            onChange={(v) => set("tariffUsdPerKwh", v)}
            error={errors.tariffUsdPerKwh}
            help="Used only while no tariff is set on the Earnings page (or it has no exchange rate to US dollars)."
          />
          <TextField id="pf-margin" label="Margin over the electricity cost" unit="%" value={draft.marginPercent} onChange={(v) => set("marginPercent", v)} error={errors.marginPercent} />
          <TextField
            id="pf-wear"
            label="GPU wear, per GPU"
            unit="USD/h"
            value={draft.depreciationUsdPerGpuHour}
            onChange={(v) => set("depreciationUsdPerGpuHour", v)}
            error={errors.depreciationUsdPerGpuHour}
          />
          <TextField
            id="pf-min-lease"
            label="Minimum lease price"
            unit="USD/h"
            value={draft.minLeaseUsdPerHour}
            onChange={(v) => set("minLeaseUsdPerHour", v)}
            error={errors.minLeaseUsdPerHour}
            help="Orders that pay less than this in total are declined."
          />
        </div>
      </fieldset>

      <fieldset className="pf-section">
        <legend>Availability schedule (your local time)</legend>
        <QuietWindowsEditor windows={draft.quietWindows} errors={errors} onChange={(w) => set("quietWindows", w)} />
      </fieldset>

      <fieldset className="pf-section">
        <legend>Tenants</legend>
        <div className="pf-grid">
          <TextArea
            id="pf-allow"
            label="Only these tenants (allow list)"
            value={draft.allowTenants}
            onChange={(v) => set("allowTenants", v)}
            error={errors.allowTenants}
            help="One akash1… address per line. Empty: every tenant."
          />
          <TextArea id="pf-deny" label="Never these tenants (deny list)" value={draft.denyTenants} onChange={(v) => set("denyTenants", v)} error={errors.denyTenants} help="One akash1… address per line." />
        </div>
      </fieldset>
    </form>
  );
}
