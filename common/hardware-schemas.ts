import { z } from "zod";

// The hardware service's side of the contract: the hardware report, GPU model overrides, the
// electricity tariff and desktop reserve settings, energy/cost queries and the capacity inventory.
// Sizes are bytes (numbers, far below 2^53); money is a decimal string, never a float.

export const Verdict = z.enum(["ready", "needs_action", "unsupported"]);
export type Verdict = z.infer<typeof Verdict>;

/** One line of the wizard's first step: how an item stands and, when it is not ready, what to do. */
export const Check = z.object({
  verdict: Verdict,
  message: z.string(),
  action: z.string().nullable(),
});
export type Check = z.infer<typeof Check>;

export const GpuInterface = z.enum(["pcie", "sxm"]);
export type GpuInterface = z.infer<typeof GpuInterface>;

/** Akash memory sizes read like "24Gi". */
export const AkashVram = z.string().regex(/^[1-9]\d{0,4}Gi$/, 'a size like "24Gi"');

export const GpuAttribute = z.object({ key: z.string(), value: z.string() });
export type GpuAttribute = z.infer<typeof GpuAttribute>;

export const GpuModelSource = z.enum(["pci-table", "name", "override", "unknown"]);
export type GpuModelSource = z.infer<typeof GpuModelSource>;

export const GpuReport = z.object({
  /** nvidia-smi's index; null for cards only the OS reported. */
  index: z.number().int().nonnegative().nullable(),
  /** Normalised PCI address, "0000:01:00.0"; the key of a model override. */
  busId: z.string().nullable(),
  vendor: z.enum(["nvidia", "amd", "intel", "other"]),
  /** The name the driver reports, e.g. "NVIDIA GeForce RTX 4090". */
  name: z.string(),
  pciVendorId: z.string().nullable(),
  pciDeviceId: z.string().nullable(),
  /** The Akash model name (e.g. "rtx4090"), or null while unknown. */
  model: z.string().nullable(),
  vram: AkashVram.nullable(),
  interface: GpuInterface.nullable(),
  modelSource: GpuModelSource,
  memoryBytes: z.number().nonnegative().nullable(),
  driverVersion: z.string().nullable(),
  powerDrawWatts: z.number().nonnegative().nullable(),
  powerLimitWatts: z.number().nonnegative().nullable(),
  utilizationPct: z.number().min(0).max(100).nullable(),
  temperatureC: z.number().nullable(),
  pcieGen: z.number().int().nonnegative().nullable(),
  pcieWidth: z.number().int().nonnegative().nullable(),
  /** The provider attributes this card makes the provider publish (empty when it cannot be sold). */
  attributes: z.array(GpuAttribute),
  check: Check,
});
export type GpuReport = z.infer<typeof GpuReport>;

export const NvidiaSmiStatus = z.object({
  status: z.enum(["ok", "not_found", "failed", "from_file", "not_applicable"]),
  message: z.string(),
  driverVersion: z.string().nullable(),
  cudaVersion: z.string().nullable(),
});
export type NvidiaSmiStatus = z.infer<typeof NvidiaSmiStatus>;

export const StorageClass = z.enum(["beta1", "beta2", "beta3"]);
export type StorageClass = z.infer<typeof StorageClass>;

export const DiskReport = z.object({
  mount: z.string(),
  device: z.string(),
  type: z.enum(["nvme", "ssd", "hdd", "unknown"]),
  storageClass: StorageClass.nullable(),
  sizeBytes: z.number().nonnegative(),
  freeBytes: z.number().nonnegative(),
  check: Check,
});
export type DiskReport = z.infer<typeof DiskReport>;

export const HardwareReport = z.object({
  collectedAt: z.string().datetime(),
  gpus: z.array(GpuReport),
  gpuCheck: Check,
  nvidiaSmi: NvidiaSmiStatus,
  /** The union of every sellable GPU's attributes, deduplicated: what provider registration publishes. */
  gpuAttributes: z.array(GpuAttribute),
  cpu: z.object({
    model: z.string(),
    threads: z.number().int().nonnegative(),
    physicalCores: z.number().int().nonnegative(),
    check: Check,
  }),
  memory: z.object({ totalBytes: z.number().nonnegative(), availableBytes: z.number().nonnegative(), check: Check }),
  disks: z.array(DiskReport),
  os: z.object({
    platform: z.string(),
    distro: z.string(),
    release: z.string(),
    kernel: z.string(),
    arch: z.string(),
    virtualMachine: z.boolean(),
    hypervisor: z.string().nullable(),
    cpuVirtualizationFlag: z.boolean(),
    check: Check,
  }),
  containerRuntime: z.object({
    nvidiaContainerRuntime: z.boolean(),
    nvidiaCtk: z.boolean(),
    check: Check,
  }),
  /** The worst verdict of all items: the wizard's headline. */
  overall: Verdict,
});
export type HardwareReport = z.infer<typeof HardwareReport>;

/** One row of the GPU table the user picks from to resolve an "unknown model". */
export const GpuModelChoice = z.object({
  vendor: z.enum(["nvidia", "amd"]),
  model: z.string(),
  vram: AkashVram,
  interface: GpuInterface,
});
export type GpuModelChoice = z.infer<typeof GpuModelChoice>;

export const BusId = z
  .string()
  .trim()
  .regex(/^(?:[0-9a-fA-F]{4,8}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/, 'a PCI address like "0000:01:00.0"');

/** Sets (choice) or clears (null) the model of the card at busId. */
export const SetGpuModelInput = z.object({ busId: BusId, choice: GpuModelChoice.nullable() }).strict();
export type SetGpuModelInput = z.infer<typeof SetGpuModelInput>;

export const GpuOverride = z.object({ busId: z.string(), choice: GpuModelChoice.nullable() });
export type GpuOverride = z.infer<typeof GpuOverride>;

/** A price per kWh in the currency's major unit, as a decimal string: "0.2875". */
export const PricePerKwh = z.string().regex(/^\d{1,6}(\.\d{1,6})?$/, 'a price like "0.2875" (up to 6 decimals)');

export const TimeZone = z.string().refine(isTimeZone, "an IANA time zone such as Europe/Berlin");

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TariffBand = z
  .object({
    /** 0 = Sunday … 6 = Saturday, in the tariff's time zone. */
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    fromHour: z.number().int().min(0).max(23),
    /** Exclusive; 24 = end of day. */
    toHour: z.number().int().min(1).max(24),
    pricePerKwh: PricePerKwh,
  })
  .strict()
  .refine((b) => b.fromHour < b.toHour, "fromHour must be before toHour");
export type TariffBand = z.infer<typeof TariffBand>;

/**
 * USD per 1 unit of the tariff's currency, set by the owner ("1.08" for EUR): the app has no internet
 * rate feed, so electricity in another currency is netted against USD earnings at this rate.
 */
export const UsdPerUnit = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,12})?$/, 'an exchange rate like "1.08": US dollars per 1 unit of the tariff currency (digits and at most one dot)')
  .refine((v) => /[1-9]/.test(v), "the exchange rate must be above 0");

export const Tariff = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("flat"), currency: z.string().regex(/^[A-Z]{3}$/), usdPerUnit: UsdPerUnit.optional(), timeZone: TimeZone, pricePerKwh: PricePerKwh }).strict(),
  z
    .object({
      kind: z.literal("time_of_use"),
      currency: z.string().regex(/^[A-Z]{3}$/),
      usdPerUnit: UsdPerUnit.optional(),
      timeZone: TimeZone,
      /** The price outside every band. */
      defaultPricePerKwh: PricePerKwh,
      /** Later bands win where they overlap. */
      bands: z.array(TariffBand).max(64),
    })
    .strict(),
]);
export type Tariff = z.infer<typeof Tariff>;

/**
 * A tariff as the owner sets it: one in another currency than USD must carry its exchange rate. Stored
 * tariffs are read with the lenient `Tariff` above, so one saved before rates existed still loads (its
 * electricity then shows as "not converted" in earnings rather than as a wrong USD figure).
 */
export const TariffInput = Tariff.superRefine((t, ctx) => {
  if (t.currency !== "USD" && t.usdPerUnit === undefined) {
    ctx.addIssue({ code: "custom", path: ["usdPerUnit"], message: `a ${t.currency} tariff needs its exchange rate: how many US dollars 1 ${t.currency} is worth, e.g. "1.08"` });
  }
  if (t.currency === "USD" && t.usdPerUnit !== undefined && !/^0*1(\.0*)?$/.test(t.usdPerUnit)) {
    ctx.addIssue({ code: "custom", path: ["usdPerUnit"], message: "a USD tariff needs no exchange rate (1 USD = 1 USD): leave it out" });
  }
});

export const DesktopReserve = z
  .object({
    /** null = the default for this machine (see the capacity inventory's effective reserve). */
    cpuThreads: z.number().int().nonnegative().max(4096).nullable(),
    memoryBytes: z.number().int().nonnegative().nullable(),
    diskBytes: z.number().int().nonnegative().nullable(),
  })
  .strict();
export type DesktopReserve = z.infer<typeof DesktopReserve>;

export const HardwareSettings = z.object({
  samplerIntervalSeconds: z.number().int().min(1).max(3600),
  /** The rest of the system's draw in watts; null = estimate it as CPU TDP × CPU load. */
  systemBaselineWatts: z.number().int().nonnegative().max(10_000).nullable(),
  cpuTdpWatts: z.number().int().positive().max(2_000),
  tariff: Tariff.nullable(),
  reserve: DesktopReserve,
});
export type HardwareSettings = z.infer<typeof HardwareSettings>;

export const HardwareSettingsPatch = z
  .object({
    samplerIntervalSeconds: HardwareSettings.shape.samplerIntervalSeconds,
    systemBaselineWatts: HardwareSettings.shape.systemBaselineWatts,
    cpuTdpWatts: HardwareSettings.shape.cpuTdpWatts,
    tariff: TariffInput.nullable(),
    reserve: DesktopReserve.partial().strict(),
  })
  .partial()
  .strict();
export type HardwareSettingsPatch = z.infer<typeof HardwareSettingsPatch>;

export const EnergyQuery = z
  .object({
    from: z.string().datetime(),
    to: z.string().datetime(),
    /** Days are calendar days in the tariff's time zone (UTC without a tariff). */
    groupBy: z.enum(["none", "hour", "day"]).default("day"),
  })
  .strict()
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), "from must be before to")
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, "at most three years per query");
export type EnergyQuery = z.infer<typeof EnergyQuery>;

const EnergySplit = {
  energyWh: z.number().nonnegative(),
  servingWh: z.number().nonnegative(),
  idleWh: z.number().nonnegative(),
};
/** Cost as a decimal string in the tariff's currency; null when no tariff is set. */
const Money = z.string().regex(/^-?\d+(\.\d+)?$/).nullable();

export const EnergyReport = z.object({
  from: z.string().datetime(),
  to: z.string().datetime(),
  currency: z.string().nullable(),
  total: z.object({ ...EnergySplit, cost: Money, servingCost: Money, idleCost: Money }),
  /** Per GPU (by bus id) and "system" (the rest of the machine). */
  channels: z.array(z.object({ channel: z.string(), ...EnergySplit, cost: Money })),
  buckets: z.array(z.object({ start: z.string().datetime(), ...EnergySplit, cost: Money })),
});
export type EnergyReport = z.infer<typeof EnergyReport>;

export const CapacityAmounts = z.object({
  cpuMillis: z.number().int(),
  memoryBytes: z.number().int(),
  storageBytes: z.number().int(),
  gpus: z.number().int(),
});
export type CapacityAmounts = z.infer<typeof CapacityAmounts>;

export const CapacityInventory = z.object({
  detected: CapacityAmounts,
  reserve: CapacityAmounts,
  held: CapacityAmounts,
  /** What can still be sold: detected − reserve − held, never below zero. */
  free: CapacityAmounts,
  reservations: z.array(
    z.object({ id: z.string(), kind: z.enum(["bid", "lease"]), amounts: CapacityAmounts, gpuBusIds: z.array(z.string()), createdAt: z.string().datetime() }),
  ),
  /** The filesystem whose free space is sold. */
  storagePath: z.string(),
});
export type CapacityInventory = z.infer<typeof CapacityInventory>;

export const OwnerActivity = z.object({
  active: z.boolean(),
  /** Why: one line per process or launcher found. Empty when idle. */
  reasons: z.array(z.object({ kind: z.enum(["gpu_process", "game", "launcher"]), pid: z.number().int().nullable(), name: z.string(), detail: z.string() })),
  checkedAt: z.string().datetime(),
});
export type OwnerActivity = z.infer<typeof OwnerActivity>;
