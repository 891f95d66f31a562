import { z } from "zod";
import { NetworkId } from "./schemas";

// Wallet payloads. The mnemonic crosses the contract exactly twice: out once in `WalletCreated`
// (the backup screen) and in once in `WalletImport`. Nothing else ever carries it.

export const AkashAddress = z.string().regex(/^akash1[02-9ac-hj-np-z]{38,58}$/u, "expected an akash1… address");

export const WalletState = z.enum(["none", "backup-pending", "locked", "unlocked", "damaged"]);
export type WalletState = z.infer<typeof WalletState>;

export const WalletStatus = z.object({
  network: NetworkId,
  state: WalletState,
  address: AkashAddress.nullable(),
  /** How this wallet's keystore is (or a new one will be) protected. */
  protection: z.enum(["os-keychain", "passphrase"]),
  /** Whether unlock/create/import need a passphrase from the user. */
  needsPassphrase: z.boolean(),
  /** For `damaged`: what is wrong and what to do; otherwise null. */
  problem: z.string().nullable(),
});
export type WalletStatus = z.infer<typeof WalletStatus>;

const Passphrase = z.string().min(1).max(1024);

export const WalletCreated = z.object({
  words: z.array(z.string()).length(24),
  /** 1-based positions the user must type back in `wallet.confirmBackup`. */
  confirmPositions: z.array(z.number().int().min(1).max(24)).min(1),
});
export type WalletCreated = z.infer<typeof WalletCreated>;

export const WalletConfirmBackup = z
  .object({
    answers: z.array(z.object({ position: z.number().int().min(1).max(24), word: z.string().max(32) }).strict()).min(1).max(24),
    passphrase: Passphrase.optional(),
  })
  .strict();

export const WalletImport = z.object({ mnemonic: z.string().min(1).max(1000), passphrase: Passphrase.optional() }).strict();

export const WalletImportBackup = z
  .object({ content: z.string().min(1).max(1_000_000), backupPassphrase: Passphrase, passphrase: Passphrase.optional() })
  .strict();

export const WalletUnlock = z.object({ passphrase: Passphrase.optional() }).strict();

export const WalletChangePassphrase = z.object({ current: Passphrase, next: Passphrase }).strict();

export const WalletExportBackup = z.object({ passphrase: Passphrase }).strict();

export const WalletBackupFile = z.object({
  fileName: z.string(),
  /** The encrypted backup (same format as the keystore, sealed with the backup passphrase). */
  content: z.string(),
  address: AkashAddress,
});
export type WalletBackupFile = z.infer<typeof WalletBackupFile>;
