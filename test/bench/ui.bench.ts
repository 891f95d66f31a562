import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT, ensureBuilt } from "../support/ensure-build";
import type { Figure } from "./figure";

// Issue 7's bundle figure, on the built renderer (`npm run bench` builds first):
// - ui.bundle_gz_kb: every JS and CSS file the window loads (dist/renderer/assets), each gzipped at
//   level 9 as a server or installer would store it, summed, in KiB. Target ≤ 350.
// (ui.dashboard_ready_ms and ui.chart_year_hourly_ms need the earnings ledger; not measured yet.)

export default async function bench(): Promise<Figure[]> {
  ensureBuilt();
  const assets = join(ROOT, "dist/renderer/assets");
  const files = readdirSync(assets).filter((f) => f.endsWith(".js") || f.endsWith(".css"));
  if (files.length === 0) throw new Error(`no JS or CSS in ${assets}: is the renderer built?`);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  return [{ figure: "ui.bundle_gz_kb", value: Math.round((bytes / 1024) * 10) / 10, unit: "KiB" }];
}
