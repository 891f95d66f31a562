import type { CapacityAmounts, DesktopReserve } from "../../common/hardware-schemas";

// A desktop reserve may keep at most what the machine has: more would be a typo (GiB for MiB, a
// thread count from another PC) that silently stops all selling. The Pricing page checks the same
// before saving; this is the check for every other caller (API, bridge, a script).

const GiB = 2 ** 30;

/** The first way the reserve asks for more than this machine has, in words; null when it fits. */
export function reserveBeyondMachine(reserve: Partial<DesktopReserve>, detected: CapacityAmounts): string | null {
  const threads = Math.floor(detected.cpuMillis / 1000);
  if (reserve.cpuThreads != null && reserve.cpuThreads > threads) return `the desktop reserve keeps ${reserve.cpuThreads} CPU threads, but this machine has ${threads}`;
  if (reserve.memoryBytes != null && reserve.memoryBytes > detected.memoryBytes) return `the desktop reserve keeps ${gib(reserve.memoryBytes)} of memory, but this machine has ${gib(detected.memoryBytes)}`;
  if (reserve.diskBytes != null && reserve.diskBytes > detected.storageBytes) return `the desktop reserve keeps ${gib(reserve.diskBytes)} of disk, but the storage path's filesystem has ${gib(detected.storageBytes)} free`;
  return null;
}

function gib(bytes: number): string {
  return `${Math.round((bytes / GiB) * 10) / 10} GiB`;
}
