import type { Settings } from "../../common/schemas";
import type { StatusCore } from "./status-tray";
import { applyStartAtLogin, type AutoLaunchTarget } from "./auto-launch";

/**
 * Keeps the OS login item in step with the `startAtLogin` setting (off by default; the wizard and
 * Settings set it). At start it re-applies only an enabled setting (the executable may have moved);
 * after that every change is applied. `settled()` resolves once what is known so far is applied.
 */
export function trackStartAtLogin(core: StatusCore, target: AutoLaunchTarget, log?: (line: string) => void): { dispose(): void; settled(): Promise<void> } {
  let last: boolean | null = null;
  let chain: Promise<void> = Promise.resolve();
  const apply = (enabled: boolean, force: boolean) => {
    if (!force && enabled === last) return;
    last = enabled;
    chain = chain.then(() =>
      applyStartAtLogin(enabled, target).catch((error: unknown) => log?.(`[start-at-login] ${error instanceof Error ? error.message : String(error)}`)),
    );
  };
  let changed = false;
  const stop = core.events.listen((event, payload) => {
    if (event !== "settings.changed") return;
    changed = true;
    apply((payload as Settings).startAtLogin, false);
  });
  const loaded = core.call("settings.get", undefined).then(
    (result) => {
      if (!result.ok || changed) return;
      const enabled = (result.value as Settings).startAtLogin;
      if (enabled) apply(true, true);
      else last = false;
    },
    () => {},
  );
  return { dispose: stop, settled: async () => (await loaded, chain) };
}
