// The desktop reserve's defaults for a machine: what the owner keeps for gaming and desktop use when
// they have not set an amount. One formula for both sides: the hardware service's capacity ledger
// (main/hardware/capacity.ts) and the Pricing page's live preview, which must show the default the
// ledger will apply when a field is left empty.

export const GiB = 2 ** 30;

export interface ReserveDefaults {
  cpuThreads: number;
  memoryBytes: number;
  diskBytes: number;
}

/** A quarter of the CPU (at least 2 threads), a quarter of memory (at least 8 GiB), 100 GiB of disk. */
export function defaultReserve(detected: { cpuThreads: number; memoryBytes: number }): ReserveDefaults {
  return {
    cpuThreads: Math.max(2, Math.ceil(detected.cpuThreads / 4)),
    memoryBytes: Math.max(8 * GiB, Math.ceil(detected.memoryBytes / 4)),
    diskBytes: 100 * GiB,
  };
}
