import { join } from "node:path";
import type { Handlers } from "../common/contract";
import { dispatch } from "../common/dispatch";
import type { Envelope } from "../common/envelope";
import type { AppConfig } from "./config";
import { EventBus } from "./events";
import { openDatabase } from "./store/database";
import { SettingsRepo } from "./store/settings-repo";
import { collectSystemSummary, systeminformationSource, type SystemInfoSource } from "./system/system-info";

export interface AppDeps {
  now?: () => Date;
  systemInfo?: SystemInfoSource;
  log?: (line: string) => void;
}

export interface App {
  readonly config: AppConfig;
  readonly events: EventBus;
  readonly handlers: Handlers;
  /** The one entry both transports call; never throws. */
  call(method: unknown, input: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/** The composition root: every service is built here, with its dependencies passed in. */
export function createApp(config: AppConfig, deps: AppDeps = {}): App {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  const startedAt = now().toISOString();
  const db = openDatabase(join(config.dataDir, "provider.sqlite"));
  const events = new EventBus();
  const settings = new SettingsRepo(db, now);
  const systemInfo = deps.systemInfo ?? systeminformationSource;

  const handlers: Handlers = {
    "app.info": () => ({
      name: "Akash Provider Desktop",
      version: config.version,
      mode: config.mode,
      network: settings.get().network,
      startedAt,
      node: process.versions.node,
      platform: process.platform,
    }),
    "system.summary": () => collectSystemSummary(systemInfo, now),
    "settings.get": () => settings.get(),
    "settings.update": (patch) => {
      const next = settings.update(patch ?? {});
      events.emit("settings.changed", next);
      return next;
    },
  };

  let closed = false;
  return {
    config,
    events,
    handlers,
    call: (method, input) =>
      dispatch(handlers, method, input, {
        onInternalError: (m, error) => log(`[app] ${m} failed: ${error instanceof Error ? error.stack : String(error)}`),
      }),
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
