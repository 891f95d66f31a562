import { statfsSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Free bytes (for an unprivileged writer) on the filesystem that holds `path`, asked of the OS
 * directly. `path` need not exist yet (k3s's data dir before install): its nearest existing
 * ancestor is asked. 0 when nothing can be read.
 */
export function freeBytesAt(path: string): number {
  let current = resolve(path);
  for (;;) {
    try {
      const stats = statfsSync(current);
      return Number(stats.bavail) * Number(stats.bsize);
    } catch {
      const parent = dirname(current);
      if (parent === current) return 0;
      current = parent;
    }
  }
}
