import { describe, expect, it } from "vitest";
import { containerdTemplate, needsContainerdTemplate } from "../../../main/cluster/templates/containerd-template";
import { isValidLabelKey, isValidLabelValue, k3sConfig, nodeNameFrom } from "../../../main/cluster/templates/k3s-config";
import { systemdUnit } from "../../../main/cluster/templates/systemd-unit";
import { attributeLabel, nodeFactsFrom } from "../../../main/cluster/node-facts";

const reserve = { cpuMillis: 2500, memoryBytes: 6 * 1024 ** 3, storageBytes: 0 };

describe("k3s config.yaml", () => {
  it("a server: kubeconfig 0600, labels, system-reserved from the desktop reserve, Traefik kept as the tenants' ingress", () => {
    const config = JSON.parse(k3sConfig({ role: "server", nodeName: "rig-1", labels: { "akash.network/capabilities.gpu.vendor.nvidia": "true" }, desktopReserve: reserve }));
    expect(config).toEqual({
      "node-name": "rig-1",
      "node-label": ["akash.network/capabilities.gpu.vendor.nvidia=true"],
      "kubelet-arg": ["system-reserved=cpu=2500m,memory=6144Mi", "kube-reserved=cpu=500m,memory=1024Mi"],
      "write-kubeconfig-mode": "0600",
    });
  });

  it("an agent carries the server and token and needs them", () => {
    const config = JSON.parse(k3sConfig({ role: "agent", nodeName: "rig-2", labels: {}, desktopReserve: reserve, join: { serverUrl: "https://192.168.1.20:6443", token: "K10abc::server:def" } }));
    expect(config).toMatchObject({ server: "https://192.168.1.20:6443", token: "K10abc::server:def" });
    expect(() => k3sConfig({ role: "agent", nodeName: "rig-2", labels: {}, desktopReserve: reserve })).toThrow(/server URL/);
  });

  it("refuses labels and node names Kubernetes would reject, instead of writing a config k3s cannot start with", () => {
    expect(() => k3sConfig({ role: "server", nodeName: "Rig 1", labels: {}, desktopReserve: reserve })).toThrow(/node name/);
    expect(() => k3sConfig({ role: "server", nodeName: "rig", labels: { "bad key!": "x" }, desktopReserve: reserve })).toThrow(/label/);
    expect(isValidLabelKey("akash.network/capabilities.gpu.vendor.nvidia.model.rtx4090")).toBe(true);
    expect(isValidLabelKey("a/b/c")).toBe(false);
    expect(isValidLabelValue("x".repeat(64))).toBe(false);
    expect(isValidLabelValue("")).toBe(true);
  });

  it("turns any hostname into a valid node name", () => {
    expect(nodeNameFrom("Gaming-PC.local")).toBe("gaming-pc.local");
    expect(nodeNameFrom("DESKTOP_ÄÖ 42")).toBe("desktop-42");
    expect(nodeNameFrom("---")).toBe("akash-node");
    for (let i = 0; i < 300; i++) {
      const random = Array.from({ length: Math.floor(Math.random() * 80) }, () => String.fromCharCode(32 + Math.floor(Math.random() * 200))).join("");
      const name = nodeNameFrom(random);
      expect(() => k3sConfig({ role: "server", nodeName: name, labels: {}, desktopReserve: reserve }), JSON.stringify(random)).not.toThrow();
    }
  });
});

describe("node facts from the hardware report", () => {
  it("counts NVIDIA GPUs and turns GPU attributes into node labels", () => {
    const gpu = { vendor: "nvidia" as const };
    const facts = nodeFactsFrom(
      {
        gpus: [gpu, gpu, { vendor: "amd" as const }] as never,
        gpuAttributes: [
          { key: "capabilities/gpu/vendor/nvidia/model/rtx4090", value: "true" },
          { key: "capabilities/gpu/vendor/nvidia/model/rtx4090/ram/24Gi", value: "true" },
          { key: `capabilities/gpu/vendor/nvidia/model/${"x".repeat(80)}`, value: "true" },
        ],
      },
      { cpuMillis: 4000, memoryBytes: 1024, storageBytes: 0, gpus: 0 },
      "My Rig",
    );
    expect(facts.nvidiaGpus).toBe(2);
    expect(facts.nodeName).toBe("my-rig");
    expect(facts.labels).toEqual({
      "akash.network/capabilities.gpu.vendor.nvidia": "true",
      "akash.network/capabilities.gpu.vendor.nvidia.model.rtx4090": "true",
      "akash.network/capabilities.gpu.vendor.nvidia.model.rtx4090.ram.24Gi": "true",
    });
    expect(attributeLabel("a/b")).toBe("akash.network/a.b");
  });
});

describe("containerd template and systemd unit", () => {
  it("adds the nvidia runtime on top of k3s's base template, only where k3s would not find it", () => {
    const text = containerdTemplate("/opt/nvidia/bin/nvidia-container-runtime");
    expect(text).toContain('{{ template "base" . }}');
    expect(text).toContain("[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.'nvidia']");
    expect(text).toContain('BinaryName = "/opt/nvidia/bin/nvidia-container-runtime"');
    expect(needsContainerdTemplate("/usr/bin/nvidia-container-runtime")).toBe(false);
    expect(needsContainerdTemplate("/opt/nvidia/bin/nvidia-container-runtime")).toBe(true);
    expect(needsContainerdTemplate(null)).toBe(false);
    expect(() => containerdTemplate('/x"; rm -rf /')).toThrow(/unsafe/);
  });

  it("the unit runs the server or agent and carries the owner marker", () => {
    expect(systemdUnit("server")).toMatch(/^# Managed by Akash Provider Desktop/);
    expect(systemdUnit("server")).toContain("ExecStart=/usr/local/bin/k3s server");
    expect(systemdUnit("agent")).toContain("ExecStart=/usr/local/bin/k3s agent");
  });
});
