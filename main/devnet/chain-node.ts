import { toHex } from "@cosmjs/encoding";
import { sha256 } from "@cosmjs/crypto";
import { ChainApp } from "./chain/app";
import { BlockProducer } from "./chain/block-producer";
import { simulateRoutes } from "./chain/simulate-route";
import type { MsgContext } from "./chain/types";
import { DEFAULT_CHAIN_ID, FEE_DENOM, type DevnetOptions } from "./config";
import { AuditModule } from "./modules/audit";
import { AuthModule } from "./modules/auth";
import { BankModule } from "./modules/bank";
import { BmeModule, DEFAULT_BME_PARAMS } from "./modules/bme";
import { CertModule } from "./modules/cert";
import { DeploymentModule } from "./modules/deployment";
import { EscrowModule } from "./modules/escrow";
import { DEFAULT_MARKET_PARAMS, MarketModule } from "./modules/market";
import { marketRoutes } from "./modules/market-queries";
import { OracleModule } from "./modules/oracle";
import { ProviderModule } from "./modules/provider";
import { DEFAULT_STAKING_PARAMS, StakingModule, validatorIdentity } from "./modules/staking";
import type { ValidatorIdentity } from "./rpc/shapes";
import { BlockStore } from "./state/block-store";
import { SqlitePersistence } from "./state/sqlite-persistence";
import { Store } from "./state/store";
import { moduleAddress } from "./util/address";
import { checkCoin } from "./modules/bank";

export const VALIDATOR_MONIKERS = ["devnet-alpha", "devnet-bravo", "devnet-charlie"];

/**
 * The chain without its network face: state, modules, the app and the block producer, wired
 * together and restored from disk. startDevnet() puts the RPC server and the tenants around it.
 */
export class ChainNode {
  readonly store = new Store();
  readonly chainId: string;
  readonly auth: AuthModule;
  readonly bank: BankModule;
  readonly provider: ProviderModule;
  readonly cert: CertModule;
  readonly escrow: EscrowModule;
  readonly deployment: DeploymentModule;
  readonly audit: AuditModule;
  readonly market: MarketModule;
  readonly oracle: OracleModule;
  readonly bme: BmeModule;
  readonly staking: StakingModule;
  readonly app: ChainApp;
  readonly producer: BlockProducer;
  readonly persistence?: SqlitePersistence;
  readonly validators: ValidatorIdentity[];
  readonly now: () => number;

  constructor(options: DevnetOptions) {
    this.chainId = options.chainId ?? DEFAULT_CHAIN_ID;
    this.now = options.now ?? Date.now;
    const seed = options.seed ?? 1;
    this.auth = new AuthModule(this.store);
    this.bank = new BankModule(this.store, this.auth);
    this.provider = new ProviderModule(this.store);
    this.cert = new CertModule(this.store);
    this.escrow = new EscrowModule(this.store, this.bank);
    this.deployment = new DeploymentModule(this.store, this.escrow);
    this.audit = new AuditModule(this.store, this.provider);
    this.market = new MarketModule(this.store, { ...DEFAULT_MARKET_PARAMS, ...options.market }, this.escrow, this.deployment, this.provider, this.audit);
    this.oracle = new OracleModule(this.store, options.oracle ?? { kind: "random-walk", start: "1.250000000000000000", stepBps: 30, seed });
    this.bme = new BmeModule(this.store, { ...DEFAULT_BME_PARAMS, ...options.bme }, this.bank, this.oracle);
    this.staking = new StakingModule(this.store, { ...DEFAULT_STAKING_PARAMS, ...options.staking }, this.bank);

    if (options.dataDir) {
      if (options.reset) SqlitePersistence.reset(options.dataDir);
      this.persistence = new SqlitePersistence(options.dataDir);
      const stored = this.persistence.meta("chainId");
      if (stored && stored !== this.chainId) throw new Error(`devnet data in ${options.dataDir} is for chain ${stored}, not ${this.chainId}; reset it first`);
    }
    const blocks = new BlockStore(this.persistence);
    const restoredHeight = this.persistence?.restore(this.store) ?? 0;
    if (restoredHeight > 0 && this.persistence) {
      blocks.latestHeight = restoredHeight;
      blocks.earliestHeight = this.persistence.earliestHeight();
    }
    this.escrow.rebuildIndexes();
    this.market.rebuildIndexes();
    this.store.commit();

    this.app = new ChainApp(
      this.store,
      this.auth,
      this.bank,
      { chainId: this.chainId, feeDenom: FEE_DENOM, minGasPrice: { num: 25n, den: 10_000n }, feeCollector: moduleAddress("fee_collector") },
      (hash) => blocks.hasTx(hash),
    );
    const escrowHandlers = this.escrow.handlers((key, ctx) => this.market.onOverdrawn(key, ctx));
    this.app.register(
      [
        ...this.bank.handlers(),
        ...this.provider.handlers(),
        ...this.cert.handlers(),
        ...this.deployment.handlers(),
        ...escrowHandlers,
        ...this.market.handlers(),
        ...this.audit.handlers(),
        ...this.bme.handlers(),
        ...this.staking.handlers(),
      ],
      {
        ...this.auth.routes(),
        ...this.bank.routes(),
        ...this.provider.routes(),
        ...this.cert.routes(),
        ...this.deployment.routes(),
        ...this.escrow.routes(),
        ...marketRoutes(this.market, this.escrow),
        ...this.audit.routes(),
        ...this.bme.routes(),
        ...this.oracle.routes(() => new Date(this.now())),
        ...this.staking.routes(),
        ...simulateRoutes(this.app, () => new Date(this.now())),
      },
    );
    this.app.endBlockers.push(
      (ctx) => this.oracle.endBlock(ctx),
      (ctx) => this.bme.endBlock(ctx),
      (ctx) => this.staking.endBlock(ctx),
    );
    this.producer = new BlockProducer(this.app, blocks, this.persistence, this.now);
    this.validators = VALIDATOR_MONIKERS.map((moniker) => {
      const id = validatorIdentity(moniker);
      return { address: id.address, pubkeyBase64: Buffer.from(id.consensusKey).toString("base64"), votingPower: 1_000_000n };
    });

    if (restoredHeight === 0) {
      // Module accounts exist from genesis, as on a real chain.
      for (const name of ["fee_collector", "escrow", "bme", "bonded_tokens_pool", "not_bonded_tokens_pool", "distribution"]) this.auth.ensure(moduleAddress(name));
      this.oracle.init();
      this.staking.genesis(VALIDATOR_MONIKERS.map((moniker) => ({ moniker, selfBond: 1_000_000_000_000n })));
      for (const entry of options.genesis ?? []) {
        for (const coin of entry.coins) {
          const { denom, amount } = checkCoin(coin, "genesis coin");
          this.bank.mint(entry.address, denom, amount);
        }
      }
      this.persistence?.setMeta("chainId", this.chainId);
      this.producer.produce();
    }
  }

  get height(): number {
    return this.producer.height;
  }

  /** A context for work done outside a tx (faucet grants): events go nowhere, height is the next block's. */
  externalContext(): MsgContext {
    return { height: this.height + 1, time: new Date(this.now()), chainId: this.chainId, emit: () => undefined };
  }

  nodeId(): string {
    return toHex(sha256(new TextEncoder().encode(`node/${this.chainId}`)).slice(0, 20));
  }

  close(): void {
    this.persistence?.close();
  }
}
