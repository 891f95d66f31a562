import { parseArgs } from "node:util";
import { homedir } from "node:os";
import { join } from "node:path";
import { startDevnet, resetDevnet } from "../devnet/index";

// `npm run devnet [-- --data-dir DIR] [--block-time MS] [--seed N] [--tenants N] [--port P] [--reset] [--memory]`
// Starts the local Akash-compatible chain standalone and prints its RPC URL.

const USAGE = `usage: npm run devnet -- [--data-dir DIR] [--memory] [--reset] [--block-time MS] [--seed N] [--tenants N] [--port P]`;

function intOption(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    console.error(`--${name} must be an integer from ${min} to ${max}\n${USAGE}`);
    process.exit(2);
  }
  return Number(value);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      "data-dir": { type: "string" },
      memory: { type: "boolean", default: false },
      reset: { type: "boolean", default: false },
      "block-time": { type: "string" },
      seed: { type: "string" },
      tenants: { type: "string" },
      port: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const dataDir = values.memory ? undefined : (values["data-dir"] ?? join(homedir(), ".akash-provider-desktop", "devnet"));
if (values.reset && dataDir) resetDevnet(dataDir);
const tenants = intOption(values.tenants, "tenants", 0, 100, 4);
const devnet = await startDevnet({
  dataDir,
  blockTimeMs: intOption(values["block-time"], "block-time", 100, 60_000, 1000),
  seed: intOption(values.seed, "seed", 0, 2 ** 31, 1),
  port: intOption(values.port, "port", 0, 65_535, 26657),
  tenants: tenants > 0 ? { count: tenants } : false,
  log: (message) => console.warn(`[devnet] ${message}`),
});

console.log(`devnet ${devnet.chainId} at height ${devnet.height}`);
console.log(`RPC     ${devnet.rpcUrl}`);
console.log(`faucet  POST ${devnet.faucetUrl} {"address":"akash1…","amount":"1000000000"}`);
console.log(dataDir ? `data    ${dataDir}` : "data    in memory (lost on exit)");

const shutdown = async () => {
  await devnet.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
