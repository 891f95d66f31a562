import type { SystemInfoSource } from "../../main/system/system-info";

/** A recorded gaming PC: one RTX 4090, an NVMe disk. For tests that need stable hardware. */
export const gamingPc: SystemInfoSource = {
  osInfo: async () => ({ platform: "linux", distro: "Ubuntu", release: "24.04", kernel: "6.8.0", arch: "x64", hostname: "rig-1" }),
  cpu: async () => ({ manufacturer: "AMD", brand: "Ryzen 9 7950X", physicalCores: 16, cores: 32 }),
  mem: async () => ({ total: 64 * 2 ** 30, available: 48 * 2 ** 30 }),
  diskLayout: async () => [{ name: "Samsung SSD 990 PRO 2TB", type: "SSD", size: 2e12, interfaceType: "NVMe" }],
  graphics: async () => ({ controllers: [{ vendor: "NVIDIA", model: "GeForce RTX 4090", vram: 24564, busAddress: "01:00.0" }] }),
};
