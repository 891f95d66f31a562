import type { RpcPoolSnapshot } from "../../../common/chain-schemas";
import type { HardwareReport } from "../../../common/hardware-schemas";
import type { StatusOverview } from "../../../common/status-schemas";
import type { WalletStatus } from "../../../common/wallet-schemas";
import { DEFAULT_BIDENGINE_SETTINGS } from "../../../main/bidengine/default-settings";
import { buildOverview } from "../../../main/status/build-overview";
import { NO_SOURCES, type StatusSources } from "../../../main/status/sources";

// Small, valid readings of the services for the status tests.

export const ADDRESS = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqjk425l";
export const NOW = new Date("2026-11-21T12:00:00.000Z");

export function wallet(state: WalletStatus["state"]): WalletStatus {
  return { network: "local", state, address: state === "none" ? null : ADDRESS, protection: "passphrase", needsPassphrase: true, problem: state === "damaged" ? "The keystore is corrupt." : null };
}

export function rpc(status: "healthy" | "down" | "unknown"): RpcPoolSnapshot {
  return {
    network: "local",
    chainId: "local-1",
    active: status === "down" ? null : "http://127.0.0.1:26657",
    endpoints: [{ url: "http://127.0.0.1:26657", status, latencyMs: null, height: null, consecutiveFailures: status === "down" ? 3 : 0, lastError: status === "down" ? "ECONNREFUSED" : null, lastCheckedAt: null, retryAt: null }],
  };
}

const check = { verdict: "ready" as const, message: "ok", action: null };

export function hardware(gpus: { vendor: "nvidia" | "intel"; sellable: boolean }[]): HardwareReport {
  return {
    gpus: gpus.map((g, index) => ({
      index,
      busId: `0000:0${index + 1}:00.0`,
      vendor: g.vendor,
      name: g.vendor === "nvidia" ? "NVIDIA GeForce RTX 4090" : "Intel UHD 770",
      model: g.sellable ? "rtx4090" : null,
      attributes: g.sellable ? [{ key: "capabilities/gpu/vendor/nvidia/model/rtx4090", value: "true" }] : [],
      check: g.sellable ? check : { verdict: "needs_action", message: "Unknown model.", action: "Pick the model in Onboarding." },
    })),
    gpuCheck: gpus.some((g) => g.vendor === "nvidia") ? check : { verdict: "needs_action", message: "No GPU found.", action: "Install the NVIDIA driver." },
  } as unknown as HardwareReport;
}

export function balances(uakt: string, reserve: "ok" | "low" = "ok") {
  return { address: ADDRESS, uakt, uact: "0", staked: "0", rewards: "0", pendingActToAkt: "0", sweepable: "0", reserve: { required: "5000000", status: reserve, message: reserve === "low" ? "Keep 5 AKT for bids." : "ok" } };
}

/** A provider that is set up and healthy, before the live engine reports. */
export function healthySources(extra: Partial<StatusSources> = {}): StatusSources {
  return {
    ...NO_SOURCES,
    wallet: wallet("unlocked"),
    rpc: rpc("healthy"),
    hardware: hardware([{ vendor: "nvidia", sellable: true }]),
    cluster: { installed: true, role: "server", k3sVersion: "v1.31.4+k3s1", ours: true, installing: false, message: "ok", health: null },
    bidSettings: DEFAULT_BIDENGINE_SETTINGS,
    bidsLastDay: 0,
    balances: balances("100000000"),
    price: { usd: "3.10", asOf: NOW.toISOString(), stale: false, source: "oracle", error: null },
    leases: [],
    todayNetUsdMicro: "0",
    ...extra,
  };
}

export function overview(extra: Partial<StatusSources> = {}, over: Partial<StatusOverview> = {}): StatusOverview {
  return { ...buildOverview(healthySources(extra), NOW), ...over };
}

export function engine(state: "bidding" | "paused" | "gaming" | "offline", leaseIds: string[] = [], reason: string | null = null) {
  return { state, reason, openBids: 2, activeLeases: leaseIds.length, leaseIds, gamingMode: state === "gaming" };
}
