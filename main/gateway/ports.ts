import type { BidGroupSpec, LeaseId, ManifestGroup } from "../../common/gateway-schemas";

// What the gateway needs from the rest of the app. Each port is small so that main/chain,
// main/cluster and main/bidengine can satisfy it with a thin adapter, and tests with a fake.

export interface GatewayClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface TimerPort {
  set(ms: number, fn: () => void): unknown;
  clear(handle: unknown): void;
}

export interface ChainCertificate {
  state: "valid" | "revoked";
  /** The PEM the owner published (MsgCreateCertificate.cert). */
  certPem: string;
}

export interface ChainDeployment {
  state: "active" | "closed";
  /** deployment.hash: sha256 of the sorted JSON manifest. */
  hash: Uint8Array;
}

export interface HeldLeaseInfo {
  id: LeaseId;
  groupSpec: BidGroupSpec;
}

export interface GatewayChainPort {
  /** cert.v1 Certificates{owner, serial}; null when none is published. */
  certificate(owner: string, serial: string): Promise<ChainCertificate | null>;
  /** The account's compressed secp256k1 public key; null when the chain does not know it yet. */
  accountPubkey(address: string): Promise<Uint8Array | null>;
  deployment(owner: string, dseq: string): Promise<ChainDeployment | null>;
  /** This provider's active leases for the deployment. */
  activeLeases(owner: string, dseq: string): Promise<HeldLeaseInfo[]>;
}

export interface ServiceStatus {
  name: string;
  available: number;
  total: number;
  uris: string[];
  observed_generation: number;
  replicas: number;
  updated_replicas: number;
  ready_replicas: number;
  available_replicas: number;
}

export interface ForwardedPort {
  host: string;
  port: number;
  externalPort: number;
  proto: "TCP" | "UDP";
  name: string;
}

export interface LeaseStatus {
  services: Record<string, ServiceStatus>;
  forwarded_ports: Record<string, ForwardedPort[]>;
  ips: Record<string, unknown[]>;
}

export interface LogLine {
  name: string;
  message: string;
}

export interface KubeEvent {
  type: string;
  reason: string;
  note: string;
  reportingController: string;
  reportingInstance: string;
  object: { kind: string; namespace: string; name: string };
  lease_id: LeaseId;
}

/** A running stream (logs, events, exec); `close` stops it and frees cluster resources. */
export interface StreamHandle {
  close(): void;
}

export interface ExecIo {
  stdout(data: Uint8Array): void;
  stderr(data: Uint8Array): void;
  /** The command finished (exitCode) or could not run (message). */
  done(result: { exitCode: number; message: string }): void;
}

export interface ExecSession extends StreamHandle {
  stdin(data: Uint8Array): void;
  resize(width: number, height: number): void;
}

export interface GatewayClusterPort {
  /** Applies the lease's objects; resolves once Kubernetes accepted them (not rollout). */
  deploy(lease: LeaseId, group: ManifestGroup): Promise<void>;
  leaseStatus(lease: LeaseId): Promise<LeaseStatus | null>;
  logs(lease: LeaseId, options: { follow: boolean; tail: number; services: string[] }, sink: (line: LogLine) => void, end: (error?: Error) => void): Promise<StreamHandle>;
  events(lease: LeaseId, options: { follow: boolean }, sink: (event: KubeEvent) => void, end: (error?: Error) => void): Promise<StreamHandle>;
  exec(lease: LeaseId, options: { service: string; podIndex: number; command: string[]; tty: boolean; stdin: boolean }, io: ExecIo): Promise<ExecSession>;
}

/** Accepted manifest groups, per lease (what GET /lease/.../manifest returns). */
export interface ManifestStorePort {
  save(accepted: readonly { lease: LeaseId; group: ManifestGroup }[]): void;
  group(lease: LeaseId): ManifestGroup | null;
  forget(lease: LeaseId): void;
}

export interface BidPort {
  /** MsgCloseBid for a won lease (reason 10003 = manifest_timeout) and releases its reservation. */
  closeBid(lease: LeaseId, reason: number): Promise<void>;
}

/** The provider-services `/status` and `/version` bodies, built by whoever owns that data. */
export interface ProviderInfoPort {
  status(): Promise<unknown>;
  version(): Promise<unknown>;
}
