import { normalizeBusId, splitPciDeviceId } from "./pci-address";

// Parsers for nvidia-smi's `--format=csv,noheader,nounits` output. Each line is one record; values
// nvidia-smi cannot give read "[N/A]" or "[Not Supported]" and become null. A bad line becomes a
// problem with its line number, never a throw: a user's saved file may be truncated or edited.

/** The exact query the app runs (and the CLI accepts as a saved file). */
export const GPU_QUERY_FIELDS = [
  "index",
  "name",
  "pci.bus_id",
  "pci.device_id",
  "memory.total",
  "driver_version",
  "power.draw",
  "power.limit",
  "utilization.gpu",
  "temperature.gpu",
  "pcie.link.gen.max",
  "pcie.link.width.max",
] as const;

export const GPU_QUERY_ARGS = [`--query-gpu=${GPU_QUERY_FIELDS.join(",")}`, "--format=csv,noheader,nounits"];

/** What the sampler asks every tick: only what changes. */
export const SAMPLE_QUERY_FIELDS = ["index", "pci.bus_id", "power.draw", "utilization.gpu", "temperature.gpu"] as const;
export const SAMPLE_QUERY_ARGS = [`--query-gpu=${SAMPLE_QUERY_FIELDS.join(",")}`, "--format=csv,noheader,nounits"];

export const COMPUTE_APPS_ARGS = ["--query-compute-apps=pid,process_name,used_memory", "--format=csv,noheader,nounits"];

export interface CsvParse<T> {
  rows: T[];
  problems: string[];
}

export interface NvidiaGpuRow {
  index: number;
  name: string;
  busId: string | null;
  pciVendorId: string | null;
  pciDeviceId: string | null;
  memoryMiB: number | null;
  driverVersion: string | null;
  powerDrawWatts: number | null;
  powerLimitWatts: number | null;
  utilizationPct: number | null;
  temperatureC: number | null;
  pcieGen: number | null;
  pcieWidth: number | null;
}

export interface NvidiaSampleRow {
  index: number;
  busId: string | null;
  powerDrawWatts: number | null;
  utilizationPct: number | null;
  temperatureC: number | null;
}

export interface ComputeAppRow {
  pid: number;
  processName: string;
  usedMemoryMiB: number | null;
}

const MAX_LINES = 1024;
const MAX_LINE_LENGTH = 4096;

/** Splits into fields; a free-text field (the name) may itself hold commas, so extra fields are joined back into it. */
function splitLine(line: string, expected: number, textField: number): string[] | null {
  const parts = line.split(",").map((p) => p.trim());
  if (parts.length === expected) return parts;
  if (parts.length < expected || textField < 0) return null;
  const extra = parts.length - expected;
  return [...parts.slice(0, textField), parts.slice(textField, textField + extra + 1).join(", "), ...parts.slice(textField + extra + 1)];
}

function parseLines<T>(text: string, expected: number, textField: number, build: (fields: string[]) => T | string): CsvParse<T> {
  const rows: T[] = [];
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let counted = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (++counted > MAX_LINES) {
      problems.push(`more than ${MAX_LINES} lines: the rest is ignored`);
      break;
    }
    if (line.length > MAX_LINE_LENGTH) {
      problems.push(`line ${i + 1}: longer than ${MAX_LINE_LENGTH} characters`);
      continue;
    }
    const fields = splitLine(line, expected, textField);
    if (!fields) {
      problems.push(`line ${i + 1}: expected ${expected} comma-separated fields, got ${line.split(",").length}`);
      continue;
    }
    const built = build(fields);
    if (typeof built === "string") problems.push(`line ${i + 1}: ${built}`);
    else rows.push(built);
  }
  return { rows, problems };
}

const NOT_AVAILABLE = /^\[?(n\/a|not supported|unknown error|insufficient permissions|gpu is lost|requires root)\]?$/i;

function optionalText(value: string): string | null {
  return value === "" || NOT_AVAILABLE.test(value) ? null : value;
}

/** A number, or null for N/A; undefined when the field holds something that is neither. */
function optionalNumber(value: string): number | null | undefined {
  if (optionalText(value) === null) return null;
  if (!/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function index(value: string): number | string {
  return /^\d{1,3}$/.test(value) ? Number(value) : `the GPU index "${clip(value)}" is not a number`;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** Reads numeric fields; the first one that is garbage becomes the line's problem. */
function numbers<K extends string>(spec: Record<K, string>, ranges: Partial<Record<K, [number, number]>> = {}): Record<K, number | null> | string {
  const out = {} as Record<K, number | null>;
  for (const key of Object.keys(spec) as K[]) {
    const n = optionalNumber(spec[key]);
    if (n === undefined) return `${key} "${clip(spec[key])}" is not a number`;
    const range = ranges[key];
    if (n !== null && range && (n < range[0] || n > range[1])) return `${key} ${n} is out of range`;
    out[key] = n;
  }
  return out;
}

export function parseGpuQuery(text: string): CsvParse<NvidiaGpuRow> {
  return parseLines(text, GPU_QUERY_FIELDS.length, 1, (f) => {
    const idx = index(f[0]!);
    if (typeof idx === "string") return idx;
    const name = optionalText(f[1]!);
    if (!name) return "the GPU name is missing";
    const ids = splitPciDeviceId(f[3]);
    if (optionalText(f[3]!) && !ids) return `pci.device_id "${clip(f[3]!)}" is not like 0x268410DE`;
    const busId = normalizeBusId(f[2]);
    if (optionalText(f[2]!) && !busId) return `pci.bus_id "${clip(f[2]!)}" is not a PCI address`;
    const n = numbers(
      { memory: f[4]!, powerDraw: f[6]!, powerLimit: f[7]!, util: f[8]!, temp: f[9]!, gen: f[10]!, width: f[11]! },
      { memory: [0, 16 * 1024 * 1024], powerDraw: [0, 10_000], powerLimit: [0, 10_000], util: [0, 100], temp: [-100, 200], gen: [0, 16], width: [0, 64] },
    );
    if (typeof n === "string") return n;
    return {
      index: idx,
      name,
      busId,
      pciVendorId: ids?.vendorId ?? null,
      pciDeviceId: ids?.deviceId ?? null,
      memoryMiB: n.memory,
      driverVersion: optionalText(f[5]!),
      powerDrawWatts: n.powerDraw,
      powerLimitWatts: n.powerLimit,
      utilizationPct: n.util,
      temperatureC: n.temp,
      pcieGen: n.gen === null ? null : Math.trunc(n.gen),
      pcieWidth: n.width === null ? null : Math.trunc(n.width),
    };
  });
}

export function parseSampleQuery(text: string): CsvParse<NvidiaSampleRow> {
  return parseLines(text, SAMPLE_QUERY_FIELDS.length, -1, (f) => {
    const idx = index(f[0]!);
    if (typeof idx === "string") return idx;
    const n = numbers({ powerDraw: f[2]!, util: f[3]!, temp: f[4]! }, { powerDraw: [0, 10_000], util: [0, 100], temp: [-100, 200] });
    if (typeof n === "string") return n;
    return { index: idx, busId: normalizeBusId(f[1]), powerDrawWatts: n.powerDraw, utilizationPct: n.util, temperatureC: n.temp };
  });
}

export function parseComputeApps(text: string): CsvParse<ComputeAppRow> {
  return parseLines(text, 3, 1, (f) => {
    if (!/^\d{1,10}$/.test(f[0]!)) return `pid "${clip(f[0]!)}" is not a number`;
    const mem = optionalNumber(f[2]!);
    if (mem === undefined) return `used_memory "${clip(f[2]!)}" is not a number`;
    return { pid: Number(f[0]), processName: f[1] || "unknown", usedMemoryMiB: mem };
  });
}
