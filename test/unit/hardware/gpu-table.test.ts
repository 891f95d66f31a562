import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ATTRIBUTE_KEY } from "../../../main/hardware/gpu-attributes";
import { detectGpus } from "../../../main/hardware/gpu-detect";
import { resolveModel } from "../../../main/hardware/gpu-model";
import { GpuTable, gpuTable, normalizeInterface } from "../../../main/hardware/gpu-table";
import { sharedPath } from "../../support/shared";

const SHARED = sharedPath("data/gpus.json");
const COPY = fileURLToPath(new URL("../../../main/hardware/data/gpus.json", import.meta.url));
const raw = JSON.parse(readFileSync(COPY, "utf8")) as Record<string, { name: string; devices: Record<string, { name: string; interface: string; memory_size: string }> }>;
const allEntries = Object.entries(raw).flatMap(([vendorId, v]) => Object.entries(v.devices).map(([deviceId, d]) => ({ vendorId, deviceId, ...d })));

describe("the shipped GPU table", () => {
  it.skipIf(!existsSync(SHARED))("is byte-for-byte the project's shared gpus.json (so it cannot drift)", () => {
    expect(readFileSync(COPY)).toEqual(readFileSync(SHARED));
  });

  it("loads every entry of gpus.json", () => {
    expect(allEntries.length).toBeGreaterThan(90);
    expect(gpuTable.entries).toHaveLength(allEntries.length);
  });

  it("maps every entry of gpus.json by PCI id to its model, memory and interface", () => {
    for (const e of allEntries) {
      const resolved = resolveModel(gpuTable, { vendorId: e.vendorId, deviceId: e.deviceId, name: "whatever the driver says", memoryMiB: null });
      expect(resolved, `${e.vendorId}:${e.deviceId}`).toEqual({ model: e.name, vram: e.memory_size, interface: normalizeInterface(e.interface), source: "pci-table" });
    }
  });

  it("maps every NVIDIA entry through nvidia-smi's own 0x<device><vendor> id form, in upper case, to publishable attributes", async () => {
    const nvidia = allEntries.filter((e) => e.vendorId === "10de");
    const csv = nvidia
      .map((e, i) => `${i}, NVIDIA Some Card, 00000000:${(i + 1).toString(16).padStart(2, "0")}:00.0, 0x${e.deviceId.toUpperCase()}${e.vendorId.toUpperCase()}, 8192, 550.54.14, 10.00, 100.00, 0, 30, 4, 16`)
      .join("\n");
    const { gpus } = await detectGpus(gpuTable, [], { kind: "file", csv }, new Map());
    expect(gpus).toHaveLength(nvidia.length);
    gpus.forEach((g, i) => {
      const e = nvidia[i]!;
      const iface = normalizeInterface(e.interface)!;
      expect([g.model, g.vram, g.interface, g.modelSource]).toEqual([e.name, e.memory_size, iface, "pci-table"]);
      expect(g.check.verdict).toBe("ready");
      const keys = g.attributes.map((a) => a.key);
      const base = `capabilities/gpu/vendor/nvidia/model/${e.name}`;
      expect(keys).toEqual(expect.arrayContaining([base, `${base}/ram/${e.memory_size}`, `${base}/interface/${iface}`, `${base}/interface/${iface}/ram/${e.memory_size}`, `${base}/ram/${e.memory_size}/interface/${iface}`]));
      for (const key of keys) expect(key).toMatch(ATTRIBUTE_KEY);
    });
  });

  it("normalises the table's interfaces to the two the SDL knows", () => {
    expect(["PCIe", "SXM", "SXM2", "SXM3", "SXM4", "SXM5"].map(normalizeInterface)).toEqual(["pcie", "sxm", "sxm", "sxm", "sxm", "sxm"]);
    expect(normalizeInterface("NVLink")).toBeNull();
  });

  it("offers distinct, table-backed choices for an unknown card", () => {
    const choices = gpuTable.choices();
    expect(new Set(choices.map((c) => JSON.stringify(c))).size).toBe(choices.length);
    expect(choices).toContainEqual({ vendor: "nvidia", model: "a100", vram: "80Gi", interface: "sxm" });
    expect(choices).toContainEqual({ vendor: "nvidia", model: "a100", vram: "40Gi", interface: "pcie" });
    expect(gpuTable.isChoice({ vendor: "nvidia", model: "rtx4090", vram: "24Gi", interface: "pcie" })).toBe(true);
    expect(gpuTable.isChoice({ vendor: "nvidia", model: "rtx4090", vram: "48Gi", interface: "pcie" })).toBe(false);
  });

  it("refuses a corrupt table instead of publishing wrong attributes", () => {
    expect(() => new GpuTable({ "10de": { name: "nvidia", devices: { "2684": { name: "RTX 4090", interface: "PCIe", memory_size: "24Gi" } } } })).toThrow();
    expect(() => new GpuTable({ "10de": { name: "nvidia", devices: { "2684": { name: "rtx4090", interface: "NVLink", memory_size: "24Gi" } } } })).toThrow(/interface/);
    expect(() => new GpuTable("nope")).toThrow();
  });
});
