import { describe, expect, it } from "vitest";
import { parseComputeApps, parseGpuQuery, parseSampleQuery } from "../../../main/hardware/nvidia-smi-csv";
import { normalizeBusId, splitPciDeviceId } from "../../../main/hardware/pci-address";
import { fixture } from "./fakes";

describe("nvidia-smi --query-gpu CSV", () => {
  it("reads an RTX 4090 line field by field", () => {
    const { rows, problems } = parseGpuQuery(fixture("rtx4090.csv"));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        index: 0,
        name: "NVIDIA GeForce RTX 4090",
        busId: "0000:01:00.0",
        pciVendorId: "10de",
        pciDeviceId: "2684",
        memoryMiB: 24564,
        driverVersion: "550.54.14",
        powerDrawWatts: 28.47,
        powerLimitWatts: 450,
        utilizationPct: 0,
        temperatureC: 36,
        pcieGen: 4,
        pcieWidth: 16,
      },
    ]);
  });

  it("turns [N/A] into null and keeps the rest of the line", () => {
    const { rows, problems } = parseGpuQuery(fixture("multi-gpu-rig.csv"));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(5);
    expect(rows[2]).toMatchObject({ index: 2, powerDrawWatts: null, powerLimitWatts: 300 });
    expect(parseGpuQuery("0, NVIDIA A2, [N/A], [N/A], [Not Supported], [N/A], [N/A], [N/A], [N/A], [N/A], [N/A], [N/A]").rows[0]).toMatchObject({
      name: "NVIDIA A2",
      busId: null,
      pciDeviceId: null,
      memoryMiB: null,
      pcieGen: null,
    });
  });

  it("keeps the good lines of cut-off output and names each bad line", () => {
    const { rows, problems } = parseGpuQuery(fixture("partial.csv"));
    expect(rows.map((r) => r.index)).toEqual([0]);
    expect(problems).toEqual(["line 2: expected 12 comma-separated fields, got 4", "line 3: expected 12 comma-separated fields, got 2"]);
  });

  it("finds no GPU in garbage, driver errors or an empty file — with reasons, not throws", () => {
    for (const name of ["garbage.txt", "driver-failed.txt"]) {
      const { rows, problems } = parseGpuQuery(fixture(name));
      expect(rows, name).toEqual([]);
      expect(problems.length, name).toBeGreaterThan(0);
    }
    expect(parseGpuQuery("")).toEqual({ rows: [], problems: [] });
    expect(parseGpuQuery("\r\n\r\n")).toEqual({ rows: [], problems: [] });
  });

  it("rejects values that are neither numbers nor N/A, saying which field", () => {
    const line = "0, NVIDIA GeForce RTX 4090, 00000000:01:00.0, 0x268410DE, 24564 MiB, 550.54.14, 28.47, 450.00, 0, 36, 4, 16";
    expect(parseGpuQuery(line).problems).toEqual(['line 1: memory "24564 MiB" is not a number']);
    expect(parseGpuQuery(line.replace("24564 MiB", "24564").replace("0x268410DE", "0x2684")).problems).toEqual(['line 1: pci.device_id "0x2684" is not like 0x268410DE']);
    expect(parseGpuQuery(line.replace("24564 MiB", "24564").replace(", 36,", ", 999,")).problems).toEqual(["line 1: temp 999 is out of range"]);
    expect(parseGpuQuery(line.replace("24564 MiB", "24564").replace(/^0/, "x")).problems).toEqual(['line 1: the GPU index "x" is not a number']);
  });

  it("accepts CRLF line ends, a BOM and a name with a comma in it", () => {
    const text = "\uFEFF0, NVIDIA GeForce RTX 4090, Founders, 00000000:01:00.0, 0x268410DE, 24564, 550.54.14, 28.47, 450.00, 0, 36, 4, 16\r\n";
    const { rows, problems } = parseGpuQuery(text);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ name: "NVIDIA GeForce RTX 4090, Founders", pciDeviceId: "2684", memoryMiB: 24564 });
  });

  it("survives random and mutated input: every line is a row or a problem", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const good = fixture("h100-8x.csv");
    const chars = "0123456789abcdefx,. :[]N/A\n\r\t-\u0000é";
    for (let i = 0; i < 2000; i++) {
      let text: string;
      if (i % 2) {
        text = Array.from({ length: Math.floor(rand() * 300) }, () => chars[Math.floor(rand() * chars.length)]).join("");
      } else {
        const arr = good.split("");
        for (let k = 0; k < 1 + Math.floor(rand() * 8); k++) arr[Math.floor(rand() * arr.length)] = chars[Math.floor(rand() * chars.length)]!;
        text = arr.join("");
      }
      const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim()).length;
      const { rows, problems } = parseGpuQuery(text);
      expect(rows.length + problems.length).toBe(lines);
      for (const r of rows) {
        expect(Number.isInteger(r.index)).toBe(true);
        expect(r.name.length).toBeGreaterThan(0);
        for (const n of [r.memoryMiB, r.powerDrawWatts, r.utilizationPct, r.temperatureC]) if (n !== null) expect(Number.isFinite(n)).toBe(true);
      }
      expect(() => parseSampleQuery(text)).not.toThrow();
      expect(() => parseComputeApps(text)).not.toThrow();
    }
  });

  it("caps a runaway input", () => {
    const { rows, problems } = parseGpuQuery(fixture("rtx4090.csv").repeat(2000));
    expect(rows).toHaveLength(1024);
    expect(problems).toEqual(["more than 1024 lines: the rest is ignored"]);
    expect(parseGpuQuery("x".repeat(10_000)).problems).toEqual(["line 1: longer than 4096 characters"]);
  });
});

describe("the sampler's and the compute-apps queries", () => {
  it("reads power, utilisation and temperature per GPU", () => {
    expect(parseSampleQuery("0, 00000000:01:00.0, 312.55, 97, 71\n1, 00000000:02:00.0, [N/A], 0, 40\n").rows).toEqual([
      { index: 0, busId: "0000:01:00.0", powerDrawWatts: 312.55, utilizationPct: 97, temperatureC: 71 },
      { index: 1, busId: "0000:02:00.0", powerDrawWatts: null, utilizationPct: 0, temperatureC: 40 },
    ]);
    expect(parseSampleQuery("0, 00000000:01:00.0, 312.55, 97, 71, extra").problems).toHaveLength(1);
  });

  it("reads compute apps, paths with commas and all", () => {
    const { rows, problems } = parseComputeApps(fixture("compute-apps.csv"));
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.pid, r.usedMemoryMiB])).toEqual([
      [2231, 412],
      [88123, 18032],
      [9921, 7311],
    ]);
    expect(rows[2]!.processName).toContain("Cyberpunk2077.exe");
  });
});

describe("PCI addresses", () => {
  it("normalises nvidia-smi, sysfs and lspci forms to one key", () => {
    expect(["00000000:01:00.0", "0000:01:00.0", "01:00.0", " 00000000:2D:00.0 "].map(normalizeBusId)).toEqual(["0000:01:00.0", "0000:01:00.0", "0000:01:00.0", "0000:2d:00.0"]);
    expect(["", null, undefined, "1:0.0", "zz:00.0", "01:00.8"].map(normalizeBusId)).toEqual([null, null, null, null, null, null]);
  });

  it("splits 0x<device><vendor>", () => {
    expect(splitPciDeviceId("0x268410DE")).toEqual({ deviceId: "2684", vendorId: "10de" });
    expect(splitPciDeviceId("268410de")).toEqual({ deviceId: "2684", vendorId: "10de" });
    expect(splitPciDeviceId("0x2684")).toBeNull();
  });
});
