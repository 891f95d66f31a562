import { join } from "node:path";
import type { NetworkId } from "../../common/schemas";
import type { WalletStatus } from "../../common/wallet-schemas";
import type { PassphraseStore } from "./passphrase-store";
import type { SecretStore } from "./secret-store";
import { WalletService } from "./wallet-service";

// Each network keeps its own wallet binding: a devnet test wallet never signs on mainnet by accident.
// One keystore file per network under <dataDir>/wallets/.

export interface WalletRegistryOptions {
  dir: string;
  passphraseStore: PassphraseStore;
  keychain?: SecretStore | null;
  now: () => Date;
  onChange?: (status: WalletStatus) => void;
  entropy?: (bytes: number) => Uint8Array;
  pick?: (max: number) => number;
}

export class WalletRegistry {
  private readonly wallets = new Map<NetworkId, WalletService>();

  constructor(private readonly o: WalletRegistryOptions) {}

  for(network: NetworkId): WalletService {
    let wallet = this.wallets.get(network);
    if (!wallet) {
      wallet = new WalletService({ ...this.o, network, file: join(this.o.dir, `${network}.keystore.json`) });
      this.wallets.set(network, wallet);
    }
    return wallet;
  }

  /** Locks every network's wallet (app shutdown, or the user's "lock now"). */
  lockAll(): void {
    for (const wallet of this.wallets.values()) wallet.lock();
  }
}
