import type { IContainer, IEnvVar, IVolume, IVolumeMount } from "kubernetes-models/v1";
import type { LeaseId, ManifestService } from "../../../common/gateway-schemas";
import { BuildError } from "./build-error";
import { exposes } from "./expose";
import type { BuilderSettings } from "./settings";
import type { ClassifiedVolume } from "./storage";

// One tenant container: requests equal limits (the bid reserved exactly this much), GPUs as the
// NVIDIA device plugin's extended resource, the Akash env vars tenants' images rely on.

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function parseEnv(entries: readonly string[], service: string): IEnvVar[] {
  const seen = new Map<string, IEnvVar>();
  for (const entry of entries) {
    const eq = entry.indexOf("=");
    const name = eq < 0 ? entry : entry.slice(0, eq);
    const value = eq < 0 ? "" : entry.slice(eq + 1);
    if (!ENV_NAME.test(name)) throw new BuildError(`invalid environment variable name ${JSON.stringify(name.slice(0, 64))}`, service);
    // Later entries win, as with a shell; Kubernetes would otherwise reject duplicates.
    seen.set(name, { name, value });
  }
  return [...seen.values()];
}

function akashEnv(lease: LeaseId, settings: BuilderSettings): IEnvVar[] {
  return [
    { name: "AKASH_GROUP_SEQUENCE", value: String(lease.gseq) },
    { name: "AKASH_DEPLOYMENT_SEQUENCE", value: lease.dseq },
    { name: "AKASH_ORDER_SEQUENCE", value: String(lease.oseq) },
    { name: "AKASH_OWNER", value: lease.owner },
    { name: "AKASH_PROVIDER", value: lease.provider },
    { name: "AKASH_CLUSTER_PUBLIC_HOSTNAME", value: settings.clusterPublicHostname },
  ];
}

export function gpuUnits(service: ManifestService): bigint {
  return BigInt(service.resources.gpu?.units.val ?? "0");
}

export function volumeName(volume: ClassifiedVolume): string {
  return `vol-${volume.name}`.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 63).replace(/-+$/, "");
}

export function buildContainer(service: ManifestService, lease: LeaseId, volumes: ClassifiedVolume[], settings: BuilderSettings): IContainer {
  const cpuMilli = BigInt(service.resources.cpu.units.val);
  const memory = BigInt(service.resources.memory.size.val);
  if (cpuMilli === 0n) throw new BuildError("cpu units must be positive", service.name);
  if (memory === 0n) throw new BuildError("memory must be positive", service.name);
  const ram = volumes.filter((v) => v.kind === "ram").reduce((sum, v) => sum + v.bytes, 0n);
  const ephemeral = volumes.filter((v) => v.kind === "ephemeral").reduce((sum, v) => sum + v.bytes, 0n);
  const gpus = gpuUnits(service);
  const requests: Record<string, string> = { cpu: `${cpuMilli}m`, memory: memory.toString() };
  // tmpfs pages count against the memory cgroup, so RAM volumes raise the limit, not the request.
  const limits: Record<string, string> = { cpu: `${cpuMilli}m`, memory: (memory + ram).toString() };
  if (ephemeral > 0n) {
    requests["ephemeral-storage"] = ephemeral.toString();
    limits["ephemeral-storage"] = ephemeral.toString();
  }
  if (gpus > 0n) {
    requests["nvidia.com/gpu"] = gpus.toString();
    limits["nvidia.com/gpu"] = gpus.toString();
  }
  const ports = new Map<string, { containerPort: number; protocol: "TCP" | "UDP" }>();
  for (const expose of exposes(service)) ports.set(`${expose.proto}/${expose.port}`, { containerPort: expose.port, protocol: expose.proto });
  const mounts: IVolumeMount[] = volumes
    .filter((v) => v.mount !== null)
    .map((v) => ({ name: volumeName(v), mountPath: v.mount as string, readOnly: v.readOnly }));
  const container: IContainer = {
    name: service.name,
    image: service.image,
    env: [...akashEnv(lease, settings), ...parseEnv(service.env ?? [], service.name)],
    resources: { requests, limits },
    securityContext: { allowPrivilegeEscalation: false, privileged: false },
    imagePullPolicy: "IfNotPresent",
  };
  if (service.command && service.command.length > 0) container.command = [...service.command];
  if (service.args && service.args.length > 0) container.args = [...service.args];
  if (ports.size > 0) container.ports = [...ports.values()];
  if (mounts.length > 0) container.volumeMounts = mounts;
  return container;
}

/** Pod volumes for RAM and mounted ephemeral storage; persistent ones come from claim templates. */
export function podVolumes(volumes: ClassifiedVolume[]): IVolume[] {
  return volumes
    .filter((v) => v.mount !== null && v.kind !== "persistent")
    .map((v) =>
      v.kind === "ram"
        ? { name: volumeName(v), emptyDir: { medium: "Memory", sizeLimit: v.bytes.toString() } }
        : { name: volumeName(v), emptyDir: { sizeLimit: v.bytes.toString() } },
    );
}
