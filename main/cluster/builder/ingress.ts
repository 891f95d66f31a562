import type { IIngress } from "kubernetes-models/networking.k8s.io/v1";
import type { LeaseId, ManifestService } from "../../../common/gateway-schemas";
import { BuildError } from "./build-error";
import { exposes, externalPort, isIngress } from "./expose";
import { MANIFEST_SERVICE } from "./labels";
import { generatedHostname, objectName } from "./names";
import type { BuilderSettings } from "./settings";

// HTTP global exposes are served by hostname through the ingress controller: one generated host
// under the provider's ingress domain (always) plus the tenant's own hosts that the provider
// accepted (a host another lease already holds is refused by the caller).

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;

export function isValidHostname(host: string): boolean {
  return HOSTNAME.test(host);
}

export interface IngressBuild {
  ingresses: IIngress[];
  hosts: string[];
}

export function buildIngresses(
  service: ManifestService,
  lease: LeaseId,
  namespace: string,
  labels: Record<string, string>,
  settings: BuilderSettings,
  rejectedHosts: ReadonlySet<string>,
): IngressBuild {
  const ingresses: IIngress[] = [];
  const allHosts: string[] = [];
  for (const expose of exposes(service)) {
    if (!isIngress(expose)) continue;
    const generated = generatedHostname(lease, `${service.name}/${expose.port}`, settings.ingressDomain);
    const tenant = (expose.hosts ?? []).map((h) => h.toLowerCase());
    for (const host of tenant) {
      if (!isValidHostname(host)) throw new BuildError(`invalid hostname ${JSON.stringify(host.slice(0, 64))}`, service.name);
      if (host === settings.ingressDomain || host.endsWith(`.${settings.ingressDomain}`)) {
        throw new BuildError(`hostname ${host} is reserved by the provider`, service.name);
      }
    }
    const hosts = [...new Set([generated, ...tenant.filter((h) => !rejectedHosts.has(h))])];
    allHosts.push(...hosts);
    ingresses.push({
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: objectName(service.name, `in${expose.port}`), namespace, labels: { ...labels, [MANIFEST_SERVICE]: service.name } },
      spec: {
        ingressClassName: settings.ingressClass,
        rules: hosts.map((host) => ({
          host,
          http: {
            paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: service.name, port: { number: externalPort(expose) } } } }],
          },
        })),
      },
    });
  }
  return { ingresses, hosts: allHosts };
}
