import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";
import type { EarningsBucket, Granularity } from "../../../../common/earnings-schemas";
import { axisDecimals, axisDollars, tooltipDollars } from "./axis-money";
import { dollars } from "./format-money";

// Only what this chart uses is registered, so the bundle carries no other controllers or plugins.
// chart.js sets the canvas size through CSSOM (element.style.x = …), which `style-src 'self'` allows.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const LABEL: Record<Granularity, Intl.DateTimeFormatOptions> = {
  hour: { month: "short", day: "numeric", hour: "2-digit", timeZone: "UTC" },
  day: { month: "short", day: "numeric", timeZone: "UTC" },
  week: { month: "short", day: "numeric", timeZone: "UTC" },
  month: { month: "short", year: "numeric", timeZone: "UTC" },
};

/** Earnings (up) and electricity (down) as stacked bars per bucket, net as a line. */
export function EarningsChart({ buckets, granularity, onRendered }: { buckets: EarningsBucket[]; granularity: Granularity; onRendered?: () => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    // Hours over more than three days read better as dates on the axis (the tooltip keeps the hour).
    const format = new Intl.DateTimeFormat(undefined, LABEL[granularity]);
    const axisFormat = granularity === "hour" && buckets.length > 72 ? new Intl.DateTimeFormat(undefined, LABEL.day) : format;
    // A linear x axis over bucket indexes with pre-parsed points: chart.js then measures a dozen tick
    // labels instead of one per bucket, which keeps a year of hours (8,760 buckets) fast to draw.
    const label = (index: number) => {
      const bucket = buckets[Math.round(index)];
      return bucket && Number.isInteger(index) ? axisFormat.format(new Date(bucket.start)) : "";
    };
    // A canvas shows at most a bar or two per pixel: beyond MAX_BARS buckets, each bar is the mean of
    // `per` consecutive buckets (so the axis stays "$ per hour"), placed at its first bucket.
    const per = binSize(buckets.length);
    const points = (pick: (b: EarningsBucket) => number) => {
      const out: { x: number; y: number }[] = [];
      for (let i = 0; i < buckets.length; i += per) {
        let sum = 0;
        const end = Math.min(buckets.length, i + per);
        for (let j = i; j < end; j++) sum += pick(buckets[j]!);
        out.push({ x: i, y: sum / (end - i) });
      }
      return out;
    };
    const earned = points((b) => dollars(b.earnedUsdMicro));
    const cost = points((b) => -dollars(b.electricityUsdMicro));
    const net = points((b) => dollars(b.netUsdMicro));
    const many = earned.length > 200;
    chart.current?.destroy();
    const started = performance.now();
    chart.current = new Chart(canvas.current, {
      type: "bar",
      data: {
        datasets: [
          { type: "bar", label: "Earnings", data: earned, backgroundColor: "#5fd08a", stack: "money", order: 2, barPercentage: 1, categoryPercentage: many ? 1 : 0.8 },
          { type: "bar", label: "Electricity", data: cost, backgroundColor: "#f2a33c", stack: "money", order: 2, barPercentage: 1, categoryPercentage: many ? 1 : 0.8 },
          { type: "line", label: "Net", data: net, borderColor: "#7cc4ff", backgroundColor: "#7cc4ff", pointRadius: many ? 0 : 2, borderWidth: many ? 1 : 2, order: 1 },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: {
            type: "linear",
            stacked: true,
            // Bar charts pad their x axis by default; the explicit min/max below do that already.
            offset: false,
            // Half a bar of room at each end, so the first and last bars are whole.
            min: -per / 2,
            max: Math.max(0, buckets.length - per / 2),
            ticks: { color: "#a4adba", maxRotation: 0, autoSkip: true, maxTicksLimit: 12, precision: 0, callback: (v) => label(Number(v)) },
            grid: { display: false },
          },
          y: {
            stacked: true,
            ticks: { color: "#a4adba", callback: (v, _i, ticks) => axisDollars(Number(v), axisDecimals(ticks.length > 1 ? Math.abs(ticks[1]!.value - ticks[0]!.value) : 0)) },
            grid: { color: "#2b3340" },
          },
        },
        plugins: {
          legend: { labels: { color: "#e6e9ee" } },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? format.format(new Date(buckets[items[0].dataIndex * per]?.start ?? 0)) : ""),
              label: (item) => `${item.dataset.label}: ${tooltipDollars(item.parsed.y ?? 0)}`,
            },
          },
        },
      },
    });
    // The first draw happens inside the constructor (no animation): its duration is the render time,
    // kept on the element for the benchmark and for anyone profiling a slow machine.
    canvas.current.dataset.renderMs = (performance.now() - started).toFixed(1);
    canvas.current.dataset.renderBuckets = String(buckets.length);
    onRendered?.();
  }, [buckets, granularity, onRendered]);

  useEffect(() => () => chart.current?.destroy(), []);

  const per = binSize(buckets.length);
  return (
    <>
      {per > 1 && (
        <p className="earn-sub">
          Each bar is the average of {per} {granularity}s ({buckets.length} in all).
        </p>
      )}
      <div className="earn-chart">
        <canvas ref={canvas} role="img" aria-label={`Earnings and electricity cost per ${granularity}, with the net as a line`} data-testid="earnings-chart" />
      </div>
    </>
  );
}

const MAX_BARS = 400;

/** How many buckets one bar stands for: 1 up to MAX_BARS buckets. */
export function binSize(count: number): number {
  return Math.max(1, Math.ceil(count / MAX_BARS));
}
