import { describe, expect, it } from "vitest";
import { HardwareReport } from "../../../common/hardware-schemas";
import { gpuTable } from "../../../main/hardware/gpu-table";
import { buildHardwareReport } from "../../../main/hardware/hardware-report";
import type { HardwareInfoSource } from "../../../main/hardware/hardware-source";
import type { ProcessRunner } from "../../../main/hardware/process-runner";
import { exited, fakeRunner, fixture, gamingPc } from "./fakes";

const now = () => new Date("2026-11-21T12:00:00Z");

async function report(runner: ProcessRunner, source: HardwareInfoSource = gamingPc(), overrides = new Map()) {
  const r = await buildHardwareReport({ source, runner, table: gpuTable, overrides, now });
  expect(HardwareReport.safeParse(r).success).toBe(true);
  return r;
}

const withSmi = (csv: string, extra: Parameters<typeof fakeRunner>[0] = {}) =>
  fakeRunner({ "nvidia-smi --query-gpu": exited(csv), "nvidia-smi": exited(fixture("banner-cuda-12.4.txt")), "nvidia-ctk": exited("NVIDIA Container Toolkit CLI version 1.17.3"), ...extra });

describe("hardware report: GPUs from nvidia-smi", () => {
  it.each([
    ["rtx4090.csv", "rtx4090", "24Gi", "pcie"],
    ["rtx3090.csv", "rtx3090", "24Gi", "pcie"],
    ["a100-sxm4-40gb.csv", "a100", "40Gi", "sxm"],
    ["a100-pcie-80gb.csv", "a100", "80Gi", "pcie"],
    ["h100-sxm.csv", "h100", "80Gi", "sxm"],
  ])("%s → %s %s %s, ready, with its attributes", async (file, model, vram, iface) => {
    const r = await report(withSmi(fixture(file)), gamingPc({ graphics: async () => ({ controllers: [] }) }));
    expect(r.gpus).toHaveLength(1);
    const g = r.gpus[0]!;
    expect(g).toMatchObject({ vendor: "nvidia", model, vram, interface: iface, modelSource: "pci-table", index: 0 });
    expect(g.check.verdict).toBe("ready");
    expect(g.attributes).toEqual([
      { key: "capabilities/gpu", value: "nvidia" },
      { key: `capabilities/gpu/vendor/nvidia/model/${model}`, value: "true" },
      { key: `capabilities/gpu/vendor/nvidia/model/${model}/ram/${vram}`, value: "true" },
      { key: `capabilities/gpu/vendor/nvidia/model/${model}/interface/${iface}`, value: "true" },
      { key: `capabilities/gpu/vendor/nvidia/model/${model}/interface/${iface}/ram/${vram}`, value: "true" },
      { key: `capabilities/gpu/vendor/nvidia/model/${model}/ram/${vram}/interface/${iface}`, value: "true" },
    ]);
    expect(r.nvidiaSmi).toMatchObject({ status: "ok", cudaVersion: "12.4" });
    expect(r.gpuCheck.verdict).toBe("ready");
    expect(r.containerRuntime).toMatchObject({ nvidiaCtk: true, nvidiaContainerRuntime: false, check: { verdict: "ready" } });
    expect(r.overall).toBe("ready");
  });

  it("the RTX 4090 that systeminformation also lists is reported once, from nvidia-smi", async () => {
    const r = await report(withSmi(fixture("rtx4090.csv")));
    expect(r.gpus.map((g) => [g.busId, g.powerDrawWatts])).toEqual([["0000:01:00.0", 28.47]]);
  });

  it("a mining rig: every card, a merged attribute list without duplicates", async () => {
    const r = await report(withSmi(fixture("multi-gpu-rig.csv")), gamingPc({ graphics: async () => ({ controllers: [] }) }));
    expect(r.gpus.map((g) => g.model)).toEqual(["rtx3090", "rtx3090", "rtx3090", "rtx3080", "rtx4090d"]);
    expect(r.gpuCheck).toMatchObject({ verdict: "ready", message: "5 NVIDIA GPU(s) ready to offer: 3× rtx3090, 1× rtx3080, 1× rtx4090d." });
    const keys = r.gpuAttributes.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k === "capabilities/gpu")).toHaveLength(1);
    expect(keys).toContain("capabilities/gpu/vendor/nvidia/model/rtx3080/ram/10Gi/interface/pcie");
  });

  it("an 8× H100 server", async () => {
    const r = await report(withSmi(fixture("h100-8x.csv")), gamingPc({ graphics: async () => ({ controllers: [] }) }));
    expect(r.gpus).toHaveLength(8);
    expect(new Set(r.gpus.map((g) => `${g.model}/${g.vram}/${g.interface}`))).toEqual(new Set(["h100/80Gi/sxm"]));
    expect(new Set(r.gpus.map((g) => g.busId)).size).toBe(8);
  });

  it("an unknown card asks the user to choose, and the choice (keyed by bus id) is applied", async () => {
    const before = await report(withSmi(fixture("unknown-model.csv")), gamingPc({ graphics: async () => ({ controllers: [] }) }));
    expect(before.gpus[0]).toMatchObject({ model: null, modelSource: "unknown", attributes: [], check: { verdict: "needs_action" } });
    expect(before.gpus[0]!.check.action).toMatch(/Choose this card's model/);
    expect(before.overall).toBe("needs_action");
    const choice = { vendor: "nvidia" as const, model: "rtx5080", vram: "16Gi", interface: "pcie" as const };
    const after = await report(withSmi(fixture("unknown-model.csv")), gamingPc({ graphics: async () => ({ controllers: [] }) }), new Map([["0000:01:00.0", choice]]));
    expect(after.gpus[0]).toMatchObject({ model: "rtx5080", vram: "16Gi", modelSource: "override", check: { verdict: "ready" } });
    expect(after.gpus[0]!.attributes).toHaveLength(6);
  });

  it("an NVIDIA GPU without the container toolkit needs action", async () => {
    const r = await report(fakeRunner({ "nvidia-smi --query-gpu": exited(fixture("rtx4090.csv")) }));
    expect(r.containerRuntime.check).toMatchObject({ verdict: "needs_action" });
    expect(r.containerRuntime.check.action).toMatch(/Container Toolkit/);
    expect(r.nvidiaSmi.cudaVersion).toBeNull();
  });
});

describe("hardware report: when nvidia-smi is missing, broken or talks nonsense", () => {
  it("no nvidia-smi, but the OS sees the RTX 4090: the card is named from its PCI id, and the driver is what to fix", async () => {
    const r = await report(fakeRunner({}));
    expect(r.nvidiaSmi.status).toBe("not_found");
    expect(r.gpus).toHaveLength(1);
    expect(r.gpus[0]).toMatchObject({ vendor: "nvidia", model: "rtx4090", vram: "24Gi", busId: "0000:01:00.0", attributes: [], check: { verdict: "needs_action" } });
    expect(r.gpus[0]!.check.action).toMatch(/NVIDIA driver/);
    expect(r.gpuCheck.verdict).toBe("needs_action");
  });

  it("a machine with no GPU at all says so honestly", async () => {
    const r = await report(fakeRunner({}), gamingPc({ graphics: async () => ({ controllers: [{ vendor: "Red Hat, Inc.", model: "Virtio 1.0 GPU", vram: 16, busAddress: "00:02.0" }] }) }));
    expect(r.gpus).toEqual([]);
    expect(r.gpuCheck).toMatchObject({ verdict: "needs_action", message: "No GPU detected." });
    expect(r.containerRuntime.check).toMatchObject({ verdict: "ready", message: "Not needed without an NVIDIA GPU." });
  });

  it("a driver that is not loaded: nvidia-smi's own words, exit code and all", async () => {
    const r = await report(fakeRunner({ "nvidia-smi": exited(fixture("driver-failed.txt"), 9) }), gamingPc({ graphics: async () => ({ controllers: [] }) }));
    expect(r.nvidiaSmi.status).toBe("failed");
    expect(r.nvidiaSmi.message).toMatch(/couldn't communicate with the NVIDIA driver/);
    expect(r.gpuCheck.verdict).toBe("needs_action");
    expect(r.gpuCheck.message).toMatch(/No GPU detected: nvidia-smi failed/);
  });

  it("garbage output becomes a reason, and the OS's view of the card remains", async () => {
    const r = await report(fakeRunner({ "nvidia-smi --query-gpu": exited(fixture("garbage.txt")) }));
    expect(r.nvidiaSmi.status).toBe("failed");
    expect(r.nvidiaSmi.message).toMatch(/Could not read: line 1/);
    expect(r.gpus.map((g) => g.check.verdict)).toEqual(["needs_action"]);
  });

  it("partial output keeps the cards it could read", async () => {
    const r = await report(fakeRunner({ "nvidia-smi --query-gpu": exited(fixture("partial.csv")) }), gamingPc({ graphics: async () => ({ controllers: [] }) }));
    expect(r.gpus.map((g) => g.model)).toEqual(["rtx4090"]);
    expect(r.nvidiaSmi).toMatchObject({ status: "ok" });
    expect(r.nvidiaSmi.message).toMatch(/line 2/);
  });

  it("a runner that times out or throws is a reason too", async () => {
    const timeout = await report({ run: async () => ({ kind: "failed", message: "nvidia-smi did not finish within 5000 ms" }) }, gamingPc({ graphics: async () => ({ controllers: [] }) }));
    expect(timeout.nvidiaSmi).toMatchObject({ status: "failed", message: "nvidia-smi did not finish within 5000 ms" });
    const throwing = await report({ run: async () => Promise.reject(new Error("spawn EACCES")) }, gamingPc({ graphics: async () => ({ controllers: [] }) }));
    expect(throwing.nvidiaSmi.message).toMatch(/EACCES/);
    expect(throwing.containerRuntime.nvidiaCtk).toBe(false);
  });
});

describe("hardware report: AMD and Intel", () => {
  it("are listed, marked unsupported with the reason, and publish nothing", async () => {
    const r = await report(
      fakeRunner({}),
      gamingPc({
        graphics: async () => ({
          controllers: [
            { vendor: "Advanced Micro Devices, Inc. [AMD/ATI]", vendorId: "1002", model: "Navi 31 [Radeon RX 7900 XTX]", deviceId: "744c", busAddress: "03:00.0", vram: 24576 },
            { vendor: "Advanced Micro Devices, Inc. [AMD/ATI]", vendorId: "1002", model: "Vega 20 [Radeon Instinct MI60]", deviceId: "66a1", busAddress: "04:00.0", vram: 32768 },
            { vendor: "Intel Corporation", model: "Raptor Lake-S GT1 [UHD Graphics 770]", busAddress: "00:02.0", vram: 256 },
          ],
        }),
      }),
    );
    expect(r.gpus.map((g) => [g.vendor, g.check.verdict, g.attributes.length])).toEqual([
      ["amd", "unsupported", 0],
      ["amd", "unsupported", 0],
      ["intel", "unsupported", 0],
    ]);
    expect(r.gpus[1]).toMatchObject({ model: "mi60", vram: "32Gi", modelSource: "pci-table" });
    expect(r.gpus[0]!.check.message).toMatch(/only NVIDIA/);
    expect(r.gpuCheck).toMatchObject({ verdict: "unsupported" });
    expect(r.overall).toBe("unsupported");
  });
});

describe("hardware report: the rest of the machine", () => {
  it("disks carry free space, type and storage class; pseudo and boot filesystems are left out", async () => {
    const r = await report(fakeRunner({}));
    expect(r.disks.map((d) => [d.mount, d.type, d.storageClass, d.check.verdict])).toEqual([
      ["/", "nvme", "beta3", "ready"],
      ["/mnt/games", "hdd", "beta1", "ready"],
    ]);
  });

  it("NVMe partitions are beta3; a nearly full disk needs action; LVM falls back to the physical disks", async () => {
    const source = gamingPc({
      fsSize: async () => [
        { fs: "/dev/nvme0n1p2", type: "ext4", size: 1e12, available: 9e11, mount: "/" },
        { fs: "/dev/nvme1n1p1", type: "xfs", size: 1e12, available: 1e10, mount: "/data" },
        { fs: "/dev/mapper/vg-root", type: "ext4", size: 1e12, available: 5e11, mount: "/srv" },
      ],
      blockDevices: async () => [
        { name: "nvme0n1", type: "disk", physical: "SSD", size: 1e12 },
        { name: "nvme1n1", type: "disk", physical: "SSD", size: 1e12 },
      ],
      diskLayout: async () => [{ name: "WD SN850X", type: "NVMe", size: 1e12, interfaceType: "NVMe" }],
    });
    const r = await report(fakeRunner({}), source);
    expect(r.disks.map((d) => [d.mount, d.type, d.storageClass, d.check.verdict])).toEqual([
      ["/", "nvme", "beta3", "ready"],
      ["/data", "nvme", "beta3", "needs_action"],
      ["/srv", "nvme", "beta3", "ready"],
    ]);
  });

  it("CPU, memory, OS and VM checks", async () => {
    const r = await report(fakeRunner({}));
    expect(r.cpu).toMatchObject({ model: "AMD Ryzen 9 7950X", threads: 32, check: { verdict: "ready" } });
    expect(r.memory.check.verdict).toBe("ready");
    expect(r.os).toMatchObject({ distro: "Ubuntu", virtualMachine: false, cpuVirtualizationFlag: true, check: { verdict: "ready" } });

    const small = await report(
      fakeRunner({}),
      gamingPc({
        cpu: async () => ({ manufacturer: "Intel", brand: "Celeron", physicalCores: 2, cores: 2, virtualization: false }),
        mem: async () => ({ total: 8 * 2 ** 30, available: 2 ** 30 }),
        osInfo: async () => ({ platform: "win32", distro: "Microsoft Windows 11 Pro", release: "10.0.22631", kernel: "10.0.22631", arch: "x64" }),
        system: async () => ({ virtual: true, virtualHost: "Hyper-V" }),
      }),
    );
    expect([small.cpu.check.verdict, small.memory.check.verdict, small.os.check.verdict]).toEqual(["needs_action", "needs_action", "needs_action"]);
    expect(small.os.check.action).toMatch(/WSL2/);
    expect(small.os).toMatchObject({ virtualMachine: true, hypervisor: "Hyper-V" });
    const mac = await report(fakeRunner({}), gamingPc({ osInfo: async () => ({ platform: "darwin", distro: "macOS", release: "15.1", kernel: "24.1.0", arch: "arm64" }) }));
    expect(mac.os.check.verdict).toBe("unsupported");
  });

  it("every systeminformation call failing still gives a valid report", async () => {
    const broken = Object.fromEntries(Object.keys(gamingPc()).map((k) => [k, async () => Promise.reject(new Error("boom"))])) as unknown as HardwareInfoSource;
    const r = await report(fakeRunner({}), broken);
    expect(r.cpu.threads).toBe(0);
    expect(r.disks).toEqual([]);
    expect(r.overall).toBe("needs_action");
  });

  it("nonsense from systeminformation is tolerated", async () => {
    const weird = gamingPc({
      fsSize: async () => [null, { fs: 3, mount: "/" }, { fs: "/dev/sda1", type: "ext4", size: -1, available: 5, mount: "/" }] as never,
      graphics: async () => ({ controllers: "nope" }) as never,
      cpu: async () => ({ manufacturer: "", brand: "", physicalCores: Number.NaN, cores: -4, virtualization: false }),
    });
    const r = await report(fakeRunner({}), weird);
    expect(r.disks).toEqual([]);
    expect(r.gpus).toEqual([]);
    expect(r.cpu).toMatchObject({ model: "unknown", threads: 0 });
  });
});
