import type { BidEngineSettings } from "../../common/bidengine-schemas";
import { gpuCapabilityKeys } from "./engine-context";

// The documented defaults: what screening uses when the owner has saved nothing (the CLI without a
// data dir, or the app before onboarding). One RTX 4090 gaming PC on a 6 s chain, prices close to
// what community GPU providers ask, a floor from 350 W at $0.30/kWh plus 20 %. `npm run screen --
// --help` prints them.

const GiB = 2 ** 30;

function gpuAttributes(model: string, ramGi: number): { key: string; value: string }[] {
  return gpuCapabilityKeys("nvidia", model, ramGi, "pcie").map((key) => ({ key: `capabilities/gpu/${key}`, value: "true" }));
}

export const DEFAULT_BIDENGINE_SETTINGS: BidEngineSettings = {
  paused: false,
  provider: {
    address: null,
    attributes: [
      { key: "host", value: "akash" },
      { key: "tier", value: "community" },
      { key: "capabilities/gpu", value: "nvidia" },
      ...gpuAttributes("rtx4090", 24),
      { key: "capabilities/storage/1/class", value: "beta2" },
      { key: "capabilities/storage/1/persistent", value: "true" },
      { key: "capabilities/storage/2/class", value: "ram" },
      { key: "capabilities/storage/2/persistent", value: "false" },
    ],
    auditorSignatures: [],
  },
  chain: {
    supportsReclamation: false,
    orderMaxBids: 20,
    maxVolumesPerUnit: 20,
    blockTimeMs: 6_000,
    deposit: { denom: "uakt", amount: "500000" },
    feeEstimate: { denom: "uakt", amount: "25000" },
  },
  pricing: {
    strategy: "fixed",
    usdPerHour: {
      gpu: { rtx4090: "0.30", "*": "0.20" },
      cpuThread: "0.005",
      memoryGiB: "0.002",
      storageGiB: { ephemeral: "0.0001", beta1: "0.0001", beta2: "0.0002", beta3: "0.0003", ram: "0.002" },
      endpoint: "0.0005",
      leasedIp: "0.005",
    },
    market: { percentile: 50, adjustBps: -500 },
  },
  cost: {
    gpuWatts: { rtx4090: 350, "*": 250 },
    cpuWattsPerThread: 6,
    tariffUsdPerKwh: "0.30",
    marginBps: 2_000,
    depreciationUsdPerGpuHour: "0.02",
  },
  policies: {
    pauseWhileGaming: true,
    quietWindows: [],
    allowTenants: [],
    denyTenants: [],
    minLeaseUsdPerHour: "0",
    maxConcurrentBids: 10,
    keepReserve: "1000000",
  },
  declaredInventory: [
    {
      name: "this-pc",
      gpus: [{ model: "rtx4090", vendor: "nvidia", ramGi: 24, interface: "pcie", free: 1 }],
      cpuMillis: 16_000,
      memoryBytes: String(32 * GiB),
      ephemeralBytes: String(200 * GiB),
      storageClasses: { beta2: String(500 * GiB) },
    },
  ],
};
