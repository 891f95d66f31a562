import { ContractFailure } from "../../common/envelope";
import type { Sealed, SealContext, SecretStore } from "./secret-store";

// The OS keychain through Electron's safeStorage. Electron objects come in as parameters (this
// folder never imports electron), so the shape below is all we rely on and tests pass a fake.

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means safeStorage would fall back to a hard-coded key. */
  getSelectedStorageBackend?(): string;
}

/** Whether safeStorage really protects secrets here: on Linux a 'basic_text' backend does not. */
export function safeStorageUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === "linux") {
    const backend = safeStorage.getSelectedStorageBackend?.();
    if (backend === undefined || backend === "basic_text" || backend === "unknown") return false;
  }
  return true;
}

export class SafeStorageStore implements SecretStore {
  readonly kind = "os-keychain" as const;

  constructor(private readonly safeStorage: SafeStorageLike) {}

  async seal(plaintext: Uint8Array, context: SealContext): Promise<Sealed> {
    // safeStorage has no associated data, so the AAD travels inside the encrypted string and is checked on open.
    const inner = JSON.stringify({ aad: context.aad, data: Buffer.from(plaintext).toString("base64") });
    const encrypted = this.safeStorage.encryptString(inner);
    return { protection: { kind: "os-keychain" }, ciphertext: Buffer.from(encrypted).toString("base64") };
  }

  async open(sealed: Sealed, context: SealContext): Promise<Uint8Array> {
    let inner: unknown;
    try {
      inner = JSON.parse(this.safeStorage.decryptString(Buffer.from(sealed.ciphertext, "base64")));
    } catch {
      throw new ContractFailure(
        "UNAUTHORIZED",
        "The OS keychain could not decrypt this wallet (another user account or a reset keychain?). Restore it from your encrypted backup or import your recovery phrase.",
      );
    }
    const record = inner as { aad?: unknown; data?: unknown } | null;
    if (!record || record.aad !== context.aad || typeof record.data !== "string") {
      throw new ContractFailure("UNAUTHORIZED", "The keystore file does not match its contents (it was altered). Restore it from your encrypted backup.");
    }
    return new Uint8Array(Buffer.from(record.data, "base64"));
  }
}
