import type { Db } from "../store/database";
import type { CpuLoadSource } from "./cpu-load";
import { HardwareService } from "./hardware-service";
import { systeminformationHardwareSource, type HardwareInfoSource } from "./hardware-source";
import type { TenantPidCheck } from "./owner-activity";
import { nodeProcessRunner, type ProcessRunner } from "./process-runner";
import { realTimer, type Timer } from "./telemetry-sampler";
import { linuxTenantPidCheck } from "./tenant-pid";

/** What createApp may replace (tests, headless rigs); everything defaults to the real machine. */
export interface HardwareOptions {
  source?: HardwareInfoSource;
  runner?: ProcessRunner;
  timer?: Timer;
  cpuLoad?: CpuLoadSource;
  isTenantPid?: TenantPidCheck;
  storagePath?: string;
  /** Start the power sampler with the app (default true). */
  startSampler?: boolean;
}

/** The filesystem k3s keeps lease volumes on; elsewhere the app's own data dir. */
export function defaultStoragePath(platform: NodeJS.Platform, dataDir: string): string {
  return platform === "linux" ? "/var/lib/rancher" : dataDir;
}

export function createHardware(db: Db, dataDir: string, options: HardwareOptions, now: () => Date, log: (line: string) => void): HardwareService {
  const service = new HardwareService({
    db,
    source: options.source ?? systeminformationHardwareSource,
    runner: options.runner ?? nodeProcessRunner,
    timer: options.timer ?? realTimer,
    now,
    log,
    cpuLoad: options.cpuLoad,
    isTenantPid: options.isTenantPid ?? linuxTenantPidCheck,
    storagePath: options.storagePath ?? defaultStoragePath(process.platform, dataDir),
  });
  if (options.startSampler !== false) service.start();
  return service;
}
