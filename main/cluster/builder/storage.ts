import type { ManifestService, ManifestStorage } from "../../../common/gateway-schemas";
import { BuildError } from "./build-error";

// Classifies a service's storage: RAM volumes (tmpfs, counted in memory), persistent volumes
// (PVCs, which turn the workload into a StatefulSet) and ephemeral volumes (node disk, counted
// in the container's ephemeral-storage).

export interface ClassifiedVolume {
  name: string;
  bytes: bigint;
  kind: "ram" | "persistent" | "ephemeral";
  storageClass: string | null;
  mount: string | null;
  readOnly: boolean;
}

function attribute(storage: ManifestStorage, key: string): string | undefined {
  return storage.attributes?.find((a) => a.key === key)?.value;
}

export function classifyStorage(service: ManifestService): ClassifiedVolume[] {
  const params = new Map((service.params?.storage ?? []).map((p) => [p.name, p]));
  const seen = new Set<string>();
  const volumes: ClassifiedVolume[] = [];
  for (const storage of service.resources.storage ?? []) {
    if (seen.has(storage.name)) throw new BuildError(`storage ${storage.name} is declared twice`, service.name);
    seen.add(storage.name);
    const storageClass = attribute(storage, "class") ?? null;
    const persistent = attribute(storage, "persistent") === "true";
    const kind = storageClass === "ram" ? "ram" : persistent ? "persistent" : "ephemeral";
    if (kind === "ram" && persistent) throw new BuildError(`storage ${storage.name}: ram cannot be persistent`, service.name);
    const param = params.get(storage.name);
    const mount = param?.mount ? param.mount : null;
    if (mount !== null && !mount.startsWith("/")) throw new BuildError(`storage ${storage.name}: mount must be absolute`, service.name);
    if (kind !== "ephemeral" && mount === null) throw new BuildError(`storage ${storage.name} needs a mount`, service.name);
    volumes.push({ name: storage.name, bytes: BigInt(storage.size.val), kind, storageClass, mount, readOnly: param?.readOnly ?? false });
  }
  for (const name of params.keys()) {
    if (!seen.has(name)) throw new BuildError(`params name unknown storage ${name}`, service.name);
  }
  return volumes;
}
