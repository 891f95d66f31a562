import si from "systeminformation";
import type { SystemSummary } from "../../common/schemas";

/** The slice of systeminformation the summary reads; tests pass a recorded machine instead. */
export interface SystemInfoSource {
  osInfo(): Promise<{ platform: string; distro: string; release: string; kernel: string; arch: string; hostname: string }>;
  cpu(): Promise<{ manufacturer: string; brand: string; physicalCores: number; cores: number }>;
  mem(): Promise<{ total: number; available: number }>;
  diskLayout(): Promise<{ name: string; type: string; size: number; interfaceType?: string }[]>;
  graphics(): Promise<{ controllers: { vendor: string; model: string; vram: number | null; busAddress?: string }[] }>;
}

export const systeminformationSource: SystemInfoSource = si as unknown as SystemInfoSource;

/** The machine's real hardware summary. Each part degrades to empty on its own, never the whole. */
export async function collectSystemSummary(source: SystemInfoSource, now: () => Date): Promise<SystemSummary> {
  const [os, cpu, mem, disks, graphics] = await Promise.all([
    source.osInfo().catch(() => null),
    source.cpu().catch(() => null),
    source.mem().catch(() => null),
    source.diskLayout().catch(() => []),
    source.graphics().catch(() => ({ controllers: [] })),
  ]);
  return {
    hostname: os?.hostname ?? "unknown",
    os: {
      platform: os?.platform ?? process.platform,
      distro: os?.distro ?? "",
      release: os?.release ?? "",
      kernel: os?.kernel ?? "",
      arch: os?.arch ?? process.arch,
    },
    cpu: {
      model: cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() : "unknown",
      physicalCores: cpu?.physicalCores ?? 0,
      threads: cpu?.cores ?? 0,
    },
    memory: { totalBytes: mem?.total ?? 0, availableBytes: mem?.available ?? 0 },
    disks: disks.map((d) => ({ name: d.name || "disk", type: diskType(d), sizeBytes: Math.max(0, d.size || 0) })),
    gpus: graphics.controllers
      .filter((g) => isDiscreteOrCompute(g))
      .map((g) => ({
        vendor: g.vendor || "unknown",
        model: g.model || "unknown",
        vramBytes: typeof g.vram === "number" && g.vram > 0 ? g.vram * 1024 * 1024 : null,
        busId: g.busAddress ?? null,
      })),
    collectedAt: now().toISOString(),
  };
}

function diskType(d: { type: string; interfaceType?: string }): string {
  if (d.interfaceType === "NVMe") return "NVMe";
  return d.type || "unknown";
}

// Virtual display adapters (cloud VMs, remote desktops) are not GPUs anyone can rent out.
function isDiscreteOrCompute(g: { vendor: string; model: string }): boolean {
  const text = `${g.vendor} ${g.model}`.toLowerCase();
  return !/(virtio|vmware svga|cirrus|bochs|qxl|hyper-v|microsoft basic|llvmpipe)/.test(text);
}
