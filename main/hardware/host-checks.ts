import type { Check, HardwareReport } from "../../common/hardware-schemas";
import type { ProcessRunner } from "./process-runner";

// The non-GPU lines of the wizard's first step: CPU, memory, OS and the NVIDIA container runtime.

export const MIN_THREADS = 4;
export const MIN_MEMORY_BYTES = 16 * 2 ** 30;

export function cpuCheck(threads: number): Check {
  if (threads <= 0) return { verdict: "needs_action", message: "The CPU could not be read.", action: "Check that the app may read /proc (Linux) or WMI (Windows)." };
  if (threads < MIN_THREADS) return { verdict: "needs_action", message: `${threads} CPU threads: too few to keep some for the desktop and still sell any.`, action: `Use a machine with at least ${MIN_THREADS} threads.` };
  return { verdict: "ready", message: `${threads} CPU threads.`, action: null };
}

export function memoryCheck(totalBytes: number): Check {
  const gib = Math.round(totalBytes / 2 ** 30);
  if (totalBytes < MIN_MEMORY_BYTES) return { verdict: "needs_action", message: `${gib} GiB of memory.`, action: `At least ${MIN_MEMORY_BYTES / 2 ** 30} GiB is recommended: GPU workloads load models into system memory first.` };
  return { verdict: "ready", message: `${gib} GiB of memory.`, action: null };
}

export function osCheck(os: { platform: string; distro: string; release: string }, virtualMachine: boolean, hypervisor: string | null): Check {
  const vm = virtualMachine ? ` Running in a virtual machine${hypervisor ? ` (${hypervisor})` : ""}: GPUs must be passed through to it.` : "";
  if (os.platform === "linux") {
    const documented = /ubuntu/i.test(os.distro) && /^(22\.04|24\.04)/.test(os.release);
    return documented
      ? { verdict: "ready", message: `${os.distro} ${os.release}.${vm}`, action: null }
      : { verdict: "ready", message: `${os.distro || "Linux"} ${os.release}: k3s runs here, though Akash documents only Ubuntu 22.04 and 24.04.${vm}`, action: null };
  }
  if (os.platform === "win32") {
    return { verdict: "needs_action", message: `Windows ${os.release}: Kubernetes (k3s) runs Linux, so the node runs inside WSL2.${vm}`, action: "Enable WSL2 (`wsl --install`) with an NVIDIA driver that supports CUDA in WSL." };
  }
  return { verdict: "unsupported", message: `${os.platform} cannot run an Akash GPU node (no NVIDIA CUDA, no k3s).`, action: "Use a Linux or Windows PC." };
}

export interface ContainerRuntimeProbe {
  runtime: boolean;
  ctk: boolean;
}

/** Looks for the NVIDIA Container Toolkit's binaries on PATH. */
export async function probeContainerRuntime(runner: ProcessRunner): Promise<ContainerRuntimeProbe> {
  const [runtime, ctk] = await Promise.all([present(runner, "nvidia-container-runtime"), present(runner, "nvidia-ctk")]);
  return { runtime, ctk };
}

export function containerRuntime({ runtime, ctk }: ContainerRuntimeProbe, hasNvidia: boolean): HardwareReport["containerRuntime"] {
  let check: Check;
  if (!hasNvidia) check = { verdict: "ready", message: "Not needed without an NVIDIA GPU.", action: null };
  else if (runtime || ctk) check = { verdict: "ready", message: `NVIDIA Container Toolkit found (${[runtime && "nvidia-container-runtime", ctk && "nvidia-ctk"].filter(Boolean).join(", ")}).`, action: null };
  else check = { verdict: "needs_action", message: "The NVIDIA Container Toolkit is not installed: k3s cannot give containers the GPU.", action: "Install the NVIDIA Container Toolkit (package nvidia-container-toolkit); the k3s setup step can do it for you." };
  return { nvidiaContainerRuntime: runtime, nvidiaCtk: ctk, check };
}

async function present(runner: ProcessRunner, command: string): Promise<boolean> {
  try {
    const result = await runner.run(command, ["--version"], { timeoutMs: 3_000 });
    return result.kind === "exited";
  } catch {
    return false;
  }
}
