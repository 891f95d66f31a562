import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Bench } from "./figure";

// `npm run bench`: runs every test/bench/*.bench.ts (or only those named on the command line) one
// after the other, printing one JSON line per figure: {"figure", "value", "unit"}.
const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

let failed = false;
for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { default: Bench };
  try {
    for (const figure of await mod.default()) console.log(JSON.stringify(figure));
  } catch (error) {
    failed = true;
    console.error(`[bench] ${file} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
