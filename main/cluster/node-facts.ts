import type { CapacityAmounts, HardwareReport } from "../../common/hardware-schemas";
import type { NodeFacts } from "./cluster-service";
import { isValidLabelKey, isValidLabelValue, nodeNameFrom } from "./templates/k3s-config";

// What the hardware service knows, turned into what the node needs: the NVIDIA GPU count, node labels
// for the Akash attributes, and the desktop reserve that becomes kubelet's system-reserved.

export const NVIDIA_NODE_LABEL = "akash.network/capabilities.gpu.vendor.nvidia";

/** "capabilities/gpu/vendor/nvidia/model/rtx4090" → "akash.network/capabilities.gpu.vendor.nvidia.model.rtx4090". */
export function attributeLabel(key: string): string {
  return `akash.network/${key.replace(/\//g, ".")}`;
}

export function nodeFactsFrom(report: Pick<HardwareReport, "gpus" | "gpuAttributes">, reserve: CapacityAmounts, hostname: string): NodeFacts {
  const nvidiaGpus = report.gpus.filter((g) => g.vendor === "nvidia").length;
  const labels: Record<string, string> = {};
  for (const attribute of report.gpuAttributes) {
    const key = attributeLabel(attribute.key);
    // An attribute that cannot be a label (too long, odd characters) stays on chain only.
    if (isValidLabelKey(key) && isValidLabelValue(attribute.value)) labels[key] = attribute.value;
  }
  if (nvidiaGpus > 0) labels[NVIDIA_NODE_LABEL] = "true";
  return {
    nvidiaGpus,
    nodeName: nodeNameFrom(hostname),
    labels,
    desktopReserve: { cpuMillis: reserve.cpuMillis, memoryBytes: reserve.memoryBytes, storageBytes: reserve.storageBytes },
  };
}
