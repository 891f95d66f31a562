import type { QuietWindow } from "../../common/bidengine-schemas";
import type { CompiledContext } from "./engine-context";
import { decline, type Decline } from "./decline";
import type { NormalizedOrder } from "./order-model";

// The owner's rules, after the chain's and after capacity: paused, gaming, quiet hours, tenant
// lists, how many bids at once, and whether the wallet can fund the deposit and the fee.

const MINUTES_PER_WEEK = 7 * 1440;

export function checkPolicies(order: NormalizedOrder, ctx: CompiledContext): Decline | null {
  const { policies } = ctx.settings;
  if (ctx.settings.paused) return decline("paused", "bidding is paused", {}, { setting: "paused", hint: "resume bidding" });
  if (ctx.gaming && policies.pauseWhileGaming) {
    return decline("gaming", "the owner is gaming: no new bids until the game closes", {}, { setting: "policies.pauseWhileGaming", hint: "allow bids while gaming" });
  }
  const quiet = activeQuietWindow(policies.quietWindows, ctx.localMinuteOfWeek);
  if (quiet) {
    return decline("outside_schedule", `no new bids between ${quiet.from} and ${quiet.to} on ${quiet.days.map(dayName).join(", ")}`, { from: quiet.from, to: quiet.to }, {
      setting: "policies.quietWindows",
      hint: "shorten or remove this quiet window",
    });
  }
  if (ctx.denyTenants.has(order.owner)) {
    return decline("tenant_denied", `tenant ${order.owner} is on your deny list`, { tenant: order.owner }, { setting: "policies.denyTenants", hint: "remove the tenant from the deny list" });
  }
  if (ctx.allowTenants && !ctx.allowTenants.has(order.owner)) {
    return decline("tenant_not_allowed", `tenant ${order.owner} is not on your allow list`, { tenant: order.owner }, { setting: "policies.allowTenants", hint: "add the tenant, or empty the allow list" });
  }
  if (ctx.openBids >= policies.maxConcurrentBids) {
    return decline("max_concurrent_bids", `${ctx.openBids} bids are open, your limit is ${policies.maxConcurrentBids}`, { openBids: ctx.openBids, maxConcurrentBids: policies.maxConcurrentBids }, {
      setting: "policies.maxConcurrentBids",
      hint: "raise the limit on concurrent bids",
    });
  }
  return checkCollateral(ctx);
}

/** The wallet must hold the deposit and the fee, and still keep the reserve. Unknown balances pass. */
function checkCollateral(ctx: CompiledContext): Decline | null {
  if (!ctx.balances) return null;
  const { deposit, fee, keepReserve } = ctx.prices;
  const needs = new Map<string, bigint>([[deposit.denom, deposit.amount + keepReserve]]);
  needs.set(fee.denom, (needs.get(fee.denom) ?? 0n) + fee.amount);
  for (const [denom, needed] of needs) {
    const have = ctx.balances.get(denom) ?? 0n;
    if (have < needed) {
      return decline(
        "collateral_insufficient",
        `a bid needs ${needed} ${denom} (deposit, fee and the reserve you keep), the wallet has ${have}`,
        { denom, needed: needed.toString(), available: have.toString() },
        { setting: "policies.keepReserve", hint: `fund the wallet with ${needed - have} ${denom} more, or lower the kept reserve` },
      );
    }
  }
  return null;
}

function toMinute(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The window covering this local minute of the week; a window past midnight belongs to its start day. */
export function activeQuietWindow(windows: readonly QuietWindow[], minuteOfWeek: number): QuietWindow | null {
  for (const w of windows) {
    const from = toMinute(w.from);
    const to = toMinute(w.to);
    const length = to > from ? to - from : to + 1440 - from; // from == to: the whole day
    for (const day of w.days) {
      const start = day * 1440 + from;
      const offset = (((minuteOfWeek - start) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
      if (offset < length) return w;
    }
  }
  return null;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
function dayName(day: number): string {
  return DAYS[day] ?? String(day);
}
