import { describe, expect, it } from "vitest";
import { resolveModel } from "../../../main/hardware/gpu-model";
import { modelFromName } from "../../../main/hardware/gpu-name-model";
import { gpuTable } from "../../../main/hardware/gpu-table";

// Cards whose PCI id the table lacks are matched by the name the driver reports.
const byName = (name: string, memoryMiB: number | null = null) => resolveModel(gpuTable, { vendorId: "10de", deviceId: "ffff", name, memoryMiB });

describe("name-based model fallback", () => {
  it.each([
    ["NVIDIA GeForce RTX 4090", 24564, "rtx4090", "24Gi", "pcie"],
    ["NVIDIA H100 80GB HBM3", 81559, "h100", "80Gi", "sxm"],
    ["NVIDIA H100 PCIe", 81559, "h100", "80Gi", "pcie"],
    ["NVIDIA GeForce RTX 3090 Ti", 24564, "rtx3090ti", "24Gi", "pcie"],
    ["NVIDIA GeForce RTX 4070 SUPER", 12282, "rtx4070s", "12Gi", "pcie"],
    ["NVIDIA GeForce RTX 4080 SUPER", 16376, "rtx4080s", "16Gi", "pcie"],
    ["NVIDIA GeForce GTX 1660 Ti", 6144, "gtx1660ti", "6Gi", "pcie"],
    ["NVIDIA GeForce GTX 1650 SUPER", 4096, "gtx1650s", "4Gi", "pcie"],
    ["NVIDIA GeForce RTX 3060 Laptop GPU", 6144, "rtx3060m", "6Gi", "pcie"],
    ["NVIDIA A100-SXM4-40GB", 40960, "a100", "40Gi", "sxm"],
    ["NVIDIA A100 80GB PCIe", 81920, "a100", "80Gi", "pcie"],
    ["Tesla V100-SXM2-16GB", 16160, "v100", "16Gi", "sxm"],
    ["Tesla T4", 15360, "t4", "16Gi", "pcie"],
    ["NVIDIA H200", 143771, "h200", "141Gi", "sxm"],
    ["NVIDIA H200 NVL", 143771, "h200nvl", "141Gi", "pcie"],
    ["NVIDIA RTX A6000", 49140, "rtxa6000", "48Gi", "pcie"],
    ["NVIDIA RTX 4000 Ada Generation", 20475, "rtx4000ada", "20Gi", "pcie"],
    ["NVIDIA RTX 4000 SFF Ada Generation", 20475, "rtx4000sada", "20Gi", "pcie"],
    ["NVIDIA RTX 2000E Ada Generation", 16380, "rtx2000eada", "16Gi", "pcie"],
    ["NVIDIA RTX PRO 6000 Blackwell Workstation Edition", 97887, "pro6000we", "96Gi", "pcie"],
    ["NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition", 97887, "pro6000mq", "96Gi", "pcie"],
    ["Quadro RTX 8000", 49152, "rtx8000", "48Gi", "pcie"],
    ["Quadro P4000", 8192, "p4000", "8Gi", "pcie"],
    ["NVIDIA GeForce GT 1030", 2048, "gt1030", "2Gi", "pcie"],
    ["NVIDIA GeForce MX150", 2048, "mx150", "2Gi", "pcie"],
  ])("%s → %s", (name, mib, model, vram, iface) => {
    expect(byName(name, mib)).toEqual({ model, vram, interface: iface, source: "name" });
  });

  it("names a model the table does not know yet, with the card's own memory size", () => {
    expect(byName("NVIDIA GeForce RTX 4090 D", 24564)).toEqual({ model: "rtx4090d", vram: "24Gi", interface: "pcie", source: "name" });
    expect(byName("NVIDIA L40S", 46068)).toEqual({ model: "l40s", vram: "45Gi", interface: "pcie", source: "name" });
  });

  it("leaves the memory open when neither the name nor the driver tells it", () => {
    expect(byName("NVIDIA L4", null)).toEqual({ model: "l4", vram: null, interface: "pcie", source: "name" });
  });

  it("says unknown, not a guess, for names it cannot read", () => {
    for (const name of ["NVIDIA Graphics Device", "", "   ", "Device 2b8c", "Microsoft Basic Display Adapter", "💥"]) {
      expect(byName(name, 16384), name).toEqual({ model: null, vram: null, interface: null, source: "unknown" });
    }
  });

  it("lets a user's choice win over table and name", () => {
    const choice = { vendor: "nvidia" as const, model: "a100", vram: "80Gi", interface: "sxm" as const };
    expect(resolveModel(gpuTable, { vendorId: "10de", deviceId: "2684", name: "NVIDIA GeForce RTX 4090", memoryMiB: 24564 }, choice)).toEqual({ model: "a100", vram: "80Gi", interface: "sxm", source: "override" });
  });

  it("never throws on arbitrary text", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = "RTXGTXAHL0123456789 -_/sSuperTiLaptopSXMPCIeHBM3GB()™®\u0000é";
    for (let i = 0; i < 3000; i++) {
      const name = Array.from({ length: Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      const hint = modelFromName(name);
      if (hint) expect(hint.model).toMatch(/^[a-z0-9]+$/);
      const r = byName(name, Math.floor(rand() * 200_000));
      if (r.vram !== null) expect(r.vram).toMatch(/^[1-9]\d*Gi$/);
    }
  });
});
