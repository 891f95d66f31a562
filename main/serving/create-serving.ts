import type { ClusterStatus } from "../../common/cluster-schemas";
import { LeaseId } from "../../common/gateway-schemas";
import type { GatewayStatus, GpuReclaimImpact } from "../../common/serving-schemas";
import type { NetworkId } from "../../common/schemas";
import type { Handlers } from "../../common/contract";
import type { ChainRegistry } from "../chain/chain-registry";
import type { TxQueues } from "../chain/tx-queues";
import { buildLeaseObjects, DEFAULT_BUILDER_SETTINGS, type BuilderSettings } from "../cluster/builder";
import { SqliteManifestStore, type GatewayLimits, type TimerPort } from "../gateway";
import type { CertificateService } from "../provider/certificate-service";
import type { Db } from "../store/database";
import { ChainGatewayPort } from "./chain-port";
import { providerInfoPort } from "./info-port";
import { k3sClusterState } from "./k3s-cluster";
import { ServingService } from "./serving-service";

// Serving as the composition root builds it: one ServingService for the selected network's wallet,
// started when that wallet is unlocked and its certificate is on chain, restarted when the wallet
// or network changes, stopped on close. Off unless the entry point asks for it (tests never bind
// :8443 by accident).

export interface ServingOptions {
  /** Start the gateway by itself (the Electron and headless entries); off in tests. */
  autoStart?: boolean;
  /** provider-services listens on 0.0.0.0:8443; tests use 127.0.0.1:0. */
  host?: string;
  port?: number;
  builder?: Partial<BuilderSettings>;
  limits?: Partial<GatewayLimits>;
  manifestTimeoutMs?: number;
  timers?: TimerPort;
  /** Blocks per hour for the gaming-mode cost (≈600 at Akash's ~6 s blocks). */
  blocksPerHour?: number;
}

export interface ServingContext {
  db: Db;
  chains: ChainRegistry;
  queues: TxQueues;
  network: () => NetworkId;
  /** The selected network's wallet address while unlocked, else null. */
  unlockedAddress: () => string | null;
  certificates: () => CertificateService;
  cluster: { status(): Promise<ClusterStatus>; readonly kubeconfigPath: string };
  appVersion: string;
  nowMs: () => number;
  log: (line: string) => void;
}

const realTimers: TimerPort = {
  set: (ms, fn) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Serving {
  service: ServingService;
  handlers: Pick<Handlers, "gateway.status" | "gateway.gpuReclaimImpact">;
  /** The wallet or network changed: (re)start or stop the gateway to match. */
  follow(): void;
  /** The bid engine's lease-won notification (order id + provider). */
  leaseWon(lease: { order: { owner: string; dseq: string; gseq: number; oseq: number }; provider: string }): void;
  close(): Promise<void>;
}

export function createServing(ctx: ServingContext, options: ServingOptions = {}): Serving {
  const settings: BuilderSettings = { ...DEFAULT_BUILDER_SETTINGS, ...options.builder };
  const clock = { now: ctx.nowMs };
  const manifests = new SqliteManifestStore(ctx.db, clock);
  /** network|address the gateway was last started for (null: none). */
  let served: string | null = null;
  let unsubscribeStream: (() => void) | null = null;
  const service: ServingService = new ServingService({
    provider: ctx.unlockedAddress,
    certificate: () => ctx.certificates().serving(),
    chain: new ChainGatewayPort(() => ctx.chains.pool(ctx.network()), () => ctx.unlockedAddress() ?? ""),
    queue: () => ctx.queues.for(ctx.network()),
    blocks: (listener) => {
      const stream = ctx.chains.stream(ctx.network());
      const off = stream.subscribe(listener);
      stream.start().catch((error: unknown) => ctx.log(`[serving] block stream: ${String(error)}`));
      unsubscribeStream = off;
      return () => {
        off();
        unsubscribeStream = null;
      };
    },
    cluster: k3sClusterState(ctx.cluster, () => settings, ctx.unlockedAddress),
    manifests,
    info: providerInfoPort({
      provider: ctx.unlockedAddress,
      appVersion: ctx.appVersion,
      clusterPublicHostname: () => settings.clusterPublicHostname,
      leasesServed: () => service.leasesServed(),
      cluster: () => ctx.cluster.status(),
    }),
    validateGroup: (lease, group) => void buildLeaseObjects({ lease, group, settings }),
    clock,
    timers: options.timers ?? realTimers,
    listen: { host: options.host ?? "0.0.0.0", port: options.port ?? 8443 },
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.manifestTimeoutMs !== undefined ? { manifestTimeoutMs: options.manifestTimeoutMs } : {}),
    blocksPerHour: () => options.blocksPerHour ?? 600,
    log: ctx.log,
  });
  let following: Promise<void> = Promise.resolve();

  const follow = () => {
    if (!options.autoStart) return;
    following = following.then(async () => {
      const address = ctx.unlockedAddress();
      // The same key may be a provider on two networks: a network switch restarts on the new one.
      const wanted = address ? `${ctx.network()}|${address}` : null;
      if (wanted === served && (wanted === null || (await service.status()).state === "listening")) return;
      await service.stop();
      served = wanted;
      if (address) await service.start();
    }).catch((error: unknown) => ctx.log(`[serving] ${String(error)}`));
  };

  return {
    service,
    follow,
    leaseWon: ({ order, provider }) => {
      const parsed = LeaseId.safeParse({ ...order, provider });
      if (parsed.success) service.leaseWon(parsed.data);
      else ctx.log(`[serving] ignored a malformed lease-won notification: ${parsed.error.issues[0]?.message ?? ""}`);
    },
    handlers: {
      "gateway.status": async () => {
        // A certificate published (or a wallet unlocked) since the last try: try again now.
        if (options.autoStart && (await service.status()).state !== "listening" && ctx.unlockedAddress()) {
          await following;
          served = `${ctx.network()}|${ctx.unlockedAddress()}`;
          return service.start();
        }
        const status: GatewayStatus = await service.status();
        if (!options.autoStart && status.state === "stopped") return { ...status, message: "the gateway is not started in this process" };
        return status;
      },
      "gateway.gpuReclaimImpact": (): Promise<GpuReclaimImpact> => service.gpuReclaimImpact(),
    },
    close: async () => {
      await following;
      await service.stop();
      unsubscribeStream?.();
    },
  };
}
