import type { INamespace, ISecret, IService } from "kubernetes-models/v1";
import type { IDeployment, IStatefulSet } from "kubernetes-models/apps/v1";
import type { IIngress, INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import type { LeaseId, ManifestGroup, ManifestService } from "../../../common/gateway-schemas";
import { BuildError } from "./build-error";
import { buildIngresses } from "./ingress";
import { leaseLabels, NAMESPACE_LABEL } from "./labels";
import { isDnsLabel, leaseNamespace } from "./names";
import { buildNetworkPolicies } from "./network-policies";
import { buildServices } from "./services";
import type { BuilderSettings } from "./settings";
import { buildWorkload, credentialsSecretName } from "./workload";

export type LeaseObject = INamespace | INetworkPolicy | ISecret | IService | IDeployment | IStatefulSet | IIngress;

export interface LeaseObjects {
  namespace: string;
  /** In apply order: namespace first, policies before any pod can start. */
  objects: LeaseObject[];
  /** Public hostnames per service (generated + accepted tenant hosts). */
  hosts: Record<string, string[]>;
}

export interface BuildLeaseInput {
  lease: LeaseId;
  group: ManifestGroup;
  settings: BuilderSettings;
  /** Tenant hostnames already held by another lease on this provider. */
  rejectedHosts?: ReadonlySet<string>;
}

function pullSecret(service: ManifestService, namespace: string, labels: Record<string, string>): ISecret | null {
  const creds = service.credentials;
  if (!creds) return null;
  const auth = Buffer.from(`${creds.username}:${creds.password}`).toString("base64");
  const config = { auths: { [creds.host]: { username: creds.username, password: creds.password, email: creds.email ?? "", auth } } };
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: credentialsSecretName(service.name), namespace, labels },
    type: "kubernetes.io/dockerconfigjson",
    data: { ".dockerconfigjson": Buffer.from(JSON.stringify(config)).toString("base64") },
  };
}

/** Pure: one manifest group of a lease → the Kubernetes objects that run it. Throws BuildError. */
export function buildLeaseObjects(input: BuildLeaseInput): LeaseObjects {
  const { lease, group, settings } = input;
  const namespace = leaseNamespace(lease);
  const labels = leaseLabels(lease);
  const names = new Set<string>();
  for (const service of group.services) {
    if (!isDnsLabel(service.name)) throw new BuildError("name is not a DNS label", service.name);
    if (names.has(service.name)) throw new BuildError("service is declared twice", service.name);
    names.add(service.name);
  }
  const ns: INamespace = {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: namespace, labels: { ...labels, [NAMESPACE_LABEL]: namespace } },
  };
  const objects: LeaseObject[] = [ns, ...buildNetworkPolicies(group, namespace, labels, settings)];
  const hosts: Record<string, string[]> = {};
  const workloads: LeaseObject[] = [];
  const services: LeaseObject[] = [];
  const ingresses: LeaseObject[] = [];
  for (const service of group.services) {
    const secret = pullSecret(service, namespace, labels);
    if (secret) objects.push(secret);
    services.push(...buildServices(service, namespace, labels));
    workloads.push(buildWorkload(service, lease, namespace, labels, settings));
    const built = buildIngresses(service, lease, namespace, labels, settings, input.rejectedHosts ?? new Set());
    ingresses.push(...built.ingresses);
    if (built.hosts.length > 0) hosts[service.name] = built.hosts;
  }
  objects.push(...services, ...workloads, ...ingresses);
  return { namespace, objects, hosts };
}
