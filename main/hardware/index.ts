// The hardware service's public surface.
export { HardwareService, type HardwareServiceDeps } from "./hardware-service";
export type { Reservation, ReserveRequest } from "./capacity";
export { nodeProcessRunner, type ProcessRunner, type RunResult } from "./process-runner";
export { systeminformationHardwareSource, type HardwareInfoSource } from "./hardware-source";
export { realTimer, type Timer } from "./telemetry-sampler";
export { linuxTenantPidCheck } from "./tenant-pid";
export { createHardware, type HardwareOptions } from "./create-hardware";
export { hardwareHandlers } from "./hardware-handlers";
