import type { IDeployment, IStatefulSet } from "kubernetes-models/apps/v1";
import type { IPodSpec } from "kubernetes-models/v1";
import type { LeaseId, ManifestService } from "../../../common/gateway-schemas";
import { BuildError } from "./build-error";
import { buildContainer, gpuUnits, podVolumes, volumeName } from "./container";
import { AKASH_MANAGED, MANIFEST_SERVICE } from "./labels";
import type { BuilderSettings } from "./settings";
import { classifyStorage } from "./storage";

// A Deployment per service, or a StatefulSet when the service keeps persistent volumes (each
// replica then owns its claims, and they survive pod restarts).

export function credentialsSecretName(service: string): string {
  return `${service}-docker-creds`.length <= 63 ? `${service}-docker-creds` : `${service.slice(0, 50)}-docker-creds`;
}

export function buildWorkload(
  service: ManifestService,
  lease: LeaseId,
  namespace: string,
  labels: Record<string, string>,
  settings: BuilderSettings,
): IDeployment | IStatefulSet {
  const volumes = classifyStorage(service);
  const selector = { [AKASH_MANAGED]: "true", [MANIFEST_SERVICE]: service.name };
  const podLabels = { ...labels, [MANIFEST_SERVICE]: service.name };
  const pod: IPodSpec = {
    containers: [buildContainer(service, lease, volumes, settings)],
    // Tenants get no Kubernetes API credentials and no service-link env noise.
    automountServiceAccountToken: false,
    enableServiceLinks: false,
  };
  const gpus = gpuUnits(service);
  if (gpus > 0n) pod.runtimeClassName = settings.gpuRuntimeClass;
  if (service.credentials) pod.imagePullSecrets = [{ name: credentialsSecretName(service.name) }];
  const extraVolumes = podVolumes(volumes);
  if (extraVolumes.length > 0) pod.volumes = extraVolumes;
  const metadata = { name: service.name, namespace, labels: podLabels };
  const template = { metadata: { labels: podLabels }, spec: pod };
  const persistent = volumes.filter((v) => v.kind === "persistent");
  if (persistent.length === 0) {
    return {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata,
      spec: {
        replicas: service.count,
        selector: { matchLabels: selector },
        revisionHistoryLimit: 10,
        // One GPU rig cannot hold two generations of a GPU pod at once: replace, don't surge.
        strategy: gpus > 0n ? { type: "Recreate" } : { type: "RollingUpdate" },
        template,
      },
    };
  }
  const claims = persistent.map((v) => {
    const storageClassName = settings.storageClasses[v.storageClass ?? "default"];
    if (!storageClassName) throw new BuildError(`storage class ${v.storageClass} is not offered`, service.name);
    return {
      metadata: { name: volumeName(v), labels: podLabels },
      spec: { accessModes: ["ReadWriteOnce" as const], storageClassName, resources: { requests: { storage: v.bytes.toString() } } },
    };
  });
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata,
    spec: {
      replicas: service.count,
      serviceName: service.name,
      selector: { matchLabels: selector },
      revisionHistoryLimit: 10,
      template,
      volumeClaimTemplates: claims,
    },
  };
}
