import type { ManifestExpose, ManifestService } from "../../../common/gateway-schemas";

// How each `expose` entry of a service is served. Mirrors provider-services: a global TCP expose
// on (external) port 80 goes through the ingress controller by hostname; other global exposes
// get a NodePort; non-global exposes are reachable only inside the lease through a ClusterIP.

export const RANDOM_PORT = 1;

export function externalPort(expose: ManifestExpose): number {
  return expose.externalPort > 0 ? expose.externalPort : expose.port;
}

export function isIngress(expose: ManifestExpose): boolean {
  return expose.global && expose.proto === "TCP" && externalPort(expose) === 80;
}

export function isNodePort(expose: ManifestExpose): boolean {
  return expose.global && !isIngress(expose);
}

export function exposes(service: ManifestService): ManifestExpose[] {
  return service.expose ?? [];
}

/** A Service port name: IANA_SVC_NAME (≤15 chars, lower-case, a letter, no `--`). */
export function portName(expose: ManifestExpose, index: number): string {
  return `${expose.proto === "TCP" ? "t" : "u"}${index}-${expose.port}`;
}
