import { ContractFailure } from "../../common/envelope";
import { freeBytesAt } from "./free-space";
import type {
  CapacityInventory,
  EnergyQuery,
  EnergyReport,
  GpuModelChoice,
  GpuOverride,
  HardwareReport,
  HardwareSettings,
  HardwareSettingsPatch,
  OwnerActivity,
  SetGpuModelInput,
} from "../../common/hardware-schemas";
import type { Db } from "../store/database";
import { CapacityLedger, detectedFromReport, type DetectedResources, type Reservation, type ReserveRequest } from "./capacity";
import { osCpuLoad, type CpuLoadSource } from "./cpu-load";
import { queryEnergy } from "./energy-query";
import { gpuTable, type GpuTable } from "./gpu-table";
import { HardwareSettingsRepo } from "./hardware-settings-repo";
import type { HardwareInfoSource } from "./hardware-source";
import { buildHardwareReport } from "./hardware-report";
import { detectOwnerActivity, type TenantPidCheck } from "./owner-activity";
import { normalizeBusId } from "./pci-address";
import type { ProcessRunner } from "./process-runner";
import { TelemetrySampler, type Timer } from "./telemetry-sampler";
import { TelemetryStore } from "./telemetry-store";

// The hardware service: the one object the composition root builds and the bid engine, earnings and
// provider services talk to.

const DETECTION_MAX_AGE_MS = 5 * 60_000;

export interface HardwareServiceDeps {
  db: Db;
  source: HardwareInfoSource;
  runner: ProcessRunner;
  now: () => Date;
  timer: Timer;
  /** The filesystem whose free space is sold (k3s's storage). */
  storagePath: string;
  isTenantPid: TenantPidCheck;
  cpuLoad?: CpuLoadSource;
  table?: GpuTable;
  log?: (line: string) => void;
}

export class HardwareService {
  readonly telemetry: TelemetryStore;
  readonly sampler: TelemetrySampler;
  private readonly settingsRepo: HardwareSettingsRepo;
  private readonly ledger: CapacityLedger;
  private readonly table: GpuTable;
  private lastReport: HardwareReport | null = null;
  private lastReportAt = 0;
  private pendingReport: Promise<HardwareReport> | null = null;

  constructor(private readonly deps: HardwareServiceDeps) {
    this.table = deps.table ?? gpuTable;
    this.telemetry = new TelemetryStore(deps.db);
    this.settingsRepo = new HardwareSettingsRepo(deps.db, deps.now);
    this.ledger = new CapacityLedger(deps.db, deps.now);
    this.sampler = new TelemetrySampler({
      runner: deps.runner,
      store: this.telemetry,
      clock: () => deps.now().getTime(),
      timer: deps.timer,
      cpuLoad: deps.cpuLoad ?? osCpuLoad(),
      log: deps.log,
      settings: () => {
        const s = this.settingsRepo.get();
        return { intervalSeconds: s.samplerIntervalSeconds, systemBaselineWatts: s.systemBaselineWatts, cpuTdpWatts: s.cpuTdpWatts };
      },
    });
  }

  /** A fresh report; concurrent callers share one detection. */
  report(): Promise<HardwareReport> {
    if (!this.pendingReport) {
      this.pendingReport = buildHardwareReport({ source: this.deps.source, runner: this.deps.runner, table: this.table, overrides: this.settingsRepo.overrides(), now: this.deps.now })
        .then((report) => {
          this.lastReport = report;
          this.lastReportAt = this.deps.now().getTime();
          return report;
        })
        .finally(() => (this.pendingReport = null));
    }
    return this.pendingReport;
  }

  gpuModels(): GpuModelChoice[] {
    return this.table.choices();
  }

  async setGpuModel(input: SetGpuModelInput): Promise<GpuOverride> {
    const busId = normalizeBusId(input.busId);
    if (!busId) throw new ContractFailure("INVALID_INPUT", `"${input.busId}" is not a PCI address.`);
    if (input.choice && !this.table.isChoice(input.choice)) {
      throw new ContractFailure("INVALID_INPUT", `${input.choice.model} ${input.choice.vram} ${input.choice.interface} is not in Akash's GPU table: pick one from hardware.gpuModels.`);
    }
    this.settingsRepo.setOverride(busId, input.choice);
    this.lastReport = null;
    return { busId, choice: input.choice };
  }

  settings(): HardwareSettings {
    return this.settingsRepo.get();
  }

  updateSettings(patch: HardwareSettingsPatch): HardwareSettings {
    const before = this.settingsRepo.get();
    const next = this.settingsRepo.update(patch);
    if (next.samplerIntervalSeconds !== before.samplerIntervalSeconds && this.sampler.running) this.sampler.restart();
    return next;
  }

  energy(query: EnergyQuery): EnergyReport {
    return queryEnergy(this.deps.db, this.telemetry, { fromMs: Date.parse(query.from), toMs: Date.parse(query.to), groupBy: query.groupBy }, this.settingsRepo.get().tariff);
  }

  async capacity(): Promise<CapacityInventory> {
    return this.ledger.inventory(await this.detected(), this.settingsRepo.get().reserve);
  }

  /** For the bid engine: hold capacity for a bid (or lease), or fail with CONFLICT. */
  async reserve(request: ReserveRequest): Promise<Reservation> {
    return this.ledger.reserve(request, await this.detected(), this.settingsRepo.get().reserve);
  }

  promote(id: string): boolean {
    return this.ledger.promote(id);
  }

  release(id: string): boolean {
    return this.ledger.release(id);
  }

  /** For the bid engine: a lease started / ended on these GPUs (feeds the serving/idle energy split). */
  leaseStarted(leaseId: string, at: Date, gpuBusIds: readonly string[]): void {
    this.telemetry.leaseStarted(leaseId, at.getTime(), gpuBusIds);
  }

  leaseEnded(leaseId: string, at: Date): void {
    this.telemetry.leaseEnded(leaseId, at.getTime());
  }

  ownerActivity(): Promise<OwnerActivity> {
    return detectOwnerActivity({ runner: this.deps.runner, source: this.deps.source, isTenantPid: this.deps.isTenantPid, now: this.deps.now });
  }

  start(): void {
    this.sampler.start();
  }

  stop(): void {
    this.sampler.stop();
  }

  private async detected(): Promise<DetectedResources> {
    // Capacity follows hot-plugged disks and driver changes without re-detecting on every bid.
    const fresh = this.lastReport && this.deps.now().getTime() - this.lastReportAt < DETECTION_MAX_AGE_MS;
    const report = fresh ? this.lastReport! : await this.report();
    return detectedFromReport(report, this.deps.storagePath, () => freeBytesAt(this.deps.storagePath));
  }
}
