import type { Check, GpuModelChoice, GpuReport, NvidiaSmiStatus } from "../../common/hardware-schemas";
import { gpuAttributes } from "./gpu-attributes";
import { resolveModel } from "./gpu-model";
import type { GpuTable } from "./gpu-table";
import type { GraphicsController } from "./hardware-source";
import { GPU_QUERY_ARGS, parseGpuQuery, type NvidiaGpuRow } from "./nvidia-smi-csv";
import { normalizeBusId } from "./pci-address";
import type { ProcessRunner, RunResult } from "./process-runner";

// GPU detection: nvidia-smi is the truth for NVIDIA cards (ids, memory, power); systeminformation adds
// the cards nvidia-smi cannot see (AMD, Intel, an NVIDIA card without a working driver).

export const NVIDIA_SMI_TIMEOUT_MS = 5_000;

export type NvidiaSmiSource = { kind: "run"; runner: ProcessRunner } | { kind: "file"; csv: string };

export interface GpuDetection {
  gpus: GpuReport[];
  nvidiaSmi: NvidiaSmiStatus;
}

export async function detectGpus(
  table: GpuTable,
  /** The OS's view of the display controllers (may still be in flight: both are read at once). */
  controllersSource: readonly GraphicsController[] | Promise<readonly GraphicsController[]>,
  smi: NvidiaSmiSource,
  overrides: ReadonlyMap<string, GpuModelChoice>,
): Promise<GpuDetection> {
  const [{ rows, status }, controllers] = await Promise.all([readNvidiaSmi(smi), controllersSource]);
  const gpus: GpuReport[] = rows.map((row) => fromNvidiaSmi(table, row, overrides, status));
  if (smi.kind === "run") {
    const seen = new Set(rows.map((r) => r.busId).filter(Boolean));
    for (const c of controllers) {
      if (isVirtualAdapter(c)) continue;
      const busId = normalizeBusId(c.busAddress ?? c.pciBus);
      if (busId && seen.has(busId)) continue;
      // Without bus ids (some platforms), an NVIDIA controller is assumed to be one nvidia-smi listed.
      if (!busId && vendorOf(c.vendorId ?? null, `${c.vendor} ${c.model}`) === "nvidia" && rows.length > 0) continue;
      gpus.push(fromController(table, c, busId, overrides, status));
    }
  }
  return { gpus, nvidiaSmi: status };
}

async function readNvidiaSmi(smi: NvidiaSmiSource): Promise<{ rows: NvidiaGpuRow[]; status: NvidiaSmiStatus }> {
  if (smi.kind === "file") {
    const parsed = parseGpuQuery(smi.csv);
    const problems = parsed.problems.length ? ` Skipped: ${parsed.problems.slice(0, 5).join("; ")}.` : "";
    const message = parsed.rows.length ? `Read ${parsed.rows.length} GPU(s) from the saved nvidia-smi output.${problems}` : `The saved nvidia-smi output lists no GPU.${problems}`;
    return { rows: parsed.rows, status: { status: "from_file", message, driverVersion: parsed.rows[0]?.driverVersion ?? null, cudaVersion: null } };
  }
  const [query, banner] = await Promise.all([
    safeRun(smi.runner, GPU_QUERY_ARGS),
    safeRun(smi.runner, []),
  ]);
  if (query.kind === "not_found") {
    return { rows: [], status: { status: "not_found", message: "nvidia-smi was not found: no NVIDIA driver is installed.", driverVersion: null, cudaVersion: null } };
  }
  if (query.kind === "failed") return { rows: [], status: { status: "failed", message: query.message, driverVersion: null, cudaVersion: null } };
  if (query.code !== 0) {
    const why = firstLine(query.stderr) || firstLine(query.stdout) || `exit code ${query.code}`;
    return { rows: [], status: { status: "failed", message: `nvidia-smi failed: ${why}`, driverVersion: null, cudaVersion: null } };
  }
  const parsed = parseGpuQuery(query.stdout);
  const cuda = banner.kind === "exited" ? /CUDA Version:\s*(\d+\.\d+)/.exec(banner.stdout)?.[1] ?? null : null;
  const problems = parsed.problems.length ? ` Could not read: ${parsed.problems.slice(0, 5).join("; ")}.` : "";
  return {
    rows: parsed.rows,
    status: {
      status: parsed.rows.length || !parsed.problems.length ? "ok" : "failed",
      message: `nvidia-smi lists ${parsed.rows.length} GPU(s).${problems}`,
      driverVersion: parsed.rows[0]?.driverVersion ?? null,
      cudaVersion: cuda,
    },
  };
}

async function safeRun(runner: ProcessRunner, args: string[]): Promise<RunResult> {
  try {
    return await runner.run("nvidia-smi", args, { timeoutMs: NVIDIA_SMI_TIMEOUT_MS });
  } catch (error) {
    return { kind: "failed", message: `nvidia-smi could not be run: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).find(Boolean)?.slice(0, 200) ?? "";
}

function fromNvidiaSmi(table: GpuTable, row: NvidiaGpuRow, overrides: ReadonlyMap<string, GpuModelChoice>, status: NvidiaSmiStatus): GpuReport {
  const resolved = resolveModel(table, { vendorId: row.pciVendorId, deviceId: row.pciDeviceId, name: row.name, memoryMiB: row.memoryMiB }, row.busId ? overrides.get(row.busId) : null);
  const sellable = resolved.model !== null && resolved.vram !== null && resolved.interface !== null;
  return {
    index: row.index,
    busId: row.busId,
    vendor: "nvidia",
    name: row.name,
    pciVendorId: row.pciVendorId,
    pciDeviceId: row.pciDeviceId,
    model: resolved.model,
    vram: resolved.vram,
    interface: resolved.interface,
    modelSource: resolved.source,
    memoryBytes: row.memoryMiB === null ? null : row.memoryMiB * 1024 * 1024,
    driverVersion: row.driverVersion,
    powerDrawWatts: row.powerDrawWatts,
    powerLimitWatts: row.powerLimitWatts,
    utilizationPct: row.utilizationPct,
    temperatureC: row.temperatureC,
    pcieGen: row.pcieGen,
    pcieWidth: row.pcieWidth,
    attributes: sellable ? gpuAttributes(resolved.model!, resolved.vram!, resolved.interface!) : [],
    check: nvidiaCheck(table, resolved, row.busId, status),
  };
}

function fromController(table: GpuTable, c: GraphicsController, busId: string | null, overrides: ReadonlyMap<string, GpuModelChoice>, status: NvidiaSmiStatus): GpuReport {
  const name = (c.name || c.model || "unknown GPU").trim();
  const vendor = vendorOf(c.vendorId ?? null, `${c.vendor} ${name}`);
  const vendorId = c.vendorId ? c.vendorId.toLowerCase().replace(/^0x/, "") : ({ nvidia: "10de", amd: "1002", intel: "8086", other: null } as const)[vendor];
  const deviceId = c.deviceId ? c.deviceId.toLowerCase().replace(/^0x/, "") : null;
  const memoryMiB = typeof c.vram === "number" && c.vram > 0 ? c.vram : null;
  const override = busId ? overrides.get(busId) : undefined;
  const resolved = vendor === "nvidia" || vendor === "amd" ? resolveModel(table, { vendorId, deviceId, name, memoryMiB }, override) : { model: null, vram: null, interface: null, source: "unknown" as const };
  let check: Check;
  if (vendor === "nvidia") {
    check = {
      verdict: "needs_action",
      message: `NVIDIA card found, but nvidia-smi cannot see it (${status.message})`,
      action: "Install (or repair) the NVIDIA driver, reboot, and check that `nvidia-smi` lists the card.",
    };
  } else {
    check = {
      verdict: "unsupported",
      message: `${vendor === "amd" ? "AMD" : vendor === "intel" ? "Intel" : "This"} GPU found. The Akash SDL accepts only NVIDIA GPUs today, so tenants cannot rent it.`,
      action: null,
    };
  }
  return {
    index: null,
    busId,
    vendor,
    name,
    pciVendorId: vendorId,
    pciDeviceId: deviceId,
    model: resolved.model,
    vram: resolved.vram,
    interface: resolved.interface,
    modelSource: resolved.source,
    memoryBytes: memoryMiB === null ? null : memoryMiB * 1024 * 1024,
    driverVersion: null,
    powerDrawWatts: null,
    powerLimitWatts: null,
    utilizationPct: null,
    temperatureC: null,
    pcieGen: null,
    pcieWidth: null,
    attributes: [],
    check,
  };
}

function nvidiaCheck(table: GpuTable, r: ReturnType<typeof resolveModel>, busId: string | null, status: NvidiaSmiStatus): Check {
  const pick = busId ? "Choose this card's model from the list of Akash GPU models." : "The card has no PCI address, so its model cannot be set by hand: update the NVIDIA driver.";
  if (!r.model) return { verdict: "needs_action", message: "The Akash model name of this card is unknown.", action: pick };
  if (!r.vram || !r.interface) return { verdict: "needs_action", message: `Model ${r.model}, but its memory size is unknown.`, action: pick };
  const what = `${r.model}, ${r.vram}, ${r.interface}${status.status === "from_file" ? ", read from the saved nvidia-smi output" : ""}`;
  switch (r.source) {
    case "pci-table":
      return { verdict: "ready", message: `${what} (from Akash's PCI id table).`, action: null };
    case "override":
      return { verdict: "ready", message: `${what} (chosen by you).`, action: null };
    default:
      return table.hasModel(r.model)
        ? { verdict: "ready", message: `${what} (matched by its name: the PCI id is not in Akash's table).`, action: null }
        : { verdict: "ready", message: `${what} (matched by its name; Akash's table does not list this model yet, so few orders will ask for it by name).`, action: "If the name is wrong, choose the model from the list." };
  }
}

export function vendorOf(vendorId: string | null, text: string): GpuReport["vendor"] {
  const id = vendorId?.toLowerCase().replace(/^0x/, "");
  if (id === "10de" || /nvidia/i.test(text)) return "nvidia";
  if (id === "1002" || /\b(amd|ati|radeon)\b/i.test(text)) return "amd";
  if (id === "8086" || /\bintel\b/i.test(text)) return "intel";
  return "other";
}

// Virtual display adapters (cloud VMs, remote desktops) are not GPUs anyone can rent out.
function isVirtualAdapter(c: GraphicsController): boolean {
  return /(virtio|vmware svga|cirrus|bochs|qxl|hyper-v|microsoft basic|llvmpipe|red hat, inc\. device|aspeed|matrox)/i.test(`${c.vendor} ${c.model}`);
}

/** The wizard's GPU line: what the machine can sell, or why not. */
export function overallGpuCheck(gpus: readonly GpuReport[], smi: NvidiaSmiStatus): Check {
  const nvidia = gpus.filter((g) => g.vendor === "nvidia");
  const ready = nvidia.filter((g) => g.check.verdict === "ready");
  if (gpus.length === 0) {
    if (smi.status === "failed") return { verdict: "needs_action", message: `No GPU detected: ${smi.message}`, action: "Repair the NVIDIA driver until `nvidia-smi` lists the card." };
    return {
      verdict: "needs_action",
      message: "No GPU detected.",
      action: "Akash GPU leases need an NVIDIA GPU with its driver installed. Without one, only CPU, memory and storage can be offered.",
    };
  }
  if (nvidia.length === 0) {
    return { verdict: "unsupported", message: "Only non-NVIDIA GPUs found. The Akash SDL accepts only NVIDIA GPUs today.", action: "Only CPU, memory and storage can be offered on this machine." };
  }
  const counts = new Map<string, number>();
  for (const g of ready) counts.set(g.model!, (counts.get(g.model!) ?? 0) + 1);
  const summary = [...counts].map(([m, n]) => `${n}× ${m}`).join(", ");
  if (ready.length === nvidia.length) return { verdict: "ready", message: `${ready.length} NVIDIA GPU(s) ready to offer: ${summary}.`, action: null };
  return {
    verdict: "needs_action",
    message: `${ready.length} of ${nvidia.length} NVIDIA GPU(s) ready${summary ? ` (${summary})` : ""}.`,
    action: "Resolve the cards marked below (unknown model or missing driver).",
  };
}
