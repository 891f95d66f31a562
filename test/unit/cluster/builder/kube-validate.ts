import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { Namespace, Secret, Service } from "kubernetes-models/v1";
import type { LeaseObject } from "../../../../main/cluster/builder";

// Validates a built object against the Kubernetes OpenAPI schema (kubernetes-models' generated
// validators); throws with the schema error when the object would be refused by the API server.
const models = { Namespace, Secret, Service, Deployment, StatefulSet, Ingress, NetworkPolicy } as const;

export function validateKubeObject(object: LeaseObject): void {
  const Model = models[object.kind as keyof typeof models];
  if (!Model) throw new Error(`no schema for kind ${object.kind}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  new Model(object as any).validate();
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Name rules the OpenAPI schema does not carry (the API server enforces them separately). */
export function checkNames(object: LeaseObject): void {
  const name = object.metadata?.name ?? "";
  const rule = object.kind === "Service" ? DNS_1035 : DNS_LABEL;
  if (name.length > 63 || !rule.test(name)) throw new Error(`${object.kind} name ${name} is not a valid DNS label`);
  for (const [key, value] of Object.entries(object.metadata?.labels ?? {})) {
    if (value.length > 63 || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)) throw new Error(`label ${key}=${value} invalid`);
  }
}
