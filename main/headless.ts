import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, type App } from "./app";
import { startBridge, type Bridge } from "./bridge/loopback-bridge";
import { hasFlag, readFlag, resolveDataDir } from "./config";
import { readAppVersion } from "./version";

export interface HeadlessOptions {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  rendererDir?: string;
  log?: (line: string) => void;
}

export interface Headless {
  app: App;
  bridge: Bridge;
  stop(): Promise<void>;
}

/** The app without Electron: the same createApp behind the loopback HTTP/WebSocket bridge. */
export async function startHeadless(options: HeadlessOptions = {}): Promise<Headless> {
  const argv = options.argv ?? process.argv.slice(2);
  const env = options.env ?? process.env;
  const rendererDir = options.rendererDir ?? fileURLToPath(new URL("../renderer/", import.meta.url));
  const portFlag = readFlag(argv, "--port") ?? env.AKASH_PROVIDER_PORT;
  const port = portFlag === undefined ? 0 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${portFlag}"`);
  if (!existsSync(rendererDir)) options.log?.(`[headless] renderer not built at ${rendererDir}: run "npm run build" to get the dashboard`);

  const dataDir = resolveDataDir(argv, env, process.platform);
  // --cluster-stand-in: the k3s step runs against a stand-in machine under the data dir (e2e tests, demos).
  const cluster = hasFlag(argv, "--cluster-stand-in") ? { standInDir: join(dataDir, "cluster-stand-in") } : undefined;
  const app = createApp({ dataDir, mode: "headless", version: readAppVersion() }, { log: options.log, cluster, devnet: { autoStart: !hasFlag(argv, "--no-devnet") }, status: { autoStart: true }, serving: { autoStart: true, ...gatewayListen(argv) } });
  let bridge: Bridge;
  try {
    bridge = await startBridge({ app, rendererDir, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  return {
    app,
    bridge,
    async stop() {
      await bridge.close();
      await app.close();
    },
  };
}

/** Runs until SIGINT/SIGTERM; prints where the dashboard is. */
export async function runHeadless(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const log = (line: string) => console.error(line);
  const headless = await startHeadless({ argv, log });
  console.log(`Akash Provider Desktop is running headless.`);
  console.log(`Data dir: ${headless.app.config.dataDir}`);
  console.log(`Dashboard: ${headless.bridge.url}`);
  console.log(`(Reach it from another machine with: ssh -L ${headless.bridge.port}:127.0.0.1:${headless.bridge.port} <this-rig>)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    headless.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * `--gateway-listen HOST:PORT` moves the tenant gateway off provider-services' 0.0.0.0:8443 (a rig
 * behind a reverse proxy, or tests that must stay on loopback).
 */
export function gatewayListen(argv: readonly string[]): { host?: string; port?: number } {
  const value = readFlag(argv, "--gateway-listen");
  if (value === undefined) return {};
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/.exec(value);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) throw new Error(`--gateway-listen must be HOST:PORT (e.g. 127.0.0.1:8443), got "${value}"`);
  return { host: match[1]!.replace(/^\[|\]$/g, ""), port };
}
