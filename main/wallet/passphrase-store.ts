import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from "node:crypto";
import { ContractFailure } from "../../common/envelope";
import type { Sealed, SealContext, ScryptParams, SecretStore } from "./secret-store";

// Passphrase protection: scrypt derives a 256-bit key, AES-256-GCM encrypts and authenticates.
// The KDF parameters travel with the ciphertext so they can be raised later without breaking old files.

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1): about 128 MiB and a few hundred ms per unlock. */
export const STRONG_SCRYPT = { n: 2 ** 17, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE_LENGTH = 8;

export interface PassphraseStoreOptions {
  /** Tests lower the cost; production keeps the default. */
  cost?: { n: number; r: number; p: number };
}

export class PassphraseStore implements SecretStore {
  readonly kind = "passphrase" as const;
  private readonly cost: { n: number; r: number; p: number };
  /** Keys derived while a wallet is unlocked, so re-sealing extras does not pay scrypt again. Cleared by forget(). */
  private readonly keys = new Map<string, Buffer>();

  constructor(options: PassphraseStoreOptions = {}) {
    this.cost = options.cost ?? STRONG_SCRYPT;
  }

  async seal(plaintext: Uint8Array, context: SealContext): Promise<Sealed> {
    const passphrase = requirePassphrase(context.passphrase);
    checkStrength(passphrase);
    const kdf: ScryptParams = context.kdf ?? { name: "scrypt", ...this.cost, salt: randomBytes(16).toString("base64") };
    const key = await this.key(passphrase, kdf);
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(context.aad, "utf8"));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      protection: { kind: "passphrase", kdf, cipher: { name: "aes-256-gcm", iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64") } },
      ciphertext: ciphertext.toString("base64"),
    };
  }

  async open(sealed: Sealed, context: SealContext): Promise<Uint8Array> {
    const { protection } = sealed;
    if (protection.kind !== "passphrase") throw new Error("PassphraseStore cannot open an OS-keychain keystore");
    const passphrase = requirePassphrase(context.passphrase);
    const key = await this.key(passphrase, protection.kdf);
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(protection.cipher.iv, "base64"));
      decipher.setAAD(Buffer.from(context.aad, "utf8"));
      decipher.setAuthTag(Buffer.from(protection.cipher.tag, "base64"));
      return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]));
    } catch {
      // GCM cannot tell a wrong key from altered data; both mean "this passphrase does not open it".
      this.forget();
      throw new ContractFailure("UNAUTHORIZED", "Wrong passphrase (or the keystore file was altered). Try again.");
    }
  }

  /** Drops every cached key (the wallet was locked). */
  forget(): void {
    for (const key of this.keys.values()) key.fill(0);
    this.keys.clear();
  }

  private async key(passphrase: string, kdf: ScryptParams): Promise<Buffer> {
    const id = createHash("sha256").update(`${kdf.salt}|${kdf.n}|${kdf.r}|${kdf.p}|`).update(passphrase, "utf8").digest("hex");
    const cached = this.keys.get(id);
    if (cached) return cached;
    const key = await deriveKey(passphrase, kdf);
    if (this.keys.size >= 4) this.forget();
    this.keys.set(id, key);
    return key;
  }
}

function requirePassphrase(passphrase: string | undefined): string {
  if (passphrase === undefined || passphrase.length === 0) throw new ContractFailure("INVALID_INPUT", "Enter the wallet passphrase.");
  return passphrase;
}

/** Only new passphrases are checked: an old one must still open what it sealed. */
export function checkStrength(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new ContractFailure("INVALID_INPUT", `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  if (passphrase.length > 1024) throw new ContractFailure("INVALID_INPUT", "That passphrase is too long (1024 characters at most).");
}

function deriveKey(passphrase: string, kdf: ScryptParams): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, "base64");
  // maxmem must cover 128·N·r bytes (plus slack), or node refuses strong parameters.
  const maxmem = 128 * kdf.n * kdf.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize("NFKC"), salt, 32, { N: kdf.n, r: kdf.r, p: kdf.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
