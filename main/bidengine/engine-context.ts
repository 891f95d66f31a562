import type { BidEngineSettings, InventoryNode } from "../../common/bidengine-schemas";
import { parseDec18 } from "./decimal";
import { tariffInUse, type ElectricityRatePort, type TariffInUse } from "./electricity-rate";
import { compileGlob, type Matcher } from "./glob";

// Everything a decision depends on besides the order, compiled once per snapshot (per block, or per
// settings change) so that deciding one order allocates little and parses nothing. The engine builds
// it from its ports; screening builds it from saved settings. Pure data: no I/O.

export interface EngineInputs {
  settings: BidEngineSettings;
  /** Free capacity now (hardware + cluster); the settings' declared inventory where absent. */
  inventory?: readonly InventoryNode[];
  now: Date;
  /** Minutes east of UTC of the owner's clock (quiet windows are in local time). */
  utcOffsetMinutes: number;
  /** The owner is gaming (hardware service's signal). */
  gaming: boolean;
  /** Bids we hold that are still open. */
  openBids: number;
  /** Spendable wallet balance per denom (base units). Absent: unknown, so collateral is not checked. */
  balances?: ReadonlyMap<string, bigint>;
  /** Active lease prices per GPU unit by model (atto-uact per block), from the chain's leases. */
  marketGpuPrices?: ReadonlyMap<string, readonly bigint[]>;
  /** The owner's hardware tariff at `now` in USD/kWh; absent or unusable: `cost.tariffUsdPerKwh`. */
  electricityRate?: ElectricityRatePort;
}

export interface Attr {
  key: string;
  value: string;
}

export interface GpuSlot {
  model: string;
  /** Capability keys this GPU answers to (`vendor/nvidia/model/rtx4090/ram/24Gi`, …). */
  keys: string[];
  free: number;
}

export interface CapacityNode {
  name: string;
  gpus: GpuSlot[];
  cpuMillis: number;
  memoryBytes: bigint;
  ephemeralBytes: bigint;
  storageClasses: Map<string, bigint>;
  /** The owner's desktop reserve here, and what was detected: only for decline messages. */
  desktopReserve?: { kept: ReserveShare; detected: ReserveShare };
}

export interface ReserveShare {
  cpuMillis: number;
  memoryBytes: bigint;
  ephemeralBytes: bigint;
}

export interface CompiledContext {
  settings: BidEngineSettings;
  attributes: Attr[];
  /** Provider keys under `capabilities/gpu/`, prefix stripped. */
  gpuCapabilities: Attr[];
  /** `capabilities/storage/<n>/<key>` grouped by n. */
  storageGroups: Attr[][];
  auditorSigned: Map<string, Attr[]>;
  nodes: CapacityNode[];
  now: Date;
  localMinuteOfWeek: number;
  gaming: boolean;
  openBids: number;
  balances: ReadonlyMap<string, bigint> | null;
  allowTenants: Set<string> | null;
  denyTenants: Set<string>;
  prices: CompiledPrices;
  /** Percentile reference per GPU model (atto-uact per block per GPU). */
  marketReference: Map<string, bigint>;
  /** The electricity tariff the cost floor uses now, and how decisions name it. */
  tariff: TariffInUse;
}

export interface CompiledPrices {
  blockMs: bigint;
  /** atto-USD per hour. */
  gpu: Map<string, bigint>;
  gpuDefault: bigint;
  cpuThread: bigint;
  memoryGiB: bigint;
  storageGiB: Map<string, bigint>;
  endpoint: bigint;
  leasedIp: bigint;
  gpuWatts: Map<string, bigint>;
  gpuWattsDefault: bigint;
  cpuWattsPerThread: bigint;
  tariffAttoUsdPerKwh: bigint;
  marginBps: bigint;
  depreciationPerGpuHour: bigint;
  /** atto-uact per block. */
  minLease: bigint;
  deposit: { denom: string; amount: bigint };
  fee: { denom: string; amount: bigint };
  keepReserve: bigint;
}

/** The capability keys a GPU publishes: both path orders of ram/interface, as PROTOCOL §2.7 says. */
export function gpuCapabilityKeys(vendor: string, model: string, ramGi: number | null, iface: string): string[] {
  const base = `vendor/${vendor}/model/${model}`;
  const keys = [base, `${base}/interface/${iface}`];
  if (ramGi !== null) keys.push(`${base}/ram/${ramGi}Gi`, `${base}/ram/${ramGi}Gi/interface/${iface}`, `${base}/interface/${iface}/ram/${ramGi}Gi`);
  return keys;
}

export function compileInventory(nodes: readonly InventoryNode[]): CapacityNode[] {
  return nodes.map((n) => ({
    name: n.name,
    gpus: n.gpus.map((g) => ({ model: g.model, keys: gpuCapabilityKeys(g.vendor, g.model, g.ramGi, g.interface), free: g.free })),
    cpuMillis: n.cpuMillis,
    memoryBytes: BigInt(n.memoryBytes),
    ephemeralBytes: BigInt(n.ephemeralBytes),
    storageClasses: new Map(Object.entries(n.storageClasses).map(([k, v]) => [k, BigInt(v)])),
    ...(n.desktopReserve ? { desktopReserve: { kept: reserveShare(n.desktopReserve.kept), detected: reserveShare(n.desktopReserve.detected) } } : {}),
  }));
}

function reserveShare(a: { cpuMillis: number; memoryBytes: string; ephemeralBytes: string }): ReserveShare {
  return { cpuMillis: a.cpuMillis, memoryBytes: BigInt(a.memoryBytes), ephemeralBytes: BigInt(a.ephemeralBytes) };
}

const GPU_PREFIX = "capabilities/gpu/";
const STORAGE_KEY = /^capabilities\/storage\/([^/]+)\/(.+)$/;

export function compileContext(inputs: EngineInputs): CompiledContext {
  const { settings } = inputs;
  const attributes = settings.provider.attributes.map((a) => ({ key: a.key, value: a.value }));
  const gpuCapabilities: Attr[] = [];
  const storage = new Map<string, Attr[]>();
  for (const a of attributes) {
    if (a.key.startsWith(GPU_PREFIX)) gpuCapabilities.push({ key: a.key.slice(GPU_PREFIX.length), value: a.value });
    const m = STORAGE_KEY.exec(a.key);
    if (m) {
      const group = storage.get(m[1]!) ?? [];
      group.push({ key: m[2]!, value: a.value });
      storage.set(m[1]!, group);
    }
  }
  const auditorSigned = new Map<string, Attr[]>();
  for (const s of settings.provider.auditorSignatures) auditorSigned.set(s.auditor, [...(auditorSigned.get(s.auditor) ?? []), ...s.attributes]);

  const local = new Date(inputs.now.getTime() + inputs.utcOffsetMinutes * 60_000);
  const p = settings.pricing.usdPerHour;
  const usd = (text: string, what: string) => parseDec18(text, what);
  const blockMs = BigInt(settings.chain.blockTimeMs);
  const tariff = tariffInUse(settings.cost.tariffUsdPerKwh, inputs.electricityRate, inputs.now);
  const prices: CompiledPrices = {
    blockMs,
    gpu: new Map(Object.entries(p.gpu).filter(([k]) => k !== "*").map(([k, v]) => [k, usd(v, `pricing.gpu.${k}`)])),
    gpuDefault: p.gpu["*"] === undefined ? 0n : usd(p.gpu["*"], "pricing.gpu.*"),
    cpuThread: usd(p.cpuThread, "pricing.cpuThread"),
    memoryGiB: usd(p.memoryGiB, "pricing.memoryGiB"),
    storageGiB: new Map(Object.entries(p.storageGiB).map(([k, v]) => [k, usd(v, `pricing.storageGiB.${k}`)])),
    endpoint: usd(p.endpoint, "pricing.endpoint"),
    leasedIp: usd(p.leasedIp, "pricing.leasedIp"),
    gpuWatts: new Map(Object.entries(settings.cost.gpuWatts).filter(([k]) => k !== "*").map(([k, v]) => [k, BigInt(v)])),
    gpuWattsDefault: BigInt(settings.cost.gpuWatts["*"] ?? 0),
    cpuWattsPerThread: BigInt(settings.cost.cpuWattsPerThread),
    tariffAttoUsdPerKwh: tariff.attoUsdPerKwh,
    marginBps: BigInt(settings.cost.marginBps),
    depreciationPerGpuHour: usd(settings.cost.depreciationUsdPerGpuHour, "cost.depreciationUsdPerGpuHour"),
    minLease: usdPerHourToAttoUactPerBlock(usd(settings.policies.minLeaseUsdPerHour, "policies.minLeaseUsdPerHour"), blockMs),
    deposit: { denom: settings.chain.deposit.denom, amount: BigInt(settings.chain.deposit.amount) },
    fee: { denom: settings.chain.feeEstimate.denom, amount: BigInt(settings.chain.feeEstimate.amount) },
    keepReserve: BigInt(settings.policies.keepReserve),
  };
  const marketReference = new Map<string, bigint>();
  for (const [model, list] of inputs.marketGpuPrices ?? []) {
    const ref = percentile(list, settings.pricing.market.percentile);
    if (ref !== null) marketReference.set(model, ref);
  }
  // Warm the glob cache for our own keys' likely patterns is unnecessary: order patterns are cached on first use.
  return {
    settings,
    attributes,
    gpuCapabilities,
    storageGroups: [...storage.values()],
    auditorSigned,
    nodes: compileInventory(inputs.inventory ?? settings.declaredInventory),
    now: inputs.now,
    localMinuteOfWeek: local.getUTCDay() * 1440 + local.getUTCHours() * 60 + local.getUTCMinutes(),
    gaming: inputs.gaming,
    openBids: inputs.openBids,
    balances: inputs.balances ?? null,
    allowTenants: settings.policies.allowTenants.length ? new Set(settings.policies.allowTenants) : null,
    denyTenants: new Set(settings.policies.denyTenants),
    prices,
    marketReference,
    tariff,
  };
}

/** USD per hour (atto) → uact per block (atto), ACT ≈ $1: × 10^6 uact/USD × blockMs / 3.6e6 ms/h. */
export function usdPerHourToAttoUactPerBlock(attoUsdPerHour: bigint, blockMs: bigint): bigint {
  return (attoUsdPerHour * blockMs * 10n) / 36n;
}

/** Nearest-rank percentile of a list (not necessarily sorted); null when empty. */
export function percentile(values: readonly bigint[], p: number): bigint | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** `orderAttrs ⊆ providerAttrs`: each wanted key glob-matches some provider key with the same value. */
export function attributesSubset(wanted: readonly Attr[], offered: readonly Attr[]): Attr | null {
  for (const w of wanted) {
    const match: Matcher = compileGlob(w.key);
    let found = false;
    for (const o of offered) {
      if (o.value === w.value && match(o.key)) {
        found = true;
        break;
      }
    }
    if (!found) return w;
  }
  return null;
}
