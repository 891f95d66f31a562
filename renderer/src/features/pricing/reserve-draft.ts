// Types only from the schemas: zod stays out of the renderer bundle (see draft.ts).
import { defaultReserve, GiB } from "../../../../common/desktop-reserve";
import type { CapacityAmounts, CapacityInventory, DesktopReserve } from "../../../../common/hardware-schemas";

// The desktop reserve card's draft and live preview. The owner types text ("" = the default for this
// machine); parseReserveDraft turns it into the reserve to save or per-field errors (nothing is saved
// while one is wrong, and the typed text stays); previewReserve shows, from the capacity report and
// the draft, what each resource would split into: kept for you + held by bids/leases + free to sell.
// Pure, unit-tested; the same default formula as the hardware service's ledger (common/desktop-reserve).

export interface ReserveDraft {
  cpuThreads: string;
  memoryGiB: string;
  diskGiB: string;
}
export type ReserveField = keyof ReserveDraft;
export type ReserveErrors = Partial<Record<ReserveField, string>>;
export type ReserveDraftResult = { ok: true; reserve: DesktopReserve } | { ok: false; errors: ReserveErrors };

const GIB = BigInt(GiB);
/** Sizes are typed in GiB with at most three decimals: "16", "7.5". */
const GIB_TEXT = /^(\d{1,7})(?:\.(\d{1,3}))?$/;

/** Bytes → GiB text, exact when whole, else rounded to three decimals; null → "" (the default). */
export function bytesToGiBText(bytes: number | null): string {
  if (bytes === null) return "";
  const thousandths = (BigInt(bytes) * 1000n + GIB / 2n) / GIB;
  const whole = thousandths / 1000n;
  const frac = String(thousandths % 1000n).padStart(3, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** "7.5" → bytes (rounded down to a whole byte); null when it is not a size in GiB. */
export function giBTextToBytes(text: string): number | null {
  const match = GIB_TEXT.exec(text.trim());
  if (!match) return null;
  const thousandths = BigInt(match[1]!) * 1000n + BigInt((match[2] ?? "").padEnd(3, "0"));
  return Number((thousandths * GIB) / 1000n);
}

export function toReserveDraft(reserve: DesktopReserve): ReserveDraft {
  return {
    cpuThreads: reserve.cpuThreads === null ? "" : String(reserve.cpuThreads),
    memoryGiB: bytesToGiBText(reserve.memoryBytes),
    diskGiB: bytesToGiBText(reserve.diskBytes),
  };
}

function looksNegative(text: string): boolean {
  return /^-\s*\d/.test(text);
}

/**
 * The draft as the reserve to save, checked against what this PC has (the capacity report's detected).
 * A value left as saved (`saved`) is not held against today's figures: free disk shrinks as it fills,
 * and a disk reserve saved last month must not block saving a new CPU reserve.
 */
export function parseReserveDraft(draft: ReserveDraft, capacity: Pick<CapacityInventory, "detected" | "storagePath">, saved?: ReserveDraft): ReserveDraftResult {
  const errors: ReserveErrors = {};
  const unchanged = (field: ReserveField) => saved !== undefined && draft[field].trim() === saved[field];
  const threadsDetected = Math.floor(capacity.detected.cpuMillis / 1000);

  let cpuThreads: number | null = null;
  const cpu = draft.cpuThreads.trim();
  if (cpu !== "") {
    if (looksNegative(cpu)) errors.cpuThreads = "A reserve cannot be negative: enter 0 to keep no CPU thread for yourself.";
    else if (!/^\d{1,6}$/.test(cpu)) errors.cpuThreads = "Enter a whole number of CPU threads, or leave it empty for the default.";
    else if (Number(cpu) > threadsDetected && !unchanged("cpuThreads")) errors.cpuThreads = `This PC has ${threadsDetected} CPU thread${threadsDetected === 1 ? "" : "s"}: you can keep at most ${threadsDetected}.`;
    else cpuThreads = Number(cpu);
  }

  const size = (field: "memoryGiB" | "diskGiB", limit: number, tooMuch: string): number | null => {
    const text = draft[field].trim();
    if (text === "") return null;
    if (looksNegative(text)) {
      errors[field] = "A reserve cannot be negative: enter 0 to keep none for yourself.";
      return null;
    }
    const bytes = giBTextToBytes(text);
    if (bytes === null) {
      errors[field] = 'Enter a size in GiB such as "16" or "7.5", or leave it empty for the default.';
      return null;
    }
    if (bytes > limit && !unchanged(field)) {
      errors[field] = tooMuch;
      return null;
    }
    return bytes;
  };
  const memoryBytes = size("memoryGiB", capacity.detected.memoryBytes, `This PC has ${bytesToGiBText(capacity.detected.memoryBytes)} GiB of memory: you can keep at most that.`);
  const diskBytes = size("diskGiB", capacity.detected.storageBytes, `Only ${bytesToGiBText(capacity.detected.storageBytes)} GiB is free on ${capacity.storagePath}: you can keep at most that.`);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, reserve: { cpuThreads, memoryBytes, diskBytes } };
}

export type ResourceKey = "cpu" | "memory" | "disk" | "gpu";

/** One resource of the capacity picture, in its base unit (CPU in millis, sizes in bytes, GPUs). */
export interface ResourceSplit {
  key: ResourceKey;
  detected: number;
  /** Kept for the owner under the draft (the effective amount: the default where the draft is empty). */
  reserved: number;
  /** Held by pending bids and active leases. */
  held: number;
  /** Free to sell under the draft: detected − reserved − held, never below zero. */
  free: number;
  /** Free to sell now, under the saved reserve. */
  freeNow: number;
  /** The draft leaves this amount at the machine's default. */
  isDefault: boolean;
}

/** The effective defaults of this machine, in the capacity report's units. */
export function machineDefaults(detected: CapacityAmounts): { cpuMillis: number; memoryBytes: number; storageBytes: number } {
  const d = defaultReserve({ cpuThreads: Math.floor(detected.cpuMillis / 1000), memoryBytes: detected.memoryBytes });
  return { cpuMillis: d.cpuThreads * 1000, memoryBytes: d.memoryBytes, storageBytes: d.diskBytes };
}

/**
 * How each resource splits under `reserve` (the valid draft; null = the saved reserve, e.g. while the
 * draft has an error). GPUs have no reserve: a card is either sellable or not (hardware report).
 */
export function previewReserve(capacity: CapacityInventory, reserve: DesktopReserve | null): ResourceSplit[] {
  const { detected, held, free } = capacity;
  const defaults = machineDefaults(detected);
  const split = (key: ResourceKey, amount: "cpuMillis" | "memoryBytes" | "storageBytes", drafted: number | null | undefined): ResourceSplit => {
    const reserved = reserve === null ? capacity.reserve[amount] : (drafted ?? defaults[amount]);
    return {
      key,
      detected: detected[amount],
      reserved,
      held: held[amount],
      free: Math.max(0, detected[amount] - reserved - held[amount]),
      freeNow: free[amount],
      isDefault: reserve !== null && (drafted === null || drafted === undefined),
    };
  };
  return [
    split("cpu", "cpuMillis", reserve && (reserve.cpuThreads === null ? null : reserve.cpuThreads * 1000)),
    split("memory", "memoryBytes", reserve?.memoryBytes),
    split("disk", "storageBytes", reserve?.diskBytes),
    { key: "gpu", detected: detected.gpus, reserved: 0, held: held.gpus, free: free.gpus, freeNow: free.gpus, isDefault: false },
  ];
}

/**
 * The stacked bar's three segments in thousandths of its length. The length is the larger of what
 * was detected and what is kept + held (a reserve plus holdings can exceed a shrunken disk), so the
 * segments never overflow and always add up to 1000 when there is anything at all.
 */
export function barSegments(split: Pick<ResourceSplit, "detected" | "reserved" | "held" | "free">): { reserved: number; held: number; free: number } {
  const total = Math.max(split.detected, split.reserved + split.held + split.free);
  if (total <= 0) return { reserved: 0, held: 0, free: 0 };
  const reserved = Math.round((split.reserved / total) * 1000);
  if (split.free > 0) {
    const held = Math.min(1000 - reserved, Math.round((split.held / total) * 1000));
    return { reserved, held, free: 1000 - reserved - held };
  }
  // Nothing free: the rounding remainder goes to whichever of the other two has anything.
  if (split.held > 0) return { reserved, held: 1000 - reserved, free: 0 };
  return split.reserved > 0 ? { reserved: 1000, held: 0, free: 0 } : { reserved: 0, held: 0, free: 0 };
}
