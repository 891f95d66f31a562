import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { SafeStorageLike } from "../../../main/wallet";
import { PassphraseStore } from "../../../main/wallet";

/** Cheap scrypt for tests; one test checks the strong default separately. */
export const fastPassphraseStore = () => new PassphraseStore({ cost: { n: 2 ** 10, r: 8, p: 1 } });

/** A stand-in for Electron's safeStorage: real AES with a per-"user" key, so another user cannot decrypt. */
export function fakeSafeStorage(options: { user?: string; available?: boolean; backend?: string } = {}): SafeStorageLike & { calls: number } {
  const key = createHash("sha256").update(`keychain:${options.user ?? "alice"}`).digest();
  const fake = {
    calls: 0,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? "gnome_libsecret",
    encryptString(plain: string): Buffer {
      fake.calls++;
      const iv = randomBytes(12);
      const c = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(data: Buffer): string {
      fake.calls++;
      const d = createDecipheriv("aes-256-gcm", key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString("utf8");
    },
  };
  return fake;
}

/** Deterministic garbage for fuzzing (a seeded xorshift: failures reproduce). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}
