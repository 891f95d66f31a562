import { join } from "node:path";
import type { WalletStatus } from "../../common/wallet-schemas";
import { PassphraseStore } from "./passphrase-store";
import { SafeStorageStore, safeStorageUsable, type SafeStorageLike } from "./safe-storage-store";
import { WalletRegistry } from "./wallet-registry";

/** What createApp may pass in for the wallet: Electron's safeStorage (the IPC host has it), test costs. */
export interface WalletDeps {
  safeStorage?: SafeStorageLike;
  /** Lower scrypt cost for tests only; production uses the strong default. */
  scryptCost?: { n: number; r: number; p: number };
  platform?: NodeJS.Platform;
}

/** The per-network wallets under <dataDir>/wallets, sealed by the OS keychain where it really protects. */
export function createWallets(dataDir: string, deps: WalletDeps, now: () => Date, onChange: (status: WalletStatus) => void): WalletRegistry {
  const platform = deps.platform ?? process.platform;
  const keychain = deps.safeStorage && safeStorageUsable(deps.safeStorage, platform) ? new SafeStorageStore(deps.safeStorage) : null;
  return new WalletRegistry({
    dir: join(dataDir, "wallets"),
    passphraseStore: new PassphraseStore(deps.scryptCost ? { cost: deps.scryptCost } : {}),
    keychain,
    now,
    onChange,
  });
}
