import type { OwnerActivity } from "../../common/hardware-schemas";
import type { HardwareInfoSource } from "./hardware-source";
import { COMPUTE_APPS_ARGS, parseComputeApps } from "./nvidia-smi-csv";
import type { ProcessRunner } from "./process-runner";

// "The owner is using the GPU": a non-tenant process computing on an NVIDIA card, or a game running
// (a process started from a game library folder, or a known game executable). A running launcher alone
// (Steam in the tray) is reported but does not count: it sits there all day on most gaming PCs.

/** Decides whether a pid belongs to a tenant's container (k3s pods), so tenant work never reads as the owner. */
export type TenantPidCheck = (pid: number) => boolean;

const LAUNCHERS: readonly [RegExp, string][] = [
  [/^steam(\.exe)?$/i, "Steam"],
  [/^epicgameslauncher(\.exe)?$/i, "Epic Games Launcher"],
  [/^battle\.net(\.exe)?$/i, "Battle.net"],
  [/^riotclientservices(\.exe)?$/i, "Riot Client"],
  [/^(eadesktop|origin)(\.exe)?$/i, "EA app"],
  [/^(upc|ubisoftconnect)(\.exe)?$/i, "Ubisoft Connect"],
  [/^galaxyclient(\.exe)?$/i, "GOG Galaxy"],
  [/^(lutris|heroic)$/i, "Lutris/Heroic"],
];

/** Install folders of game libraries: a process started from one of these is a game. */
const GAME_PATHS: readonly [RegExp, string][] = [
  [/steamapps[\\/]common[\\/]/i, "Steam library"],
  [/epic games[\\/]/i, "Epic Games library"],
  [/riot games[\\/]/i, "Riot Games"],
  [/gog galaxy[\\/]games[\\/]|gog games[\\/]/i, "GOG library"],
  [/ubisoft game launcher[\\/]games[\\/]/i, "Ubisoft library"],
  [/ea games[\\/]/i, "EA library"],
  [/battle\.net[\\/]|blizzard[\\/]/i, "Battle.net library"],
];

/** The desktop itself draws on the GPU all the time: not a sign of the owner using it. */
const DESKTOP = /^(xorg|xwayland|gnome-shell|kwin_(x11|wayland)|plasmashell|dwm\.exe|explorer\.exe)$/i;

/** Helpers launchers run inside their own folders that are not games. */
const NOT_GAMES = /(epic games[\\/]launcher[\\/]|steamwebhelper|steamservice|gameoverlayui|crashhandler|unitycrashhandler|easyanticheat|battleye|vc_redist|dxsetup|uninstall)/i;

export interface OwnerActivityInputs {
  runner: ProcessRunner;
  source: Pick<HardwareInfoSource, "processes">;
  isTenantPid: TenantPidCheck;
  now: () => Date;
}

export async function detectOwnerActivity(inputs: OwnerActivityInputs): Promise<OwnerActivity> {
  const reasons: OwnerActivity["reasons"] = [];
  const [apps, procs] = await Promise.all([
    inputs.runner.run("nvidia-smi", COMPUTE_APPS_ARGS, { timeoutMs: 5_000 }).catch(() => ({ kind: "failed" as const, message: "" })),
    inputs.source.processes().catch(() => ({ list: [] })),
  ]);
  if (apps.kind === "exited" && apps.code === 0) {
    for (const app of parseComputeApps(apps.stdout).rows) {
      if (safeTenant(inputs.isTenantPid, app.pid) || DESKTOP.test(baseName(app.processName))) continue;
      const game = gameOf(app.processName);
      reasons.push({
        kind: game ? "game" : "gpu_process",
        pid: app.pid,
        name: baseName(app.processName),
        detail: game ? `a game from the ${game} is using the GPU` : `computing on the GPU${app.usedMemoryMiB !== null ? ` with ${app.usedMemoryMiB} MiB` : ""}`,
      });
    }
  }
  const seen = new Set(reasons.map((r) => r.pid));
  const list = Array.isArray(procs?.list) ? procs.list : [];
  for (const p of list) {
    if (!p || typeof p.pid !== "number" || seen.has(p.pid)) continue;
    const full = [p.path, p.command, p.params].filter((x) => typeof x === "string" && x).join(" ");
    const name = typeof p.name === "string" ? p.name : "";
    // A launcher lives in its store's folder too: recognise it by name before the folder says "game".
    const launcher = LAUNCHERS.find(([re]) => re.test(name));
    if (launcher) {
      if (!reasons.some((r) => r.kind === "launcher" && r.name === launcher[1])) {
        reasons.push({ kind: "launcher", pid: p.pid, name: launcher[1], detail: "game launcher open (not counted on its own)" });
      }
      continue;
    }
    const game = gameOf(full);
    if (game && !safeTenant(inputs.isTenantPid, p.pid)) {
      reasons.push({ kind: "game", pid: p.pid, name: name || baseName(p.command), detail: `running from the ${game}` });
    }
  }
  return { active: reasons.some((r) => r.kind !== "launcher"), reasons, checkedAt: inputs.now().toISOString() };
}

function gameOf(text: string): string | null {
  if (NOT_GAMES.test(text)) return null;
  return GAME_PATHS.find(([re]) => re.test(text))?.[1] ?? null;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function safeTenant(check: TenantPidCheck, pid: number): boolean {
  try {
    return check(pid);
  } catch {
    return false;
  }
}
