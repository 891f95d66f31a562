import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { HardwareInfoSource } from "../../../main/hardware/hardware-source";
import type { ProcessRunner, RunResult } from "../../../main/hardware/process-runner";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/nvidia-smi/", import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, "utf8");
}

/**
 * Answers by "command --arg-prefix" (the most specific key wins) or by the bare command; anything
 * unlisted is "not found", like a tool that is not installed. Records every call.
 */
export function fakeRunner(answers: Record<string, RunResult | ((args: readonly string[]) => RunResult)>): ProcessRunner & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async run(command, args) {
      calls.push([command, ...args].join(" "));
      const first = args[0] ?? "";
      const keys = Object.keys(answers).filter((key) => {
        const [cmd, prefix] = key.split(" ");
        return cmd === command && (prefix === undefined || first.startsWith(prefix));
      });
      const key = keys.sort((a, b) => b.length - a.length)[0];
      if (key === undefined) return { kind: "not_found" };
      const answer = answers[key]!;
      return typeof answer === "function" ? answer(args) : answer;
    },
  };
}

export const exited = (stdout: string, code = 0, stderr = ""): RunResult => ({ kind: "exited", code, stdout, stderr });

/** A gaming PC: Ryzen 16 cores / 32 threads, 64 GiB, an NVMe system disk and a SATA HDD for games. */
export function gamingPc(overrides: Partial<HardwareInfoSource> = {}): HardwareInfoSource {
  return {
    osInfo: async () => ({ platform: "linux", distro: "Ubuntu", release: "24.04.1 LTS", kernel: "6.8.0-49-generic", arch: "x64" }),
    system: async () => ({ virtual: false }),
    cpu: async () => ({ manufacturer: "AMD", brand: "Ryzen 9 7950X", physicalCores: 16, cores: 32, virtualization: true }),
    mem: async () => ({ total: 64 * 2 ** 30, available: 50 * 2 ** 30 }),
    fsSize: async () => [
      { fs: "/dev/nvme0n1p2", type: "ext4", size: 1.9e12, available: 1.2e12, mount: "/" },
      { fs: "/dev/nvme0n1p1", type: "vfat", size: 5e8, available: 4e8, mount: "/boot/efi" },
      { fs: "/dev/sda1", type: "ext4", size: 4e12, available: 3e12, mount: "/mnt/games" },
      { fs: "tmpfs", type: "tmpfs", size: 3e10, available: 3e10, mount: "/run" },
      { fs: "/dev/loop3", type: "squashfs", size: 1e8, available: 0, mount: "/snap/core/1" },
    ],
    blockDevices: async () => [
      { name: "nvme0n1", type: "disk", physical: "SSD", size: 2e12 },
      { name: "nvme0n1p1", type: "part", physical: "", size: 5e8 },
      { name: "nvme0n1p2", type: "part", physical: "", size: 1.9e12 },
      { name: "sda", type: "disk", physical: "HDD", size: 4e12 },
      { name: "sda1", type: "part", physical: "", size: 4e12 },
    ],
    diskLayout: async () => [
      { name: "Samsung SSD 990 PRO 2TB", type: "NVMe", size: 2e12, interfaceType: "NVMe" },
      { name: "ST4000DM004", type: "HD", size: 4e12, interfaceType: "SATA" },
    ],
    graphics: async () => ({ controllers: [{ vendor: "NVIDIA Corporation", vendorId: "10de", model: "AD102 [GeForce RTX 4090]", deviceId: "2684", busAddress: "01:00.0", vram: 24564 }] }),
    processes: async () => ({ list: [] }),
    ...overrides,
  };
}
