export { generateMnemonic, parseMnemonic, pickConfirmPositions } from "./mnemonic";
export { PassphraseStore, STRONG_SCRYPT, MIN_PASSPHRASE_LENGTH } from "./passphrase-store";
export { SafeStorageStore, safeStorageUsable, type SafeStorageLike } from "./safe-storage-store";
export type { SecretStore, Sealed } from "./secret-store";
export { WalletService, HD_PATH, CONFIRM_WORDS, type WalletServiceOptions } from "./wallet-service";
export { WalletRegistry, type WalletRegistryOptions } from "./wallet-registry";
