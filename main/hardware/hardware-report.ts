import type { Check, GpuModelChoice, HardwareReport, Verdict } from "../../common/hardware-schemas";
import { diskReports } from "./disk-report";
import { mergeAttributes } from "./gpu-attributes";
import { detectGpus, overallGpuCheck, type NvidiaSmiSource } from "./gpu-detect";
import type { GpuTable } from "./gpu-table";
import type { HardwareInfoSource } from "./hardware-source";
import { containerRuntime, cpuCheck, memoryCheck, osCheck, probeContainerRuntime } from "./host-checks";
import type { ProcessRunner } from "./process-runner";

// The whole hardware report: each part degrades to "unknown" on its own, never the whole report.

export interface ReportInputs {
  source: HardwareInfoSource;
  runner: ProcessRunner;
  table: GpuTable;
  /** Where the GPU part comes from: running nvidia-smi (default), or a saved output. */
  nvidiaSmiCsv?: string;
  overrides: ReadonlyMap<string, GpuModelChoice>;
  now: () => Date;
}

export async function buildHardwareReport(inputs: ReportInputs): Promise<HardwareReport> {
  const { source } = inputs;
  const fromFile = inputs.nvidiaSmiCsv !== undefined;
  const smi: NvidiaSmiSource = fromFile ? { kind: "file", csv: inputs.nvidiaSmiCsv! } : { kind: "run", runner: inputs.runner };
  // Everything at once: systeminformation, nvidia-smi and the toolkit probes are independent.
  const controllers = fromFile
    ? Promise.resolve([])
    : source
        .graphics()
        .then((g) => (Array.isArray(g?.controllers) ? g.controllers : []))
        .catch(() => []);
  const [os, system, cpu, mem, fs, blocks, layout, detection, probe] = await Promise.all([
    source.osInfo().catch(() => null),
    source.system().catch(() => null),
    source.cpu().catch(() => null),
    source.mem().catch(() => null),
    source.fsSize().catch(() => []),
    source.blockDevices().catch(() => []),
    source.diskLayout().catch(() => []),
    detectGpus(inputs.table, controllers, smi, inputs.overrides),
    probeContainerRuntime(inputs.runner),
  ]);
  const { gpus, nvidiaSmi } = detection;
  const runtime = containerRuntime(probe, gpus.some((g) => g.vendor === "nvidia"));
  const gpuCheck = overallGpuCheck(gpus, nvidiaSmi);
  const threads = nonNegativeInt(cpu?.cores);
  const osPart = { platform: os?.platform ?? process.platform, distro: os?.distro ?? "", release: os?.release ?? "", kernel: os?.kernel ?? "", arch: os?.arch ?? process.arch };
  const virtualMachine = system?.virtual === true;
  const hypervisor = virtualMachine ? system?.virtualHost || null : null;
  const disks = diskReports(Array.isArray(fs) ? fs : [], Array.isArray(blocks) ? blocks : [], Array.isArray(layout) ? layout : []);
  const report: Omit<HardwareReport, "overall"> = {
    collectedAt: inputs.now().toISOString(),
    gpus,
    gpuCheck,
    nvidiaSmi,
    gpuAttributes: mergeAttributes(gpus.map((g) => g.attributes)),
    cpu: { model: cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() || "unknown" : "unknown", threads, physicalCores: nonNegativeInt(cpu?.physicalCores), check: cpuCheck(threads) },
    memory: { totalBytes: nonNegative(mem?.total), availableBytes: nonNegative(mem?.available), check: memoryCheck(nonNegative(mem?.total)) },
    disks,
    os: { ...osPart, virtualMachine, hypervisor, cpuVirtualizationFlag: cpu?.virtualization === true, check: osCheck(osPart, virtualMachine, hypervisor) },
    containerRuntime: runtime,
  };
  const diskVerdict: Check = disks.length
    ? disks.reduce((best, d) => (rank(d.check.verdict) < rank(best.verdict) ? d.check : best), disks[0]!.check)
    : { verdict: "needs_action", message: "No local disk found.", action: null };
  const overall = worst([gpuCheck, report.cpu.check, report.memory.check, diskVerdict, report.os.check, runtime.check].map((c) => c.verdict));
  return { ...report, overall };
}

const RANK: Record<Verdict, number> = { ready: 0, needs_action: 1, unsupported: 2 };
function rank(v: Verdict): number {
  return RANK[v];
}

export function worst(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((w, v) => (rank(v) > rank(w) ? v : w), "ready");
}

function nonNegative(n: unknown): number {
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : 0;
}

function nonNegativeInt(n: unknown): number {
  return Math.floor(nonNegative(n));
}
