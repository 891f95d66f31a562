import { readFileSync, statSync } from "node:fs";
import { PRELOAD_BUNDLE, ensureBuilt } from "../support/ensure-build";
import { callBridge, startHeadlessProcess, type HeadlessProcess } from "../support/headless-process";
import type { Figure } from "./figure";

// Issue 2's figures, measured on the built app (`npm run bench` builds first):
// - app.headless_cold_start_ms: spawn `node dist/main/headless-entry.mjs` on a fresh data dir → first
//   successful API answer (app.info) over the bridge; median of 3 runs.
// - app.idle_rss_mb: that process's resident memory after 60 s without any request (VmRSS).
// - app.preload_bytes: the size of the preload bundle Electron loads into every window.

const COLD_START_RUNS = 3;
/** How long the process sits idle before its memory is read; BENCH_IDLE_MS shortens it for a quick look. */
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 60_000);

export default async function bench(): Promise<Figure[]> {
  ensureBuilt();
  const coldStarts: number[] = [];
  let idle: HeadlessProcess | null = null;
  const others: HeadlessProcess[] = [];
  try {
    // The first run's process stays up to be measured idle; the other runs overlap its idle minute,
    // so the whole bench takes about that minute. (The idle process does no work meanwhile.)
    const first = await coldStart();
    idle = first.process;
    coldStarts.push(first.ms);
    const idleSince = performance.now();
    for (let i = 1; i < COLD_START_RUNS; i++) {
      const run = await coldStart();
      others.push(run.process);
      coldStarts.push(run.ms);
      await run.process.stop();
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, IDLE_MS - (performance.now() - idleSince))));
    const rssKb = readVmRssKb(idle.pid);
    return [
      { figure: "app.headless_cold_start_ms", value: round(median(coldStarts), 1), unit: "ms" },
      { figure: "app.idle_rss_mb", value: round(rssKb / 1024, 1), unit: "MiB" },
      { figure: "app.preload_bytes", value: statSync(PRELOAD_BUNDLE).size, unit: "bytes" },
    ];
  } finally {
    await Promise.all([idle?.stop(), ...others.map((p) => p.stop())]);
  }
}

async function coldStart(): Promise<{ ms: number; process: HeadlessProcess }> {
  const started = performance.now();
  const child = await startHeadlessProcess();
  try {
    // The bridge listens before the URL is printed; retry anyway so a slow first answer is timed, not failed.
    for (;;) {
      const { status, body } = await callBridge(child.origin, child.token, "app.info");
      if (status === 200 && (body as { ok?: boolean }).ok) return { ms: performance.now() - started, process: child };
      if (performance.now() - started > 30_000) throw new Error(`No successful app.info within 30 s (last: HTTP ${status})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** Resident set size in kB from /proc (Linux only, where the benchmarks run). */
export function readVmRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`No VmRSS line in /proc/${pid}/status`);
  return Number(match[1]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
