import { z } from "zod";

// Payload schemas shared by main and renderer. Sizes are bytes (numbers: far below 2^53).

export const NetworkId = z.enum(["local", "sandbox-2", "akashnet-2"]);
export type NetworkId = z.infer<typeof NetworkId>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(["electron", "headless"]),
  network: NetworkId,
  startedAt: z.string().datetime(),
  node: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const GpuSummary = z.object({
  vendor: z.string(),
  model: z.string(),
  vramBytes: z.number().int().nonnegative().nullable(),
  busId: z.string().nullable(),
});

export const DiskSummary = z.object({
  name: z.string(),
  type: z.string(),
  sizeBytes: z.number().nonnegative(),
});

export const SystemSummary = z.object({
  hostname: z.string(),
  os: z.object({ platform: z.string(), distro: z.string(), release: z.string(), kernel: z.string(), arch: z.string() }),
  cpu: z.object({ model: z.string(), physicalCores: z.number().int().nonnegative(), threads: z.number().int().nonnegative() }),
  memory: z.object({ totalBytes: z.number().nonnegative(), availableBytes: z.number().nonnegative() }),
  disks: z.array(DiskSummary),
  gpus: z.array(GpuSummary),
  collectedAt: z.string().datetime(),
});
export type SystemSummary = z.infer<typeof SystemSummary>;

export const Settings = z.object({
  network: NetworkId,
  startAtLogin: z.boolean(),
  closeToTray: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = { network: "local", startAtLogin: false, closeToTray: true };
