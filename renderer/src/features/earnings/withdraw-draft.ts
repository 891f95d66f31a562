// Types only: zod stays out of the renderer bundle; the app validates the same settings again.
import type { EarningsSettings } from "../../../../common/earnings-schemas";

// The Withdrawals form's draft: what the owner types, as text, kept apart from the saved settings so
// an invalid value loses nothing and saves nothing. Pure, unit-tested. The limits match the contract's
// EarningsSettings schema, so a draft that passes here is never refused by the app for its range.

export interface WithdrawDraft {
  autoWithdraw: boolean;
  withdrawEveryHours: string;
  dryWithinBlocks: string;
  maxLeasesPerTx: string;
}

export type WithdrawDraftErrors = Partial<Record<Exclude<keyof WithdrawDraft, "autoWithdraw">, string>>;

export type WithdrawDraftResult = { ok: true; settings: EarningsSettings } | { ok: false; errors: WithdrawDraftErrors };

export const LIMITS = {
  withdrawEveryHours: { min: 1, max: 24 * 7 },
  dryWithinBlocks: { min: 1, max: 100_000 },
  maxLeasesPerTx: { min: 1, max: 50 },
} as const;

export function toWithdrawDraft(s: EarningsSettings): WithdrawDraft {
  return {
    autoWithdraw: s.autoWithdraw,
    withdrawEveryHours: String(s.withdrawEveryHours),
    dryWithinBlocks: String(s.dryWithinBlocks),
    maxLeasesPerTx: String(s.maxLeasesPerTx),
  };
}

/** A whole number in [min, max] written as plain digits, or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,7}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** Hours with at most two decimals ("12", "1.5") in [min, max], or null. */
function hoursIn(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

export function fromWithdrawDraft(d: WithdrawDraft): WithdrawDraftResult {
  const errors: WithdrawDraftErrors = {};
  const every = hoursIn(d.withdrawEveryHours, LIMITS.withdrawEveryHours.min, LIMITS.withdrawEveryHours.max);
  if (every === null) errors.withdrawEveryHours = `Enter hours from ${LIMITS.withdrawEveryHours.min} to ${LIMITS.withdrawEveryHours.max} (a week), e.g. 12.`;
  const dry = wholeIn(d.dryWithinBlocks, LIMITS.dryWithinBlocks.min, LIMITS.dryWithinBlocks.max);
  if (dry === null) errors.dryWithinBlocks = `Enter a whole number of blocks from ${LIMITS.dryWithinBlocks.min} to ${LIMITS.dryWithinBlocks.max.toLocaleString("en-US")}, e.g. 600 (about an hour).`;
  const batch = wholeIn(d.maxLeasesPerTx, LIMITS.maxLeasesPerTx.min, LIMITS.maxLeasesPerTx.max);
  if (batch === null) errors.maxLeasesPerTx = `Enter a whole number of leases from ${LIMITS.maxLeasesPerTx.min} to ${LIMITS.maxLeasesPerTx.max}.`;
  if (every === null || dry === null || batch === null) return { ok: false, errors };
  return { ok: true, settings: { autoWithdraw: d.autoWithdraw, withdrawEveryHours: every, dryWithinBlocks: dry, maxLeasesPerTx: batch } };
}

/** "600 blocks" → "≈ 60 min" at the chain's block time; hours once it is 2 h or more. */
export function blocksAsTime(text: string, blockTimeMs: number): string | null {
  const t = text.trim();
  if (!/^\d{1,7}$/.test(t) || !(blockTimeMs > 0)) return null;
  const minutes = (Number(t) * blockTimeMs) / 60_000;
  if (minutes < 1) return `≈ ${Math.round(minutes * 60)} s`;
  if (minutes < 120) return `≈ ${Math.round(minutes)} min`;
  return `≈ ${(minutes / 60).toFixed(minutes < 600 ? 1 : 0)} h`;
}
