import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HardwareReport } from "../../../common/hardware-schemas";
import { runHardwareCli } from "../../../main/cli/hardware";
import { FIXTURES, exited, fakeRunner, fixture, gamingPc } from "./fakes";

async function cli(args: string[], runner = fakeRunner({})) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runHardwareCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), source: gamingPc({ graphics: async () => ({ controllers: [] }) }), runner, now: () => new Date("2026-11-21T12:00:00Z") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run hardware", () => {
  it("prints the report as JSON, GPUs from running nvidia-smi", async () => {
    const { code, out, err } = await cli([], fakeRunner({ "nvidia-smi --query-gpu": exited(fixture("rtx4090.csv")) }));
    expect([code, err]).toEqual([0, ""]);
    const report = HardwareReport.parse(JSON.parse(out));
    expect(report.gpus.map((g) => [g.vendor, g.model, g.vram, g.interface])).toEqual([["nvidia", "rtx4090", "24Gi", "pcie"]]);
    expect(report.gpus[0]!.attributes.map((a) => a.key)).toContain("capabilities/gpu/vendor/nvidia/model/rtx4090/interface/pcie/ram/24Gi");
  });

  it("--nvidia-smi-csv FILE builds the GPU part from a saved output, never running nvidia-smi's query", async () => {
    const runner = fakeRunner({});
    const { code, out } = await cli(["--nvidia-smi-csv", join(FIXTURES, "h100-8x.csv")], runner);
    expect(code).toBe(0);
    const report = HardwareReport.parse(JSON.parse(out));
    expect(report.nvidiaSmi.status).toBe("from_file");
    expect(report.gpus).toHaveLength(8);
    expect(report.gpus.every((g) => g.model === "h100" && g.interface === "sxm")).toBe(true);
    expect(runner.calls.filter((c) => c.startsWith("nvidia-smi"))).toEqual([]);
    const eq = await cli([`--nvidia-smi-csv=${join(FIXTURES, "rtx3090.csv")}`]);
    expect(JSON.parse(eq.out).gpus[0].model).toBe("rtx3090");
  });

  it("a garbage file gives a report that says why, not a crash", async () => {
    const { code, out } = await cli(["--nvidia-smi-csv", join(FIXTURES, "garbage.txt")]);
    expect(code).toBe(0);
    const report = HardwareReport.parse(JSON.parse(out));
    expect(report.gpus).toEqual([]);
    expect(report.nvidiaSmi.message).toMatch(/lists no GPU\. Skipped: line 1/);
  });

  it("bad arguments and unreadable files exit 2 with a clear message", async () => {
    expect(await cli(["--bogus"])).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown argument: --bogus/) });
    expect(await cli(["--nvidia-smi-csv"])).toMatchObject({ code: 2, err: expect.stringMatching(/needs a file name/) });
    expect(await cli(["--nvidia-smi-csv", "/nonexistent/nvidia.csv"])).toMatchObject({ code: 2, err: expect.stringMatching(/Cannot read \/nonexistent\/nvidia.csv/) });
    const dir = mkdtempSync(join(tmpdir(), "apd-hw-cli-"));
    try {
      writeFileSync(join(dir, "huge.csv"), "x".repeat(2 * 1024 * 1024));
      expect(await cli(["--nvidia-smi-csv", join(dir, "huge.csv")])).toMatchObject({ code: 2, err: expect.stringMatching(/Is it the right file/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await cli(["--help"])).toMatchObject({ code: 0, out: expect.stringMatching(/--query-gpu=index,name,pci.bus_id/) });
  });
});
