import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ClusterHealth, ClusterProgress, InstallPlan, PreflightReport } from "../../../common/cluster-schemas";
import { HealthView, PlanView, PreflightList, ProgressPanel } from "../../../renderer/src/features/cluster/cluster-views";
import { applyProgress, emptyProgress, MAX_LOG_LINES, percentDone } from "../../../renderer/src/features/cluster/progress-state";

// The wizard's k3s step as the owner reads it, rendered in Node.

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

const preflight: PreflightReport = {
  checkedAt: "2026-11-21T21:00:00.000Z",
  platform: "linux",
  arch: "x64",
  canInstall: false,
  adopting: false,
  items: [
    { id: "os", title: "Operating system", verdict: "pass", message: "Linux", fix: null, commands: [] },
    { id: "nvidia-toolkit", title: "NVIDIA Container Toolkit", verdict: "fail", message: "not installed", fix: "Install NVIDIA's container toolkit.", commands: ["sudo apt-get install -y nvidia-container-toolkit"] },
  ],
};

const event = (e: Partial<ClusterProgress>): ClusterProgress => ({ run: "install", kind: "step", stepId: "a", stepIndex: 0, stepCount: 4, state: "started", message: "m", at: "2026-11-21T21:00:05.000Z", ...e });

describe("cluster views", () => {
  it("preflight shows each verdict, its fix and the exact commands", () => {
    const shown = text(renderToStaticMarkup(createElement(PreflightList, { report: preflight })));
    expect(shown).toContain("Fix the items marked “Needs action”");
    expect(shown).toContain("Needs action NVIDIA Container Toolkit : not installed");
    expect(shown).toContain("sudo apt-get install -y nvidia-container-toolkit");
    expect(shown).toContain("Ready Operating system : Linux");
  });

  it("the plan lists every change and disables consent while preflight fails", () => {
    const plan: InstallPlan = {
      role: "server",
      k3sVersion: "v1.34.2+k3s1",
      arch: "x64",
      preflight,
      steps: [{ id: "place-binary", title: "Install the k3s binary", changes: ["writes /usr/local/bin/k3s (mode 0755)"], privileged: true, undoable: true, done: false }],
    };
    const html = renderToStaticMarkup(createElement(PlanView, { plan, onConsent: () => undefined }));
    expect(text(html)).toContain("writes /usr/local/bin/k3s (mode 0755)");
    expect(text(html)).toContain("needs administrator rights");
    expect(html).toMatch(/<button[^>]*disabled/);
  });

  it("health shows sellable capacity, nodes and pressure", () => {
    const health: ClusterHealth = {
      checkedAt: "2026-11-21T21:00:00.000Z",
      reachable: true,
      error: null,
      healthy: false,
      allocatable: { cpuMillis: 13500, memoryBytes: 56 * 1024 ** 3, gpus: 1, ephemeralStorageBytes: 900e9 },
      devicePlugin: { desired: 1, ready: 1 },
      nodes: [{ name: "rig-1", ready: true, roles: ["control-plane"], kubeletVersion: "v1.34.2+k3s1", pressure: ["DiskPressure"], allocatable: { cpuMillis: 13500, memoryBytes: 0, gpus: 1, ephemeralStorageBytes: 0 }, capacity: { cpuMillis: 16000, memoryBytes: 0, gpus: 1, ephemeralStorageBytes: 0 } }],
    };
    const shown = text(renderToStaticMarkup(createElement(HealthView, { health })));
    expect(shown).toContain("13.5 CPU · 56 GiB memory · 1 GPU · 900 GB disk");
    expect(shown).toContain("rig-1 Ready · v1.34.2+k3s1 · under DiskPressure");
    expect(shown).toContain("NVIDIA device plugin: 1/1 running");
    expect(text(renderToStaticMarkup(createElement(HealthView, { health: { ...health, reachable: false, error: "k3s is not installed" } })))).toContain("Node not reachable: k3s is not installed");
  });

  it("progress folds events into steps, a percentage and a capped log", () => {
    let view = emptyProgress;
    view = applyProgress(view, event({ stepId: "a", state: "started", message: "Install the binary" }));
    view = applyProgress(view, event({ stepId: "a", state: "applied", message: "Install the binary: done" }));
    view = applyProgress(view, event({ stepId: "b", state: "skipped", message: "Write config: already done" }));
    view = applyProgress(view, event({ kind: "log", stepId: "c", state: "log", message: "waiting for node" }));
    expect(view.steps).toEqual([
      { id: "a", state: "applied", message: "Install the binary: done" },
      { id: "b", state: "skipped", message: "Write config: already done" },
    ]);
    expect(percentDone(view)).toBe(50);
    expect(view.log.at(-1)).toBe("21:00:05 waiting for node");
    expect(text(renderToStaticMarkup(createElement(ProgressPanel, { view })))).toContain("Install the binary: done");
    for (let i = 0; i < MAX_LOG_LINES + 50; i++) view = applyProgress(view, event({ kind: "log", state: "log", message: `line ${i}` }));
    expect(view.log).toHaveLength(MAX_LOG_LINES);
    // An uninstall starts a fresh view.
    expect(applyProgress(view, event({ run: "uninstall", stepId: "x", state: "undone" })).steps).toEqual([{ id: "x", state: "undone", message: "m" }]);
  });
});
