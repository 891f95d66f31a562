import type { INetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import type { ManifestGroup } from "../../../common/gateway-schemas";
import { exposes, isIngress, isNodePort } from "./expose";
import type { BuilderSettings } from "./settings";
import { PRIVATE_RANGES_V4, PRIVATE_RANGES_V6 } from "../templates/manifests";

// Tenant isolation on the owner's own PC: pods of a lease talk to each other, to cluster DNS and
// to the public internet, never to the owner's LAN, the host, link-local metadata or other leases.
// Inbound, only the ingress controller (HTTP exposes) and NodePort traffic (global exposes) get in.


export function buildNetworkPolicies(group: ManifestGroup, namespace: string, labels: Record<string, string>, settings: BuilderSettings): INetworkPolicy[] {
  const meta = (name: string) => ({ name, namespace, labels });
  const extraV4 = settings.blockedCidrs.filter((c) => !c.includes(":"));
  const extraV6 = settings.blockedCidrs.filter((c) => c.includes(":"));
  const policies: INetworkPolicy[] = [
    { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta("akash-deny-all"), spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta("akash-same-lease"),
      spec: {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta("akash-allow-dns"),
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta("akash-allow-internet"),
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [
              { ipBlock: { cidr: "0.0.0.0/0", except: [...PRIVATE_RANGES_V4, ...extraV4] } },
              { ipBlock: { cidr: "::/0", except: [...PRIVATE_RANGES_V6, ...extraV6] } },
            ],
          },
        ],
      },
    },
  ];
  const ingressPorts = new Map<string, { protocol: "TCP" | "UDP"; port: number }>();
  const nodePorts = new Map<string, { protocol: "TCP" | "UDP"; port: number }>();
  for (const service of group.services) {
    for (const expose of exposes(service)) {
      const entry = { protocol: expose.proto, port: expose.port };
      if (isIngress(expose)) ingressPorts.set(`${expose.proto}/${expose.port}`, entry);
      else if (isNodePort(expose)) nodePorts.set(`${expose.proto}/${expose.port}`, entry);
    }
  }
  if (ingressPorts.size > 0) {
    policies.push({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta("akash-allow-ingress-controller"),
      spec: {
        podSelector: {},
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": settings.ingressNamespace } } }], ports: [...ingressPorts.values()] }],
      },
    });
  }
  if (nodePorts.size > 0) {
    policies.push({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta("akash-allow-node-ports"),
      spec: {
        podSelector: {},
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }, { ipBlock: { cidr: "::/0" } }], ports: [...nodePorts.values()] }],
      },
    });
  }
  return policies;
}
