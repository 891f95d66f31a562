import type { IService, IServicePort } from "kubernetes-models/v1";
import type { ManifestService } from "../../../common/gateway-schemas";
import { exposes, externalPort, isIngress, isNodePort, portName } from "./expose";
import { AKASH_MANAGED, MANIFEST_SERVICE } from "./labels";
import { objectName } from "./names";

// Per tenant service: a ClusterIP Service (in-lease traffic and the ingress backend) and a
// NodePort Service for global non-HTTP / RANDOM_PORT exposes. Node ports are left for Kubernetes
// to allocate; lease status reads them back as the forwarded ports.

export const NODE_PORT_SUFFIX = "np";

function ports(service: ManifestService, pick: (index: number) => boolean): IServicePort[] {
  const out = new Map<string, IServicePort>();
  exposes(service).forEach((expose, index) => {
    if (!pick(index)) return;
    const port = externalPort(expose);
    const key = `${expose.proto}/${port}`;
    if (out.has(key)) return;
    out.set(key, { name: portName(expose, index), port, targetPort: expose.port, protocol: expose.proto });
  });
  return [...out.values()];
}

export function buildServices(service: ManifestService, namespace: string, labels: Record<string, string>): IService[] {
  const list = exposes(service);
  const selector = { [AKASH_MANAGED]: "true", [MANIFEST_SERVICE]: service.name };
  const meta = (name: string) => ({ name, namespace, labels: { ...labels, [MANIFEST_SERVICE]: service.name } });
  const result: IService[] = [];
  const internal = ports(service, (i) => !list[i]!.global || isIngress(list[i]!));
  if (internal.length > 0) {
    result.push({ apiVersion: "v1", kind: "Service", metadata: meta(service.name), spec: { type: "ClusterIP", selector, ports: internal } });
  }
  const external = ports(service, (i) => isNodePort(list[i]!));
  if (external.length > 0) {
    result.push({
      apiVersion: "v1",
      kind: "Service",
      metadata: meta(objectName(service.name, NODE_PORT_SUFFIX)),
      spec: { type: "NodePort", selector, ports: external, externalTrafficPolicy: "Local" },
    });
  }
  return result;
}
