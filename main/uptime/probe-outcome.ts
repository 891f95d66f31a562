import type { ProbeId, ProbeState } from "../../common/uptime-schemas";

// What one probe found, and the port each probe is: an async function the service calls once a minute.

export interface ProbeOutcome {
  state: ProbeState;
  reason: string;
}

export type Probe = () => Promise<ProbeOutcome>;

export type ProbeSet = Record<ProbeId, Probe>;

export const PROBE_LABELS: Record<ProbeId, string> = {
  app: "The app",
  chain: "Chain RPC",
  gateway: "Gateway from outside",
  kube: "Kubernetes node",
};

export const up = (reason: string): ProbeOutcome => ({ state: "up", reason });
export const down = (reason: string): ProbeOutcome => ({ state: "down", reason });
export const unknown = (reason: string): ProbeOutcome => ({ state: "unknown", reason });
