import type { Handlers } from "../../common/contract";
import { ContractFailure } from "../../common/envelope";
import type { HardwareService } from "./hardware-service";
import { reserveBeyondMachine } from "./reserve-limits";

type HardwareMethods =
  | "hardware.report"
  | "hardware.gpuModels"
  | "hardware.setGpuModel"
  | "hardware.settings"
  | "hardware.updateSettings"
  | "hardware.energy"
  | "hardware.capacity"
  | "hardware.ownerActivity";

/** The hardware service's contract methods. */
export function hardwareHandlers(hardware: HardwareService): Pick<Handlers, HardwareMethods> {
  return {
    "hardware.report": () => hardware.report(),
    "hardware.gpuModels": () => hardware.gpuModels(),
    "hardware.setGpuModel": (input) => hardware.setGpuModel(input),
    "hardware.settings": () => hardware.settings(),
    "hardware.updateSettings": async (patch) => {
      if (patch.reserve) {
        const beyond = reserveBeyondMachine(patch.reserve, (await hardware.capacity()).detected);
        if (beyond) throw new ContractFailure("INVALID_INPUT", `${beyond}: nothing was saved`);
      }
      return hardware.updateSettings(patch);
    },
    "hardware.energy": (query) => hardware.energy(query),
    "hardware.capacity": () => hardware.capacity(),
    "hardware.ownerActivity": () => hardware.ownerActivity(),
  };
}
