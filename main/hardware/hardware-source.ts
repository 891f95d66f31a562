import si from "systeminformation";

/** The slice of systeminformation the hardware service reads; tests pass recorded machines instead. */
export interface HardwareInfoSource {
  osInfo(): Promise<{ platform: string; distro: string; release: string; kernel: string; arch: string }>;
  system(): Promise<{ virtual: boolean; virtualHost?: string }>;
  cpu(): Promise<{ manufacturer: string; brand: string; physicalCores: number; cores: number; virtualization: boolean }>;
  mem(): Promise<{ total: number; available: number }>;
  fsSize(): Promise<{ fs: string; type: string; size: number; available: number; mount: string }[]>;
  blockDevices(): Promise<{ name: string; type: string; physical: string; size: number }[]>;
  diskLayout(): Promise<{ name: string; type: string; size: number; interfaceType?: string }[]>;
  graphics(): Promise<{ controllers: GraphicsController[] }>;
  processes(): Promise<{ list: { pid: number; name: string; command: string; params: string; path: string }[] }>;
}

export interface GraphicsController {
  vendor: string;
  vendorId?: string;
  model: string;
  name?: string;
  deviceId?: string;
  busAddress?: string;
  pciBus?: string;
  vram: number | null;
}

export const systeminformationHardwareSource: HardwareInfoSource = si as unknown as HardwareInfoSource;
