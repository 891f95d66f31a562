import { hostname } from "node:os";
import { join } from "node:path";
import type { Handlers } from "../common/contract";
import { dispatch } from "../common/dispatch";
import { ContractFailure, type Envelope } from "../common/envelope";
import type { AppConfig } from "./config";
import { EventBus } from "./events";
import { createHardware, hardwareHandlers, type HardwareOptions } from "./hardware";
import { clusterHandlers, createCluster, type ClusterOptions } from "./cluster";
import { nodeNameFrom } from "./cluster/templates/k3s-config";
import { bidEngineHandlers } from "./bidengine/bidengine-handlers";
import { createBidEngine } from "./bidengine/create-bidengine";
import { createEngineHost } from "./bidengine/create-engine-host";
import { engineHandlers } from "./bidengine/engine-handlers";
import { MarketPriceFeed } from "./bidengine/market-prices";
import { previewPriceHandler } from "./bidengine/preview-handler";
import { recheckAfter } from "./bidengine/recheck-after";
import { rateFromTariff } from "./bidengine/electricity-rate";
import { chainOutcome, createUptime, kubeOutcome, uptimeHandlers, type UptimeOptions } from "./uptime";
import { openDatabase } from "./store/database";
import { SettingsRepo } from "./store/settings-repo";
import { collectSystemSummary, systeminformationSource, type SystemInfoSource } from "./system/system-info";
import { createWallets, type WalletDeps } from "./wallet/create-wallets";
import { walletHandlers } from "./wallet/wallet-handlers";
import { ChainRegistry, type ChainRegistryOptions } from "./chain/chain-registry";
import { chainHandlers } from "./chain/chain-handlers";
import { TxRepo } from "./chain/tx-repo";
import { createTxQueues } from "./chain/tx-queues";
import { EndpointsRepo } from "./chain/endpoints-repo";
import { createProviderServices } from "./provider/create-provider";
import { providerHandlers } from "./provider/provider-handlers";
import { LocalDevnetHost, type LocalDevnetOptions } from "./local-devnet";
import { createServing, type ServingOptions } from "./serving/create-serving";
import { createEarnings, type EarningsOptions } from "./earnings/create-earnings";
import { cachedFor, collectSources, NotificationSettingsRepo, statusHandlers, StatusService } from "./status";

export interface AppDeps extends WalletDeps {
  now?: () => Date;
  systemInfo?: SystemInfoSource;
  log?: (line: string) => void;
  /** Hardware detection and power sampling: recorded machines, a fake nvidia-smi, a manual timer. */
  hardware?: HardwareOptions;
  /** The k3s node: bundle folder, host probe and executor (a temp root and stand-ins in tests). */
  cluster?: ClusterOptions;
  /** RPC pool options: where the local devnet listens, a fetch for tests. */
  chain?: ChainRegistryOptions;
  /** Uptime probes: a manual timer, probe stand-ins, or no minute timer at all. */
  uptime?: UptimeOptions;
  /** The in-app local devnet (network `local`): the entries auto-start it, tests opt in. */
  devnet?: LocalDevnetOptions;
  /** The tenant gateway: auto-start (the entries), listen address (tests use 127.0.0.1:0). */
  serving?: ServingOptions;
  /** Earnings: the withdraw scheduler's timer (tests pass none and call tick themselves). */
  earnings?: EarningsOptions;
  /** Overall status: the 30 s refresh (the entries start it; tests call status.overview). */
  status?: { autoStart?: boolean };
}

export interface App {
  readonly config: AppConfig;
  readonly events: EventBus;
  readonly handlers: Handlers;
  /** The one entry both transports call; never throws. */
  call(method: unknown, input: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/** The composition root: every service is built here, with its dependencies passed in. */
export function createApp(config: AppConfig, deps: AppDeps = {}): App {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.error(line));
  const startedAt = now().toISOString();
  const db = openDatabase(join(config.dataDir, "provider.sqlite"));
  const events = new EventBus();
  const settings = new SettingsRepo(db, now);
  const systemInfo = deps.systemInfo ?? systeminformationSource;
  const chains = new ChainRegistry(deps.chain, new EndpointsRepo(db, now));
  const devnet = new LocalDevnetHost(config.dataDir, chains, deps.devnet ?? {}, log);
  const followNetwork = (network: string) => {
    if (!deps.devnet?.autoStart) return;
    if (network === "local") {
      devnet.start().then(
        () => devnet.welcome(wallets.for("local").address()),
        () => undefined, // the error is kept for devnet.status
      );
    } else {
      void devnet.stop();
    }
  };
  const txRepo = new TxRepo(db, now);
  const hardware = createHardware(db, config.dataDir, deps.hardware ?? {}, now, log);
  const wallets = createWallets(config.dataDir, deps, now, (status) => {
    events.emit("wallet.changed", status);
    if (status.network === "local") devnet.welcome(status.address);
  });
  followNetwork(settings.get().network);
  // One queue per signer for the whole app: every service that sends transactions uses these.
  const txQueues = createTxQueues(chains, txRepo, (network) => wallets.for(network).signer());
  const cluster = createCluster(deps.cluster ?? {}, { dataDir: config.dataDir, mode: config.mode, hardware, now, emit: (p) => events.emit("cluster.progress", p) });

  // Active lease prices per GPU model (the market strategy's reference), refreshed every 10 minutes
  // for the running engine's network; screening and the pricing preview read the same snapshot.
  const marketPrices = new MarketPriceFeed({ pool: (network) => chains.pool(network), now, log });
  // One tariff: the cost floor prices electricity at the hardware tariff in force (Earnings page); the
  // Pricing page's `cost.tariffUsdPerKwh` is only the fallback. Read fresh at each context compile.
  const electricityRate = (at: Date) => rateFromTariff(hardware.settings().tariff, at);
  const bidengine = createBidEngine(db, now, {
    pool: () => chains.pool(settings.get().network),
    inputs: () => ({ marketGpuPrices: marketPrices.prices(settings.get().network), electricityRate }),
  });
  bidengine.settings.pauseUntilChosen();
  const uptime = createUptime(
    db,
    {
      now,
      log,
      emit: (event) => events.emit("uptime.changed", event),
      chain: async () => chainOutcome(await chains.pool(settings.get().network).checkHealth()),
      kube: async () => kubeOutcome(await cluster.status()),
    },
    deps.uptime,
  );
  if (deps.uptime?.autoStart !== false) uptime.service.start();
  const earnings = createEarnings(db, {
    network: () => settings.get().network,
    provider: () => wallets.for(settings.get().network).address(),
    pool: () => chains.pool(settings.get().network),
    txs: () => txRepo.list(settings.get().network, 500),
    send: (request) => txQueues.for(settings.get().network).submit(request),
    energy: (query) => hardware.energy(query),
    tariff: () => hardware.settings().tariff,
    now,
    log,
  }, deps.earnings);

  // Reads the other services through their handlers (defined below), the same view the UI gets.
  const status = new StatusService({
    collect: () => collectSources({ handlers: { ...handlers, "hardware.report": statusHardware }, now }),
    now,
    emit: (overview) => events.emit("status.changed", overview),
    log,
  });
  const statusHardware = cachedFor(10 * 60_000, now, () => hardware.report());
  const notificationSettings = new NotificationSettingsRepo(db, now);
  const providerServices = createProviderServices({ chains, queues: txQueues, wallets, network: () => settings.get().network, report: () => hardware.report(), now });
  // The tenant gateway: up while the selected network's wallet is unlocked and its certificate valid.
  const serving = createServing(
    {
      db,
      chains,
      queues: txQueues,
      network: () => settings.get().network,
      unlockedAddress: () => {
        const wallet = wallets.for(settings.get().network);
        return wallet.status().state === "unlocked" ? wallet.address() : null;
      },
      certificates: () => providerServices.certificates(),
      cluster,
      appVersion: config.version,
      nowMs: () => now().getTime(),
      log,
    },
    deps.serving,
  );
  events.listen((event) => {
    if (event === "wallet.changed" || event === "settings.changed") serving.follow();
  });
  serving.follow();
  // The live bid engine: runs while the selected network's wallet is unlocked (offline with the
  // reason while there is no provider record or no RPC); bids go through the signer's one tx queue.
  const engineHost = createEngineHost({
    db,
    now,
    log,
    network: () => settings.get().network,
    unlockedAddress: (network) => {
      const wallet = wallets.for(network);
      return wallet.status().state === "unlocked" ? wallet.address() : null;
    },
    chains,
    queues: txQueues,
    hardware,
    // Once k3s runs, its allocatable (per node) is what the engine sells.
    cluster: { health: () => cluster.health(), nodeName: nodeNameFrom(deps.cluster?.hostname ?? hostname()) },
    pieces: bidengine,
    market: marketPrices,
    electricityRate,
    emit: (payload) => events.emit("bidengine.changed", payload),
  });
  events.listen((event) => {
    if (event === "wallet.changed" || event === "settings.changed") void engineHost.ensure();
  });
  // Each won lease starts the gateway's manifest clock (the chain's EventLeaseCreated does too).
  engineHost.onLeaseWon((lease) => serving.leaseWon(lease));

  const handlers: Handlers = {
    "app.info": () => ({
      name: "Akash Provider Desktop",
      version: config.version,
      mode: config.mode,
      network: settings.get().network,
      startedAt,
      node: process.versions.node,
      platform: process.platform,
    }),
    "system.summary": () => collectSystemSummary(systemInfo, now),
    "settings.get": () => settings.get(),
    "settings.update": (patch) => {
      const next = settings.update(patch ?? {});
      events.emit("settings.changed", next);
      if (patch?.network) followNetwork(next.network);
      return next;
    },
    "devnet.status": () => devnet.status(),
    "devnet.reset": async () => {
      if (settings.get().network !== "local") throw new ContractFailure("CONFLICT", "The devnet runs only while the network is Local devnet; switch to it in Settings first.");
      await devnet.reset();
      return devnet.status();
    },
    ...walletHandlers(wallets, () => settings.get().network),
    ...chainHandlers({ chains, txs: txRepo, network: () => settings.get().network, address: () => wallets.for(settings.get().network).address() }),
    ...providerHandlers({ ...providerServices, onApplied: () => void engineHost.ensure() }),
    ...hardwareHandlers(hardware),
    ...clusterHandlers(cluster),
    ...bidEngineHandlers(bidengine),
    ...engineHandlers(engineHost),
    ...previewPriceHandler(now, () => marketPrices.prices(settings.get().network), electricityRate),
    ...uptimeHandlers(uptime.service, uptime.repo),
    ...earnings.handlers,
    ...statusHandlers(status, notificationSettings),
    ...serving.handlers,
  };
  // The desktop reserve and the tariff are hardware settings: a change re-decides the open orders.
  handlers["hardware.updateSettings"] = recheckAfter(handlers["hardware.updateSettings"], () => engineHost.recheck(), log);
  if (deps.status?.autoStart) {
    status.start();
    // A change anywhere the status is made of shows at once, not at the next 30 s tick.
    events.listen((event) => {
      if (event !== "status.changed" && event !== "cluster.progress") status.refresh().catch(() => undefined);
    });
    // The ledger has no event of its own: after a reconcile or a withdraw, today's net is read again at
    // once, so the Dashboard's status card agrees with its Today card (not 30 s later).
    const { "earnings.reconcile": reconcileLedger, "earnings.withdraw": withdrawLeases } = handlers;
    const refreshed = <T>(value: T): T => {
      status.refresh().catch(() => undefined);
      return value;
    };
    handlers["earnings.reconcile"] = async (input) => refreshed(await reconcileLedger(input));
    handlers["earnings.withdraw"] = async (input) => refreshed(await withdrawLeases(input));
  }

  let closed = false;
  return {
    config,
    events,
    handlers,
    call: (method, input) =>
      dispatch(handlers, method, input, {
        onInternalError: (m, error) => log(`[app] ${m} failed: ${error instanceof Error ? error.stack : String(error)}`),
      }),
    async close() {
      if (closed) return;
      closed = true;
      wallets.lockAll();
      chains.stopAll();
      hardware.stop();
      uptime.service.stop();
      earnings.timer.stop();
      status.stop();
      await engineHost.close();
      marketPrices.stop();
      await serving.close();
      await cluster.close();
      await devnet.stop();
      db.close();
    },
  };
}
