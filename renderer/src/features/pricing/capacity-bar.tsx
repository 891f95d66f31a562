import { formatBytes } from "../../format/bytes";
import { barSegments, type ResourceKey, type ResourceSplit } from "./reserve-draft";

// One resource of "What this PC keeps for you": a horizontal stacked bar (kept for you | held by bids
// and leases | free to sell) with the same figures in words beside it, so nothing is told by colour
// alone. The bar is SVG with width attributes: the CSP forbids inline styles, not SVG geometry.

const LABELS: Record<ResourceKey, string> = { cpu: "CPU", memory: "Memory", disk: "Disk", gpu: "GPUs" };

/** An amount in the resource's own unit: threads (millis → "1.5"), GiB, or cards. */
export function formatAmount(key: ResourceKey, amount: number): string {
  if (key === "cpu") {
    const threads = Math.round(amount / 100) / 10;
    return `${threads} thread${threads === 1 ? "" : "s"}`;
  }
  if (key === "gpu") return `${amount} GPU${amount === 1 ? "" : "s"}`;
  return formatBytes(amount);
}

export function CapacityBar({ split, storagePath }: { split: ResourceSplit; storagePath: string }) {
  const seg = barSegments(split);
  const changed = split.free !== split.freeNow;
  const label = LABELS[split.key];
  const of = split.key === "disk" ? ` free on ${storagePath}` : " detected";
  return (
    <div className="rc-resource" data-testid={`capacity-${split.key}`}>
      <div className="rc-resource-head">
        <span className="rc-resource-name">{label}</span>
        <span className="rc-resource-total">
          {formatAmount(split.key, split.detected)}
          {of}
        </span>
      </div>
      <svg className="rc-bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="rc-bar-track" x={0} y={0} width={1000} height={10} />
        {seg.reserved > 0 ? <rect className="rc-seg-reserved" x={0} y={0} width={seg.reserved} height={10} /> : null}
        {seg.held > 0 ? <rect className="rc-seg-held" x={seg.reserved} y={0} width={seg.held} height={10} /> : null}
        {seg.free > 0 ? <rect className="rc-seg-free" x={seg.reserved + seg.held} y={0} width={seg.free} height={10} /> : null}
      </svg>
      <dl className="rc-figures">
        <div>
          <dt>
            <span className="rc-swatch rc-seg-reserved" aria-hidden="true" /> Kept for you
          </dt>
          <dd data-testid={`reserved-${split.key}`}>
            {split.key === "gpu" ? "none (GPUs are sold whole)" : formatAmount(split.key, split.reserved)}
            {split.isDefault ? " (default)" : ""}
          </dd>
        </div>
        <div>
          <dt>
            <span className="rc-swatch rc-seg-held" aria-hidden="true" /> Held by bids and leases
          </dt>
          <dd>{formatAmount(split.key, split.held)}</dd>
        </div>
        <div>
          <dt>
            <span className="rc-swatch rc-seg-free" aria-hidden="true" /> Free to sell
          </dt>
          <dd data-testid={`free-${split.key}`}>
            {formatAmount(split.key, split.free)}
            {changed ? <span className="rc-was"> (now {formatAmount(split.key, split.freeNow)})</span> : null}
          </dd>
        </div>
      </dl>
    </div>
  );
}
