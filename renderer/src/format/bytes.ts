// Byte counts for people. Memory and VRAM are sold in binary units (a "24 GB" card has 24 GiB), disks
// in decimal ones (a "2 TB" SSD has 2·10^12 bytes): each figure is shown in the unit its label uses.

const BINARY_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;
const DECIMAL_UNITS = ["B", "kB", "MB", "GB", "TB", "PB"] as const;

export type ByteSystem = "binary" | "decimal";

/** "24 GiB", "1.5 TB", "512 B"; one decimal below 10 (dropped when it is .0); "unknown" for nonsense. */
export function formatBytes(bytes: number | null | undefined, system: ByteSystem = "binary"): string {
  if (typeof bytes !== "number" || !Number.isFinite(bytes) || bytes < 0) return "unknown";
  const base = system === "binary" ? 1024 : 1000;
  const units = system === "binary" ? BINARY_UNITS : DECIMAL_UNITS;
  let value = bytes;
  let unit = 0;
  while (value >= base && unit < units.length - 1) {
    value /= base;
    unit++;
  }
  // Rounding can carry into the next unit ("1023.96 KiB" → "1024 KiB"): step up instead.
  const rounded = unit === 0 ? Math.round(value) : value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  if (rounded >= base && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${rounded} ${units[unit]}`;
}

/** "12 of 64 GiB free" style fraction, both sides in the same system. */
export function formatBytesOf(part: number, whole: number, system: ByteSystem = "binary"): string {
  return `${formatBytes(part, system)} of ${formatBytes(whole, system)}`;
}
