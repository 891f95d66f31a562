import type { MenuItemConstructorOptions } from "electron";

// The tray menu as data: a pure function of the app's state and the actions, so it is tested without
// Electron and the adapter (tray.ts) only renders it. Without a state (the first moments after start,
// before any service has reported) it is the minimal menu: open the dashboard, quit.

export interface TrayActions {
  openDashboard(): void;
  quit(): void;
  /** Present once the bid engine runs; their menu items are disabled without them. */
  pauseBidding?(): void;
  resumeBidding?(): void;
  setGamingMode?(on: boolean): void;
}

export type TrayStatus = "bidding" | "paused" | "gaming" | "offline";

export interface TrayState {
  status: TrayStatus;
  /** Why it is paused or offline ("no RPC endpoint answers"), null when there is nothing to say. */
  reason: string | null;
  /** Today's earnings minus electricity, USD as a decimal string ("1.23", "-0.40"); null until known. */
  todayNetUsd: string | null;
  activeLeases: number;
  /** The owner paused bidding. */
  paused: boolean;
  /** "No new bids while I play" is on. */
  gamingMode: boolean;
}

export const TRAY_TOOLTIP = "Akash Provider Desktop";

const STATUS_LABELS: Record<TrayStatus, string> = {
  bidding: "Bidding",
  paused: "Paused",
  gaming: "Gaming: not bidding",
  offline: "Offline",
};

/** "1.234" → "+$1.23", "-0.4" → "−$0.40", rounding half away from zero on the cent, no floats. */
export function formatSignedUsd(text: string): string {
  const match = /^(-?)(\d{1,30})(?:\.(\d{0,18}))?$/.exec(text.trim());
  if (!match) return "unknown";
  const [, sign, whole, frac = ""] = match;
  const digits = (frac + "000").slice(0, 3);
  let cents = BigInt(whole!) * 100n + BigInt(digits.slice(0, 2));
  if (Number(digits[2]) >= 5) cents += 1n;
  const negative = sign === "-" && cents > 0n;
  return `${negative ? "\u2212" : "+"}$${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

function statusLine(state: TrayState): string {
  const label = STATUS_LABELS[state.status];
  return state.reason ? `${label}: ${truncate(state.reason, 60)}` : label;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What the tray icon shows: which variant to draw for the status. */
export function trayIconTone(state: TrayState | null): "active" | "idle" | "offline" {
  if (state === null) return "idle";
  return state.status === "bidding" ? "active" : state.status === "offline" ? "offline" : "idle";
}

/** Hover text: the app, its status and today's net in one line each. */
export function trayTooltip(state: TrayState | null): string {
  if (state === null) return TRAY_TOOLTIP;
  const net = state.todayNetUsd === null ? "no earnings yet today" : `today ${formatSignedUsd(state.todayNetUsd)} net`;
  return `${TRAY_TOOLTIP}\n${statusLine(state)}\n${net} · ${state.activeLeases} active lease${state.activeLeases === 1 ? "" : "s"}`;
}

export function trayMenuTemplate(actions: TrayActions, state: TrayState | null = null): MenuItemConstructorOptions[] {
  const open: MenuItemConstructorOptions = { id: "open", label: "Open dashboard", click: () => actions.openDashboard() };
  // Quitting stops the provider: bids stop and running leases lose their gateway.
  const quit: MenuItemConstructorOptions = { id: "quit", label: "Quit (stops providing)", click: () => actions.quit() };
  if (state === null) return [open, { type: "separator" }, quit];

  const { pauseBidding, resumeBidding, setGamingMode } = actions;
  const toggle: MenuItemConstructorOptions = state.paused
    ? { id: "resume", label: "Resume bidding", enabled: resumeBidding !== undefined, click: () => resumeBidding?.() }
    : { id: "pause", label: "Pause bidding", enabled: pauseBidding !== undefined, click: () => pauseBidding?.() };
  return [
    { id: "status", label: statusLine(state), enabled: false },
    { id: "today", label: state.todayNetUsd === null ? "Today: no earnings yet" : `Today: ${formatSignedUsd(state.todayNetUsd)} net`, enabled: false },
    { id: "leases", label: state.activeLeases === 0 ? "No active leases" : `${state.activeLeases} active lease${state.activeLeases === 1 ? "" : "s"}`, enabled: false },
    { type: "separator" },
    toggle,
    {
      id: "gaming",
      label: "Gaming mode (no new bids while I play)",
      type: "checkbox",
      checked: state.gamingMode,
      enabled: setGamingMode !== undefined,
      click: () => setGamingMode?.(!state.gamingMode),
    },
    { type: "separator" },
    open,
    { type: "separator" },
    quit,
  ];
}
