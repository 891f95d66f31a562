import { cpus } from "node:os";

/** CPU load (0–1) since the previous call, from the kernel's per-core counters; null on the first call. */
export type CpuLoadSource = () => number | null;

export function osCpuLoad(read: () => { times: { user: number; nice: number; sys: number; idle: number; irq: number } }[] = cpus): CpuLoadSource {
  let prev: { busy: number; total: number } | null = null;
  return () => {
    let busy = 0;
    let total = 0;
    for (const c of read()) {
      const t = c.times;
      busy += t.user + t.nice + t.sys + t.irq;
      total += t.user + t.nice + t.sys + t.irq + t.idle;
    }
    const last = prev;
    prev = { busy, total };
    if (!last || total <= last.total) return null;
    return Math.min(1, Math.max(0, (busy - last.busy) / (total - last.total)));
  };
}
