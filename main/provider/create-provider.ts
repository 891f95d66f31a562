import type { HardwareReport } from "../../common/hardware-schemas";
import type { NetworkId } from "../../common/schemas";
import type { ChainRegistry } from "../chain/chain-registry";
import type { TxQueues } from "../chain/tx-queues";
import type { WalletRegistry } from "../wallet/wallet-registry";
import { CertificateService } from "./certificate-service";
import { hardwarePortFrom } from "./hardware-port";
import { requireAddress, type ProviderHandlerDeps } from "./provider-handlers";
import { ProviderService } from "./provider-service";
import { Treasury } from "./treasury";

export interface ProviderServicesOptions {
  chains: ChainRegistry;
  /** The app's one set of tx queues (shared with every other service that signs). */
  queues: TxQueues;
  wallets: WalletRegistry;
  network: () => NetworkId;
  report: () => Promise<HardwareReport>;
  now: () => Date;
}

/** Provider, certificate and treasury services, always for the currently selected network's wallet. */
export function createProviderServices(o: ProviderServicesOptions): ProviderHandlerDeps {
  const queues = o.queues;
  const hardware = hardwarePortFrom(o.report);
  const pool = () => o.chains.pool(o.network());
  const queue = () => queues.for(o.network());
  const wallet = () => o.wallets.for(o.network());
  const address = () => requireAddress(wallet().address());
  return {
    hardware,
    provider: () => new ProviderService({ pool, queue, owner: address, hardware }),
    certificates: () =>
      new CertificateService({
        pool,
        queue,
        wallet: () => ({ address, getExtra: (name) => wallet().getExtra(name), setExtra: (name, value) => wallet().setExtra(name, value) }),
        now: o.now,
      }),
    treasury: () => new Treasury({ pool, queue, address }),
  };
}
