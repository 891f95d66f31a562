import type { LeaseId, ManifestGroup } from "../../common/gateway-schemas";
import type { BidPort, GatewayChainPort, GatewayClock, GatewayClusterPort, ManifestStorePort, ProviderInfoPort, TimerPort } from "./ports";

export interface GatewayLimits {
  /** Largest accepted request body (a manifest). */
  maxBodyBytes: number;
  /** Requests a tenant (or, before authentication, an IP) may burst, and the steady rate. */
  burst: number;
  perSecond: number;
  /** Node's per-request timeouts (real time; they guard the socket, not business logic). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Largest WebSocket message a tenant may send (shell stdin). */
  maxWsMessageBytes: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxBodyBytes: 1024 * 1024,
  burst: 30,
  perSecond: 5,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  maxWsMessageBytes: 64 * 1024,
};

export interface GatewayDeps {
  /** The provider's akash address (GET /address, JWT granular permissions). */
  providerAddress: string;
  /** The provider's on-chain certificate and its key (PEM). */
  tls: { certPem: string; keyPem: string };
  host?: string;
  /** 8443 in production; 0 in tests. */
  port?: number;
  clock: GatewayClock;
  timers: TimerPort;
  chain: GatewayChainPort;
  cluster: GatewayClusterPort;
  manifests: ManifestStorePort;
  bids: BidPort;
  info: ProviderInfoPort;
  /** Dry-run of the Kubernetes builder: throws (BuildError) when a group cannot be deployed. */
  validateGroup: (lease: LeaseId, group: ManifestGroup) => void;
  limits?: Partial<GatewayLimits>;
  manifestTimeoutMs?: number;
  log?: (event: string, fields: Record<string, unknown>) => void;
}
