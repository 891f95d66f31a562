import { readFileSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gpuTable } from "../hardware/gpu-table";
import { buildHardwareReport } from "../hardware/hardware-report";
import { systeminformationHardwareSource, type HardwareInfoSource } from "../hardware/hardware-source";
import { nodeProcessRunner, type ProcessRunner } from "../hardware/process-runner";

// `npm run hardware [-- --nvidia-smi-csv FILE]`: the hardware report as JSON, for support and
// headless rigs. With a saved nvidia-smi output the GPU part is built from that file (the exact query
// is in the help text), so a user can send their file and get the same mapping the app would make.

const USAGE = `Usage: npm run hardware -- [--nvidia-smi-csv FILE]

Prints the hardware report (GPUs with their Akash model names and attributes, CPU, memory, disks, OS,
NVIDIA container runtime) as JSON.

  --nvidia-smi-csv FILE   build the GPU part from a saved output of
      nvidia-smi --query-gpu=index,name,pci.bus_id,pci.device_id,memory.total,driver_version,power.draw,power.limit,utilization.gpu,temperature.gpu,pcie.link.gen.max,pcie.link.width.max --format=csv,noheader,nounits
  --help                  this text`;

const MAX_FILE_BYTES = 1024 * 1024;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  source?: HardwareInfoSource;
  runner?: ProcessRunner;
  now?: () => Date;
}

/** Runs the CLI; returns the exit code (0 ok, 2 bad arguments or file). */
export async function runHardwareCli(argv: readonly string[], io: CliIo): Promise<number> {
  let csvPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      io.out(USAGE);
      return 0;
    }
    if (arg === "--nvidia-smi-csv" || arg.startsWith("--nvidia-smi-csv=")) {
      csvPath = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (!csvPath) {
        io.err("--nvidia-smi-csv needs a file name.\n\n" + USAGE);
        return 2;
      }
      continue;
    }
    io.err(`Unknown argument: ${arg}\n\n${USAGE}`);
    return 2;
  }
  let csv: string | undefined;
  if (csvPath !== undefined) {
    try {
      const size = statSync(csvPath).size;
      if (size > MAX_FILE_BYTES) {
        io.err(`${csvPath} is ${size} bytes: a saved nvidia-smi output is a few hundred bytes per GPU. Is it the right file?`);
        return 2;
      }
      csv = readFileSync(csvPath, "utf8");
    } catch (error) {
      io.err(`Cannot read ${csvPath}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const report = await buildHardwareReport({
    source: io.source ?? systeminformationHardwareSource,
    runner: io.runner ?? nodeProcessRunner,
    table: gpuTable,
    nvidiaSmiCsv: csv,
    overrides: new Map(),
    now: io.now ?? (() => new Date()),
  });
  io.out(JSON.stringify(report, null, 2));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const code = await runHardwareCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
  process.exitCode = code;
}
