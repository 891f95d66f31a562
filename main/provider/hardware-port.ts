import type { HardwareReport } from "../../common/hardware-schemas";
import type { StorageCapability } from "./attributes";
import type { HardwarePort } from "./provider-service";

/** Adapts the hardware service's report: only GPUs it can sell (known model) and the disks' storage classes. */
export function hardwarePortFrom(report: () => Promise<HardwareReport>): HardwarePort {
  return {
    async gpus() {
      const { gpus } = await report();
      return gpus
        .filter((g) => g.model !== null && g.attributes.length > 0)
        .map((g) => ({ model: g.model!, vram: g.vram, interface: g.interface, vendor: g.vendor }));
    },
    async storage() {
      const { disks } = await report();
      const classes = [...new Set(disks.map((d) => d.storageClass).filter((c): c is NonNullable<typeof c> => c !== null))].sort();
      return classes.map((c): StorageCapability => ({ class: c, persistent: true }));
    },
  };
}
