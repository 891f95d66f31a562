import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SystemSummary } from "../../../common/schemas";
import { AppInfoFacts } from "../../../renderer/src/components/app-info-card";
import { ErrorMessage } from "../../../renderer/src/components/error-message";
import { HardwareSummary } from "../../../renderer/src/components/hardware-summary";
import { Nav } from "../../../renderer/src/components/nav";
import { TokenMissing } from "../../../renderer/src/pages/token-missing";

// Presentational components rendered to HTML in Node: what the user reads, without a browser.

const rig: SystemSummary = SystemSummary.parse({
  hostname: "rig-1",
  os: { platform: "linux", distro: "Ubuntu", release: "24.04", kernel: "6.8.0", arch: "x64" },
  cpu: { model: "AMD Ryzen 9 7950X", physicalCores: 16, threads: 32 },
  memory: { totalBytes: 64 * 2 ** 30, availableBytes: 48 * 2 ** 30 },
  disks: [{ name: "Samsung SSD 990 PRO 2TB", type: "NVMe", sizeBytes: 2e12 }],
  gpus: [{ vendor: "NVIDIA", model: "GeForce RTX 4090", vramBytes: 24 * 2 ** 30, busId: "01:00.0" }],
  collectedAt: "2026-11-21T21:00:00.000Z",
});

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
}

describe("HardwareSummary", () => {
  it("shows the CPU, memory, GPUs with VRAM, and disks in their own units", () => {
    const html = renderToStaticMarkup(createElement(HardwareSummary, { summary: rig }));
    const shown = text(html);
    expect(shown).toContain("AMD Ryzen 9 7950X");
    expect(shown).toContain("16 cores · 32 threads");
    expect(shown).toContain("64 GiB");
    expect(shown).toContain("48 GiB available now");
    expect(shown).toContain("NVIDIA GeForce RTX 4090");
    expect(shown).toContain("24 GiB VRAM · bus 01:00.0");
    expect(shown).toContain("NVMe · 2 TB");
    expect(shown).toContain("1 GPU");
    expect(shown).not.toContain("No GPU detected");
  });

  it("says No GPU detected for an empty GPU list, and handles unknown VRAM and no disks", () => {
    const noGpu = renderToStaticMarkup(createElement(HardwareSummary, { summary: { ...rig, gpus: [], disks: [] } }));
    expect(text(noGpu)).toContain("No GPU detected");
    expect(text(noGpu)).toContain("No disks reported");
    const unknownVram = renderToStaticMarkup(
      createElement(HardwareSummary, { summary: { ...rig, gpus: [{ vendor: "AMD", model: "RX 7900 XTX", vramBytes: null, busId: null }] } }),
    );
    expect(text(unknownVram)).toContain("VRAM unknown");
    expect(unknownVram).not.toContain("bus ");
  });

  it("never uses inline styles (the CSP blocks them)", () => {
    expect(renderToStaticMarkup(createElement(HardwareSummary, { summary: rig }))).not.toContain("style=");
  });
});

describe("AppInfoFacts", () => {
  it("names the version, mode and network", () => {
    const shown = text(
      renderToStaticMarkup(
        createElement(AppInfoFacts, {
          info: { name: "Akash Provider Desktop", version: "0.1.0", mode: "headless", network: "sandbox-2", startedAt: "2026-11-21T21:00:00.000Z", node: "22.23.3", platform: "linux" },
        }),
      ),
    );
    expect(shown).toContain("0.1.0");
    expect(shown).toContain("Headless");
    expect(shown).toContain("Sandbox (sandbox-2)");
    expect(shown).toContain("Node 22.23.3 on linux");
  });
});

describe("ErrorMessage", () => {
  it("shows the readable title and the app's message as an alert, with a retry only when it can help", () => {
    const transport = renderToStaticMarkup(createElement(ErrorMessage, { error: { code: "TRANSPORT", message: "fetch failed" }, onRetry: () => {} }));
    expect(transport).toContain('role="alert"');
    expect(text(transport)).toContain("Cannot reach the app.");
    expect(text(transport)).toContain("fetch failed");
    expect(text(transport)).toContain("Try again");
    const invalid = renderToStaticMarkup(createElement(ErrorMessage, { error: { code: "INVALID_INPUT", message: "bad" }, onRetry: () => {} }));
    expect(text(invalid)).not.toContain("Try again");
  });
});

describe("Nav", () => {
  it("renders one button per page and marks only the current one", () => {
    const html = renderToStaticMarkup(createElement(Nav, { current: "earnings", onNavigate: () => {} }));
    expect(html.match(/<button/g)).toHaveLength(6);
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="page"[^>]*>Earnings</);
    expect(html).toContain('aria-label="Main"');
  });
});

describe("TokenMissing", () => {
  it("tells the user to open the link with the token", () => {
    const shown = text(renderToStaticMarkup(createElement(TokenMissing)));
    expect(shown).toContain("Open the dashboard with the link the app printed");
    expect(shown).toContain("access token");
  });
});
