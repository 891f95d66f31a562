import type { GatewayStatus, GpuReclaimImpact } from "../../common/serving-schemas";
import type { LeaseId, ManifestGroup } from "../../common/gateway-schemas";
import type { BlockEvents } from "../chain/block-stream";
import type { TxQueue } from "../chain/tx-queue";
import { startGateway, type RunningGateway } from "../gateway";
import type { GatewayChainPort, GatewayClock, GatewayLimits, ManifestStorePort, ProviderInfoPort, TimerPort } from "../gateway";
import { txBidPort } from "./bid-port";
import type { ChainGatewayPort } from "./chain-port";
import { SwitchableCluster, type ClusterState } from "./cluster-port";
import { gpuReclaimImpact } from "./gpu-reclaim";
import { leaseEventsFor } from "./lease-events";

// The glue that turns a registered provider into one that serves tenants: it starts the gateway
// with the provider's on-chain certificate once a wallet is unlocked, follows this provider's
// leases on chain (won → the manifest clock; closed → teardown and release), reconciles k3s with
// the chain at start, and answers the gateway and gaming-mode views.

export interface ServingDeps {
  /** The unlocked wallet's address, or null while locked/absent. */
  provider: () => string | null;
  /** The provider TLS certificate + key, only when valid on chain. */
  certificate: () => Promise<{ certPem: string; keyPem: string; serial: string } | null>;
  chain: GatewayChainPort & Pick<ChainGatewayPort, "providerLeases" | "lease">;
  queue: () => TxQueue;
  /** Subscribes to the network's block stream (started by the caller's stream); returns unsubscribe. */
  blocks: (listener: (block: BlockEvents) => void) => () => void;
  /** The k3s node as serving can use it now (ready with a port, or why not). */
  cluster: () => Promise<ClusterState>;
  manifests: ManifestStorePort;
  info: ProviderInfoPort;
  validateGroup: (lease: LeaseId, group: ManifestGroup) => void;
  clock: GatewayClock;
  timers: TimerPort;
  listen?: { host?: string; port?: number };
  limits?: Partial<GatewayLimits>;
  manifestTimeoutMs?: number;
  /** Capacity of a lease that ended on our side is free again (the bid engine's release). */
  released?: (lease: LeaseId, reason: number | null) => void;
  blocksPerHour?: () => number;
  log?: (line: string) => void;
}

export function leaseKey(lease: LeaseId): string {
  return `${lease.owner}/${lease.dseq}/${lease.gseq}/${lease.oseq}/${lease.provider}`;
}

export class ServingService {
  private gateway: RunningGateway | null = null;
  private starting: Promise<GatewayStatus> | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly cluster = new SwitchableCluster(() => this.refreshCluster());
  private readonly served = new Map<string, LeaseId>();
  private manifestsReceived = 0;
  private state: Pick<GatewayStatus, "state" | "message" | "certSerial" | "provider"> = { state: "stopped", message: "not started", certSerial: null, provider: null };
  private work: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: ServingDeps) {}

  /** Starts the gateway when the provider can serve (wallet unlocked, certificate on chain). Idempotent. */
  start(): Promise<GatewayStatus> {
    if (this.gateway) return this.status();
    this.starting ??= this.doStart().finally(() => (this.starting = null));
    return this.starting;
  }

  private async doStart(): Promise<GatewayStatus> {
    const provider = this.d.provider();
    if (!provider) return this.stopped("the wallet is locked: unlock it to serve tenants", null);
    let cert: Awaited<ReturnType<ServingDeps["certificate"]>>;
    try {
      cert = await this.d.certificate();
    } catch (error) {
      return this.stopped(`could not check the provider certificate on chain: ${(error as Error).message}`, provider);
    }
    if (!cert) return this.stopped("no valid provider certificate on chain: publish one to serve tenants", provider);
    await this.refreshCluster();
    const manifests = this.countingStore();
    try {
      this.gateway = await startGateway({
        providerAddress: provider,
        tls: { certPem: cert.certPem, keyPem: cert.keyPem },
        host: this.d.listen?.host ?? "0.0.0.0",
        port: this.d.listen?.port ?? 8443,
        clock: this.d.clock,
        timers: this.d.timers,
        chain: this.d.chain,
        cluster: this.cluster,
        manifests,
        bids: txBidPort({ queue: this.d.queue, bseq: async (lease) => {
          const found = await this.d.chain.lease(lease);
          return found?.state === "active" ? found.bseq : null;
        }, released: (lease, reason) => this.release(lease, reason) }),
        info: this.d.info,
        validateGroup: this.d.validateGroup,
        ...(this.d.limits ? { limits: this.d.limits } : {}),
        ...(this.d.manifestTimeoutMs !== undefined ? { manifestTimeoutMs: this.d.manifestTimeoutMs } : {}),
        log: (event, fields) => this.d.log?.(`[gateway] ${event} ${JSON.stringify(fields)}`),
      });
    } catch (error) {
      this.state = { state: "failed", message: `the gateway could not listen: ${(error as Error).message}`, certSerial: cert.serial, provider };
      return this.status();
    }
    this.state = { state: "listening", message: "serving tenants", certSerial: cert.serial, provider };
    this.unsubscribe = this.d.blocks((block) => this.onBlock(block));
    await this.reconcile().catch((error: unknown) => this.d.log?.(`[serving] reconcile failed: ${String(error)}`));
    return this.status();
  }

  private stopped(message: string, provider: string | null): GatewayStatus {
    this.state = { state: "stopped", message, certSerial: null, provider };
    return this.statusNow();
  }

  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    this.unsubscribe?.();
    this.unsubscribe = null;
    const gateway = this.gateway;
    this.gateway = null;
    await gateway?.close();
    await this.work.catch(() => undefined);
    this.state = { ...this.state, state: "stopped", message: "stopped" };
  }

  /** Waits for the lease work queued by blocks so far (tests, and an orderly shutdown). */
  settled(): Promise<void> {
    return this.work.then(() => undefined, () => undefined);
  }

  leasesServed(): number {
    return this.served.size;
  }

  get port(): number | null {
    return this.gateway?.port ?? null;
  }

  async status(): Promise<GatewayStatus> {
    if (this.gateway) await this.refreshCluster();
    return this.statusNow();
  }

  private statusNow(): GatewayStatus {
    const cluster = this.cluster.current();
    const host = this.d.listen?.host ?? "0.0.0.0";
    return {
      ...this.state,
      address: this.gateway ? `${host.includes(":") ? `[${host}]` : host}:${this.gateway.port}` : null,
      cluster: cluster.kind === "ready" ? { ready: true, message: "k3s is ready for workloads" } : { ready: false, message: cluster.reason },
      manifestsReceived: this.manifestsReceived,
      leasesServed: this.served.size,
      awaitingManifest: this.gateway?.timeouts.waiting().length ?? 0,
    };
  }

  /** The leases a GPU reclaim would break, and what closing them costs. */
  async gpuReclaimImpact(): Promise<GpuReclaimImpact> {
    const leases = this.d.provider() ? await this.d.chain.providerLeases() : [];
    const withGroups = await Promise.all(
      leases.map(async (lease) => {
        const held = await this.d.chain.activeLeases(lease.id.owner, lease.id.dseq);
        return { lease, group: held.find((h) => h.id.gseq === lease.id.gseq && h.id.oseq === lease.id.oseq)?.groupSpec ?? null };
      }),
    );
    return gpuReclaimImpact(withGroups, this.d.blocksPerHour?.() ?? 600);
  }

  private async refreshCluster(): Promise<void> {
    try {
      this.cluster.set(await this.d.cluster());
    } catch (error) {
      this.cluster.set({ kind: "unavailable", reason: `k3s state unknown: ${(error as Error).message}` });
    }
  }

  private countingStore(): ManifestStorePort {
    const store = this.d.manifests;
    return {
      save: (accepted) => {
        store.save(accepted);
        this.manifestsReceived++;
        for (const { lease } of accepted) this.served.set(leaseKey(lease), lease);
      },
      group: (lease) => store.group(lease),
      forget: (lease) => store.forget(lease),
    };
  }

  private onBlock(block: BlockEvents): void {
    const provider = this.state.provider;
    if (!provider || !this.gateway) return;
    const { events, skipped } = leaseEventsFor(provider, block);
    if (skipped > 0) this.d.log?.(`[serving] ${skipped} lease event(s) at height ${block.height} could not be parsed`);
    for (const event of events) {
      if (event.kind === "created") this.leaseWon(event.lease);
      else this.enqueue(() => this.release(event.lease, null));
    }
  }

  /**
   * A lease of ours was won (the bid engine's notification, or EventLeaseCreated on the stream —
   * both may report the same lease): the tenant now has the manifest timeout to send its manifest.
   * A lease whose manifest is already deployed is never put back on the clock.
   */
  leaseWon(lease: LeaseId): void {
    if (!this.gateway || lease.provider !== this.state.provider || this.served.has(leaseKey(lease))) return;
    this.gateway.timeouts.leaseWon(lease);
  }

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => this.d.log?.(`[serving] lease work failed: ${String(error)}`));
  }

  /** The lease ended (closed on chain, or by our MsgCloseBid): stop its clock, tear down, free capacity. */
  private async release(lease: LeaseId, reason: number | null): Promise<void> {
    this.gateway?.leaseClosed(lease);
    this.served.delete(leaseKey(lease));
    const cluster = this.cluster.current();
    if (cluster.kind === "ready") await cluster.teardown(lease);
    this.d.released?.(lease, reason);
  }

  /** Leases on chain ↔ namespaces on k3s; leases without a workload get their manifest clock. */
  async reconcile(): Promise<{ recreated: number; waiting: number; removed: number } | null> {
    const cluster = this.cluster.current();
    const leases = await this.d.chain.providerLeases();
    const ids = leases.map((l) => l.id);
    for (const lease of ids) if (this.d.manifests.group(lease)) this.served.set(leaseKey(lease), lease);
    if (cluster.kind !== "ready") return null;
    const result = await cluster.reconcile(ids, async (lease) => {
      const group = this.d.manifests.group(lease);
      if (!group) return false;
      await cluster.port.deploy(lease, group);
      return true;
    });
    for (const lease of result.waiting) this.leaseWon(lease);
    return { recreated: result.recreated.length, waiting: result.waiting.length, removed: result.removed.length };
  }
}
