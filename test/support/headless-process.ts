import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HEADLESS_NODE_FLAGS } from "../../main/node-flags";
import { HEADLESS_ENTRY, ROOT } from "./ensure-build";

/** The real headless app in its own process, as `npm start -- --headless` runs it on a rig. */
export interface HeadlessProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** The dashboard URL it printed, token in the fragment. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** Everything it wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** SIGTERM, wait for the exit (SIGKILL after `graceMs`), and delete the data dir if we made it. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface StartOptions {
  /** Defaults to a fresh temporary directory, removed on stop(). */
  dataDir?: string;
  timeoutMs?: number;
  extraArgs?: string[];
}

const DASHBOARD_LINE = /^Dashboard: (http:\/\/\S+)$/m;

export async function startHeadlessProcess(options: StartOptions = {}): Promise<HeadlessProcess> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "apd-e2e-"));
  const child = spawn(process.execPath, [...HEADLESS_NODE_FLAGS, HEADLESS_ENTRY, "--data-dir", dataDir, "--gateway-listen", "127.0.0.1:0", ...(options.extraArgs ?? [])], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));

  const cleanup = () => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const stop = async (graceMs = 5000): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      cleanup();
      return code;
    }
    cleanup();
    return child.exitCode;
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`No "Dashboard:" line within ${options.timeoutMs ?? 30_000} ms`)), options.timeoutMs ?? 30_000);
    const onData = () => {
      const match = DASHBOARD_LINE.exec(output);
      if (match) finish(null, match[1]!);
    };
    const onExit = (code: number | null) => finish(new Error(`The headless app exited (${code}) before printing its URL`));
    function finish(error: Error | null, found?: string) {
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(found!);
    }
    child.stdout!.on("data", onData);
    child.once("exit", onExit);
  }).catch(async (error: Error) => {
    await stop();
    throw new Error(`${error.message}\n--- output ---\n${output}`);
  });

  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get("token");
  if (!token) {
    await stop();
    throw new Error(`The dashboard URL carries no token: ${url}`);
  }
  return { child, pid: child.pid!, url, origin: parsed.origin, token, dataDir, output: () => output, stop };
}

/** POSTs one contract call over the bridge, the way the renderer does. */
export async function callBridge(origin: string, token: string, method: string, input?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${origin}/api/call/${encodeURIComponent(method)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: input === undefined ? "" : JSON.stringify(input),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/**
 * One contract call's value over the bridge (HTTP 200 and an ok envelope), or a thrown error naming
 * the method, the status and the contract's message: a failed call fails the test that made it.
 */
export async function bridgeValue<T>(app: Pick<HeadlessProcess, "origin" | "token">, method: string, input?: unknown): Promise<T> {
  const { status, body } = await callBridge(app.origin, app.token, method, input);
  const envelope = body as { ok?: boolean; value?: T; error?: { message?: string } } | null;
  if (status !== 200 || envelope?.ok !== true) throw new Error(`${method}: HTTP ${status}, ${envelope?.error?.message ?? JSON.stringify(body)}`);
  return envelope.value as T;
}
