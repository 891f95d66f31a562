import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BidEngineSettings } from "../../common/bidengine-schemas";
import { summarize } from "../../common/dispatch";
import type { Tariff } from "../../common/hardware-schemas";
import { BidSettingsRepo } from "../bidengine/bid-settings-repo";
import { DEFAULT_BIDENGINE_SETTINGS } from "../bidengine/default-settings";
import { rateFromTariff } from "../bidengine/electricity-rate";
import { compileContext } from "../bidengine/engine-context";
import { HardwareSettingsRepo } from "../hardware/hardware-settings-repo";
import { screen, ScreenInputError } from "../bidengine/screen";
import { openDatabase } from "../store/database";

// `npm run screen -- <file.json>`: the bid engine's decision for each order in a file (one order in
// the chain's REST JSON or protobuf-JSON shape, a list, or an `orders/list` response), without a
// wallet and without sending anything. One JSON decision per line on stdout.

const USAGE = `Usage: npm run screen -- <file.json | -> [--config settings.json] [--data-dir DIR] [--open-bids N]

Prints one JSON decision per order: bid (price in uact/block, floor, order max) or declined with a
stable reason code, the numbers behind it, and the setting that would change it. Nothing is sent to
the chain, reserved or recorded. "-" reads the file from stdin.

Which settings (provider attributes, auditor signatures, prices, cost floor, policies, inventory):
  --config FILE    a JSON file with the bid engine settings (the shape of the app's bidengine.settings)
  --data-dir DIR   the settings the owner saved in the app (its data dir), with its electricity
                   tariff for the cost floor (the tariff set on the Earnings page)
  (neither)        the documented defaults below: one RTX 4090 gaming PC, attributes host=akash,
                   tier=community and the rtx4090 GPU capabilities, no auditor signatures, $0.30/h
                   per GPU, a floor from 350 W at $0.30/kWh + 20 % + $0.02/h depreciation, 6 s blocks.
  --open-bids N    bids already open (for the concurrent-bids limit); default 0
  --help           this text, followed by the default settings

Exit status: 0 when the file was read (declined orders are decisions too), 2 for bad arguments or a
file that cannot be read or holds no order.`;

const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface ScreenCliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin?: () => string;
  now?: () => Date;
}

interface Args {
  file?: string;
  config?: string;
  dataDir?: string;
  openBids: number;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { openBids: 0, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === "--help" || name === "-h") args.help = true;
    else if (name === "--config") args.config = value();
    else if (name === "--data-dir") args.dataDir = value();
    else if (name === "--open-bids") {
      const n = Number(value());
      if (!Number.isSafeInteger(n) || n < 0) return "--open-bids needs a non-negative integer.";
      args.openBids = n;
    } else if (name.startsWith("--")) return `Unknown option: ${name}`;
    else if (args.file === undefined) args.file = arg;
    else return `Only one file, please (got ${args.file} and ${arg}).`;
    if ((name === "--config" || name === "--data-dir") && !(name === "--config" ? args.config : args.dataDir)) return `${name} needs a value.`;
  }
  if (args.config && args.dataDir) return "Use --config or --data-dir, not both.";
  return args;
}

function readText(path: string, io: ScreenCliIo): string {
  if (path === "-") return (io.readStdin ?? (() => readFileSync(0, "utf8")))();
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new Error(`${path} is ${size} bytes; an orders list is far smaller. Is it the right file?`);
  return readFileSync(path, "utf8");
}

/** The settings to screen with; a data dir's hardware tariff too (undefined: the settings' fallback tariff). */
function loadSettings(args: Args, now: () => Date): { settings: BidEngineSettings; tariff?: Tariff | null } {
  if (args.config) {
    const parsed = BidEngineSettings.safeParse(JSON.parse(readFileSync(args.config, "utf8")));
    if (!parsed.success) throw new Error(`${args.config} is not valid bid engine settings: ${summarize(parsed.error)}`);
    return { settings: parsed.data };
  }
  if (args.dataDir) {
    const db = openDatabase(join(args.dataDir, "provider.sqlite"));
    try {
      return { settings: new BidSettingsRepo(db, now).get(), tariff: new HardwareSettingsRepo(db, now).get().tariff };
    } finally {
      db.close();
    }
  }
  return { settings: DEFAULT_BIDENGINE_SETTINGS };
}

/** Runs the CLI; returns the exit code. */
export function runScreenCli(argv: readonly string[], io: ScreenCliIo): number {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`${args}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(`${USAGE}\n\nDefault settings:\n${JSON.stringify(DEFAULT_BIDENGINE_SETTINGS, null, 2)}`);
    return 0;
  }
  if (args.file === undefined) {
    io.err(`Which file? Give an order or an orders-list JSON file.\n\n${USAGE}`);
    return 2;
  }
  const now = io.now ?? (() => new Date());
  let loaded: ReturnType<typeof loadSettings>;
  let text: string;
  try {
    loaded = loadSettings(args, now);
    text = readText(args.file, io);
  } catch (error) {
    io.err(`Cannot read it: ${(error as Error).message}`);
    return 2;
  }
  const at = now();
  const { settings, tariff } = loaded;
  const electricityRate = tariff === undefined ? undefined : (when: Date) => rateFromTariff(tariff, when);
  const ctx = compileContext({ settings, now: at, utcOffsetMinutes: -at.getTimezoneOffset(), gaming: false, openBids: args.openBids, electricityRate });
  try {
    const result = screen(text, ctx);
    for (const r of result.rejected) io.err(`skipped entry ${r.index}: ${r.message}`);
    for (const d of result.decisions) io.out(JSON.stringify(d));
    return 0;
  } catch (error) {
    if (error instanceof ScreenInputError) {
      io.err(`${args.file}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = runScreenCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
}
