import { z } from "zod";

// The port the wallet seals its secrets behind. Two implementations: a passphrase (scrypt +
// AES-256-GCM) that works everywhere, and Electron's safeStorage (the OS keychain) where one exists.
// Both produce a `Sealed` value that the keystore file stores as is.

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/u, "not base64").max(1_000_000);

export const ScryptParams = z.object({
  name: z.literal("scrypt"),
  // Upper bounds stop a hostile file from making us allocate gigabytes before the auth tag fails.
  n: z.number().int().min(2 ** 10).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, "n must be a power of two"),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: b64.min(16),
});
export type ScryptParams = z.infer<typeof ScryptParams>;

export const Protection = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("passphrase"),
    kdf: ScryptParams,
    cipher: z.object({ name: z.literal("aes-256-gcm"), iv: b64.min(16), tag: b64.min(16) }),
  }),
  z.object({ kind: z.literal("os-keychain") }),
]);
export type Protection = z.infer<typeof Protection>;

export const Sealed = z.object({ protection: Protection, ciphertext: b64.min(1) });
export type Sealed = z.infer<typeof Sealed>;

export interface SealContext {
  /** Bound into the ciphertext (GCM additional data): a file whose address was edited will not open. */
  aad: string;
  passphrase?: string;
  /** Re-seal under the same KDF salt and parameters (a passphrase store may then reuse the derived key). */
  kdf?: ScryptParams;
}

export interface SecretStore {
  readonly kind: Protection["kind"];
  seal(plaintext: Uint8Array, context: SealContext): Promise<Sealed>;
  /** Throws ContractFailure(UNAUTHORIZED) for a wrong passphrase or altered data. */
  open(sealed: Sealed, context: SealContext): Promise<Uint8Array>;
}
