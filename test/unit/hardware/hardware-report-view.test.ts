import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { gpuTable } from "../../../main/hardware/gpu-table";
import { buildHardwareReport } from "../../../main/hardware/hardware-report";
import { HardwareReportView } from "../../../renderer/src/features/hardware/hardware-report-view";
import { exited, fakeRunner, fixture, gamingPc } from "./fakes";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&gt;/g, ">").replace(/\s+/g, " ");
const now = () => new Date("2026-11-21T12:00:00Z");

describe("HardwareReportView", () => {
  it("shows each card's Akash model and every item's verdict with what to do", async () => {
    const report = await buildHardwareReport({
      source: gamingPc({ graphics: async () => ({ controllers: [] }) }),
      runner: fakeRunner({ "nvidia-smi --query-gpu": exited(fixture("multi-gpu-rig.csv")) }),
      table: gpuTable,
      overrides: new Map(),
      now,
    });
    const shown = text(renderToStaticMarkup(createElement(HardwareReportView, { report })));
    expect(shown).toContain("NVIDIA GeForce RTX 3090 → rtx3090 · 24Gi · pcie");
    expect(shown).toContain("Needs action NVIDIA container runtime");
    expect(shown).toContain("What to do: Install the NVIDIA Container Toolkit");
    expect(shown).toContain("Disk /: NVME (beta3)");
    expect(shown).toContain("Some items below need your attention.");
  });

  it("says 'No GPU detected' honestly, and offers the model list for an unknown card", async () => {
    const none = await buildHardwareReport({ source: gamingPc({ graphics: async () => ({ controllers: [] }) }), runner: fakeRunner({}), table: gpuTable, overrides: new Map(), now });
    expect(text(renderToStaticMarkup(createElement(HardwareReportView, { report: none })))).toContain("No GPU detected.");

    const unknown = await buildHardwareReport({
      source: gamingPc({ graphics: async () => ({ controllers: [] }) }),
      runner: fakeRunner({ "nvidia-smi --query-gpu": exited(fixture("unknown-model.csv")) }),
      table: gpuTable,
      overrides: new Map(),
      now,
    });
    const html = renderToStaticMarkup(createElement(HardwareReportView, { report: unknown, models: gpuTable.choices(), onChooseModel: () => {} }));
    expect(html).toContain("<select");
    expect(html).toContain('value="rtx4090/24Gi/pcie"');
    expect(html).not.toContain('value="mi60/32Gi/pcie"');
  });
});
