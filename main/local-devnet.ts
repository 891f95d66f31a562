import { join } from "node:path";
import type { DevnetStatus } from "../common/devnet-schemas";
import type { ChainRegistry } from "./chain/chain-registry";
import type { Devnet, TenantOptions } from "./devnet";

// The local devnet inside the app: started while the selected network is `local` (the default on a
// fresh install, so a new user watches the whole provider life with no wallet, AKT or internet) and
// stopped when the user switches away or quits. Its chain lives in <dataDir>/devnet. The devnet's
// code (chain modules, synthetic tenants with chain-sdk's SDL and JWT tooling) is loaded on first
// start, so a rig on mainnet or the sandbox never carries it in memory.
const devnetModule = () => import("./devnet");

export interface LocalDevnetOptions {
  /** Start the devnet whenever the network is `local`. Entries turn this on; tests opt in. */
  autoStart?: boolean;
  blockTimeMs?: number;
  /** Synthetic tenants; the demo default shows deployments and leases within a minute. */
  tenants?: TenantOptions | false;
  seed?: number;
  port?: number;
}

/** Demand tuned for a demo: a tenant deploys every ~15 s, leases after 5 blocks, runs ~5 minutes. */
export const DEMO_TENANTS: TenantOptions = { count: 4, meanBlocksBetweenDeployments: 15, bidWindowBlocks: 5, meanLeaseBlocks: 300, topUpProbability: 0.5 };

export class LocalDevnetHost {
  private devnet: Devnet | null = null;
  private starting: Promise<Devnet> | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly chains: ChainRegistry,
    private readonly options: LocalDevnetOptions,
    private readonly log: (line: string) => void,
  ) {}

  private get chainDir(): string {
    return join(this.dataDir, "devnet");
  }

  /** Starts the devnet if it is not running; concurrent callers share one start. */
  start(): Promise<Devnet> {
    if (this.devnet) return Promise.resolve(this.devnet);
    this.starting ??= devnetModule().then(({ startDevnet }) => startDevnet({
      dataDir: this.chainDir,
      blockTimeMs: this.options.blockTimeMs ?? 1000,
      tenants: this.options.tenants ?? DEMO_TENANTS,
      seed: this.options.seed ?? 1,
      port: this.options.port ?? 0,
      log: (message) => this.log(`[devnet] ${message}`),
    })).then(
      (devnet) => {
        this.devnet = devnet;
        this.starting = null;
        this.lastError = null;
        // The port is chosen at start: point the app's `local` RPC pool at it.
        this.chains.setEndpoints("local", [devnet.rpcUrl]);
        this.log(`[devnet] local chain ${devnet.chainId} at ${devnet.rpcUrl}`);
        return devnet;
      },
      (error: unknown) => {
        this.starting = null;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.log(`[devnet] could not start: ${this.lastError}`);
        throw error;
      },
    );
    return this.starting;
  }

  /**
   * Funds the app's devnet wallet the first time the devnet sees it (an address that never held
   * anything), so a new user can register and bid without looking for a faucet. Returns whether it did.
   */
  welcome(address: string | null): boolean {
    const d = this.devnet;
    if (!d || !address) return false;
    if (d.node.bank.all(address).length > 0) return false;
    try {
      d.faucet(address);
      this.log(`[devnet] funded the app's wallet ${address} with the faucet's first grant`);
      return true;
    } catch (error) {
      this.log(`[devnet] could not fund ${address}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  async stop(): Promise<void> {
    const pending = this.starting;
    if (pending) await pending.catch(() => undefined);
    const devnet = this.devnet;
    this.devnet = null;
    await devnet?.stop();
  }

  /** Wipes the devnet's chain and starts a fresh one (Settings → reset devnet). */
  async reset(): Promise<Devnet> {
    await this.stop();
    (await devnetModule()).resetDevnet(this.chainDir);
    return this.start();
  }

  status(): DevnetStatus {
    const d = this.devnet;
    return {
      running: d !== null,
      managed: this.options.autoStart === true,
      rpcUrl: d?.rpcUrl ?? null,
      chainId: d?.chainId ?? null,
      height: d?.height ?? 0,
      syntheticTenants: d?.tenants !== undefined,
      error: this.lastError,
    };
  }
}
