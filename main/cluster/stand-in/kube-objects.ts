// Kubernetes objects shaped like those a k3s v1.34 node returns, for the stand-in API (stand-in mode
// and tests): a Node with its conditions and resources, and the device plugin's DaemonSet.

export interface FakeNodeState {
  name: string;
  ready: boolean;
  gpus: number;
  pressure: string[];
}

export function nodeObject(n: FakeNodeState) {
  const conditionTypes = ["MemoryPressure", "DiskPressure", "PIDPressure"];
  return {
    kind: "Node",
    apiVersion: "v1",
    metadata: {
      name: n.name,
      uid: "0f3b6a0e-5d6c-4a43-9b1e-6a5f2c1d9e01",
      resourceVersion: "4821",
      creationTimestamp: "2026-11-21T20:00:00Z",
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": n.name,
        "kubernetes.io/os": "linux",
        "node-role.kubernetes.io/control-plane": "true",
        "node.kubernetes.io/instance-type": "k3s",
      },
      annotations: { "k3s.io/node-args": '["server"]' },
    },
    spec: { podCIDR: "10.42.0.0/24", podCIDRs: ["10.42.0.0/24"], providerID: `k3s://${n.name}` },
    status: {
      capacity: { cpu: "16", "ephemeral-storage": "959786032Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "65768332Ki", pods: "110", ...(n.gpus ? { "nvidia.com/gpu": String(n.gpus) } : {}) },
      allocatable: { cpu: "13500m", "ephemeral-storage": "933693862717", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "60525452Ki", pods: "110", ...(n.gpus ? { "nvidia.com/gpu": String(n.gpus) } : {}) },
      conditions: [
        ...conditionTypes.map((type) => ({
          type,
          status: n.pressure.includes(type) ? "True" : "False",
          lastHeartbeatTime: "2026-11-21T21:00:00Z",
          lastTransitionTime: "2026-11-21T20:00:10Z",
          reason: n.pressure.includes(type) ? `Kubelethas${type}` : `KubeletHasNo${type}`,
          message: "kubelet status",
        })),
        { type: "Ready", status: n.ready ? "True" : "False", lastHeartbeatTime: "2026-11-21T21:00:00Z", lastTransitionTime: "2026-11-21T20:00:30Z", reason: n.ready ? "KubeletReady" : "KubeletNotReady", message: n.ready ? "kubelet is posting ready status" : "container runtime network not ready" },
      ],
      addresses: [
        { type: "InternalIP", address: "192.168.1.20" },
        { type: "Hostname", address: n.name },
      ],
      nodeInfo: { kubeletVersion: "v1.34.2+k3s1", kubeProxyVersion: "", containerRuntimeVersion: "containerd://2.1.5-k3s1", kernelVersion: "6.8.0-49-generic", osImage: "Ubuntu 24.04.1 LTS", operatingSystem: "linux", architecture: "amd64", machineID: "", systemUUID: "", bootID: "" },
    },
  };
}

export function daemonSetObject(status: { desired: number; ready: number }) {
  return {
    kind: "DaemonSet",
    apiVersion: "apps/v1",
    metadata: { name: "nvidia-device-plugin-daemonset", namespace: "kube-system", generation: 1 },
    spec: { selector: { matchLabels: { name: "nvidia-device-plugin-daemonset" } }, template: { metadata: { labels: { name: "nvidia-device-plugin-daemonset" } }, spec: { containers: [{ name: "nvidia-device-plugin-ctr", image: "nvcr.io/nvidia/k8s-device-plugin:v0.17.1" }] } } },
    status: { currentNumberScheduled: status.desired, numberMisscheduled: 0, desiredNumberScheduled: status.desired, numberReady: status.ready, observedGeneration: 1, updatedNumberScheduled: status.desired, numberAvailable: status.ready },
  };
}

export function notFoundStatus(kind: string, name: string) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `${kind} "${name}" not found`, reason: "NotFound", details: { name, kind }, code: 404 };
}
