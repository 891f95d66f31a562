// Types only: zod stays out of the renderer bundle (its JIT probe trips the CSP's no-eval rule);
// the app validates the same settings again with the contract's schema.
import type { BidEngineSettings, QuietWindow } from "../../../../common/bidengine-schemas";

// The Pricing form's draft: what the owner is typing, as text, kept apart from the saved settings so
// that nothing is lost while a value is invalid and nothing is saved until every value is valid.
// Pure functions, unit-tested: settings → draft, draft → settings or per-field errors.

export interface PricingDraft {
  paused: boolean;
  pauseWhileGaming: boolean;
  strategy: "fixed" | "market";
  /** USD per hour per GPU model; "*" is every other model. */
  gpu: Record<string, string>;
  cpuThread: string;
  memoryGiB: string;
  storageGiB: Record<string, string>;
  endpoint: string;
  leasedIp: string;
  marketPercentile: string;
  /** Percent over (or, negative, under) the market reference. */
  marketAdjustPercent: string;
  tariffUsdPerKwh: string;
  marginPercent: string;
  depreciationUsdPerGpuHour: string;
  minLeaseUsdPerHour: string;
  maxConcurrentBids: string;
  quietWindows: QuietWindow[];
  /** One address per line. */
  allowTenants: string;
  denyTenants: string;
}

/** Field id → what is wrong with it, in words for the owner. */
export type DraftErrors = Record<string, string>;

export type DraftResult = { ok: true; settings: BidEngineSettings } | { ok: false; errors: DraftErrors };

/** Basis points → "20" / "12.5" / "-5" percent, exact (no floats). */
export function bpsToPercent(bps: number): string {
  const sign = bps < 0 ? "-" : "";
  const abs = Math.abs(bps);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, "0").replace(/0+$/, "");
  return `${sign}${whole}${frac ? `.${frac}` : ""}`;
}

/** "12.5" → 1250 bps; null when it is not a percent with at most two decimals. */
export function percentToBps(text: string, allowNegative = false): number | null {
  const match = /^(-?)(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  if (match[1] && !allowNegative) return null;
  const bps = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -bps : bps;
}

const USD = /^\d{1,12}(\.\d{1,18})?$/;

export function toDraft(s: BidEngineSettings): PricingDraft {
  const p = s.pricing.usdPerHour;
  return {
    paused: s.paused,
    pauseWhileGaming: s.policies.pauseWhileGaming,
    strategy: s.pricing.strategy,
    gpu: { ...p.gpu },
    cpuThread: p.cpuThread,
    memoryGiB: p.memoryGiB,
    storageGiB: { ...p.storageGiB },
    endpoint: p.endpoint,
    leasedIp: p.leasedIp,
    marketPercentile: String(s.pricing.market.percentile),
    marketAdjustPercent: bpsToPercent(s.pricing.market.adjustBps),
    tariffUsdPerKwh: s.cost.tariffUsdPerKwh,
    marginPercent: bpsToPercent(s.cost.marginBps),
    depreciationUsdPerGpuHour: s.cost.depreciationUsdPerGpuHour,
    minLeaseUsdPerHour: s.policies.minLeaseUsdPerHour,
    maxConcurrentBids: String(s.policies.maxConcurrentBids),
    quietWindows: s.policies.quietWindows.map((w) => ({ days: [...w.days], from: w.from, to: w.to })),
    allowTenants: s.policies.allowTenants.join("\n"),
    denyTenants: s.policies.denyTenants.join("\n"),
  };
}

function tenantList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean))];
}

const TENANT = /^akash1(?:[02-9ac-hj-np-z]{38}|[02-9ac-hj-np-z]{58})$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Validates every field; returns the settings the draft stands for (on top of `base`) or the errors. */
export function fromDraft(base: BidEngineSettings, d: PricingDraft): DraftResult {
  const errors: DraftErrors = {};
  const usd = (id: string, text: string): string => {
    const t = text.trim();
    if (!USD.test(t)) errors[id] = t.startsWith("-") ? "A price cannot be negative." : "Enter US dollars, e.g. 0.30 (digits and at most one dot).";
    return t;
  };
  const gpu: Record<string, string> = {};
  for (const [model, text] of Object.entries(d.gpu)) gpu[model] = usd(`gpu.${model}`, text);
  const storageGiB: Record<string, string> = {};
  for (const [cls, text] of Object.entries(d.storageGiB)) storageGiB[cls] = usd(`storage.${cls}`, text);

  const percentile = /^\d{1,3}$/.test(d.marketPercentile.trim()) ? Number(d.marketPercentile.trim()) : NaN;
  if (!(percentile >= 0 && percentile <= 100)) errors.marketPercentile = "Enter a whole percentile from 0 to 100.";
  const adjustBps = percentToBps(d.marketAdjustPercent, true);
  if (adjustBps === null || adjustBps < -9_999 || adjustBps > 100_000) errors.marketAdjustPercent = "Enter a percent between -99.99 and 1000, e.g. -5.";
  const marginBps = percentToBps(d.marginPercent);
  if (marginBps === null || marginBps > 100_000) errors.marginPercent = "Enter a percent from 0 to 1000, e.g. 20.";
  const maxBids = /^\d{1,6}$/.test(d.maxConcurrentBids.trim()) ? Number(d.maxConcurrentBids.trim()) : NaN;
  if (!Number.isSafeInteger(maxBids)) errors.maxConcurrentBids = "Enter a whole number of bids, 0 or more.";

  d.quietWindows.forEach((w, i) => {
    if (w.days.length === 0) errors[`quiet.${i}.days`] = "Pick at least one day.";
    if (!HHMM.test(w.from)) errors[`quiet.${i}.from`] = "Enter a time as HH:MM (24 h).";
    if (!HHMM.test(w.to)) errors[`quiet.${i}.to`] = "Enter a time as HH:MM (24 h).";
    else if (w.from === w.to) errors[`quiet.${i}.to`] = "The window must end at another time than it starts.";
  });

  const allow = tenantList(d.allowTenants);
  const deny = tenantList(d.denyTenants);
  const badAllow = allow.find((t) => !TENANT.test(t));
  if (badAllow) errors.allowTenants = `"${badAllow.slice(0, 60)}" is not an Akash address (akash1…).`;
  const badDeny = deny.find((t) => !TENANT.test(t));
  if (badDeny) errors.denyTenants = `"${badDeny.slice(0, 60)}" is not an Akash address (akash1…).`;
  const both = allow.find((t) => deny.includes(t));
  if (both && !errors.denyTenants) errors.denyTenants = `${both.slice(0, 20)}… is on both lists; it would be denied.`;

  const candidate = {
    ...base,
    paused: d.paused,
    pricing: {
      strategy: d.strategy,
      usdPerHour: {
        gpu,
        cpuThread: usd("cpuThread", d.cpuThread),
        memoryGiB: usd("memoryGiB", d.memoryGiB),
        storageGiB,
        endpoint: usd("endpoint", d.endpoint),
        leasedIp: usd("leasedIp", d.leasedIp),
      },
      market: { percentile, adjustBps: adjustBps ?? 0 },
    },
    cost: {
      ...base.cost,
      tariffUsdPerKwh: usd("tariffUsdPerKwh", d.tariffUsdPerKwh),
      marginBps: marginBps ?? 0,
      depreciationUsdPerGpuHour: usd("depreciationUsdPerGpuHour", d.depreciationUsdPerGpuHour),
    },
    policies: {
      ...base.policies,
      pauseWhileGaming: d.pauseWhileGaming,
      quietWindows: d.quietWindows.map((w) => ({ days: [...w.days].sort(), from: w.from, to: w.to })),
      allowTenants: allow,
      denyTenants: deny,
      minLeaseUsdPerHour: usd("minLeaseUsdPerHour", d.minLeaseUsdPerHour),
      maxConcurrentBids: maxBids,
    },
  };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: candidate };
}

/** The sections this form edits, for `bidengine.updateSettings` (whole sections replace saved ones). */
export function settingsPatch(s: BidEngineSettings): Pick<BidEngineSettings, "paused" | "pricing" | "cost" | "policies"> {
  return { paused: s.paused, pricing: s.pricing, cost: s.cost, policies: s.policies };
}

/** Adds GPU models (detected ones) without a price of their own yet, at the catch-all price. */
export function withModels(d: PricingDraft, models: readonly string[]): PricingDraft {
  const missing = models.filter((m) => !(m in d.gpu));
  if (missing.length === 0) return d;
  const fallback = d.gpu["*"] ?? "0";
  return { ...d, gpu: { ...d.gpu, ...Object.fromEntries(missing.map((m) => [m, fallback])) } };
}

/**
 * A draft kept in the tab's session storage (so leaving the page loses nothing), read back over the
 * current baseline: only fields of the right type are taken; anything else keeps the baseline's value.
 */
export function restoreDraft(raw: unknown, baseline: PricingDraft): PricingDraft {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return baseline;
  const r = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...baseline };
  const isStringMap = (v: unknown): v is Record<string, string> =>
    !!v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string") && Object.keys(v).length <= 64;
  for (const [key, value] of Object.entries(baseline) as [keyof PricingDraft, unknown][]) {
    const candidate = r[key];
    if (typeof value === "boolean" && typeof candidate === "boolean") out[key] = candidate;
    else if (typeof value === "string" && typeof candidate === "string" && candidate.length <= 100_000) out[key] = candidate;
    else if ((key === "gpu" || key === "storageGiB") && isStringMap(candidate)) out[key] = candidate;
  }
  if (r.strategy !== "fixed" && r.strategy !== "market") out.strategy = baseline.strategy;
  if (Array.isArray(r.quietWindows) && r.quietWindows.length <= 50) {
    const windows = r.quietWindows.filter(
      (w): w is QuietWindow =>
        !!w && typeof w === "object" && Array.isArray(w.days) && w.days.every((d: unknown) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6) && typeof w.from === "string" && typeof w.to === "string",
    );
    if (windows.length === r.quietWindows.length) out.quietWindows = windows.map((w) => ({ days: [...new Set(w.days)], from: w.from, to: w.to }));
  }
  return out as unknown as PricingDraft;
}
