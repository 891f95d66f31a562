import { DirectSecp256k1HdWallet, type OfflineDirectSigner } from "@cosmjs/proto-signing";
import { ContractFailure } from "../../common/envelope";
import type { NetworkId } from "../../common/schemas";
import type { WalletBackupFile, WalletCreated, WalletStatus } from "../../common/wallet-schemas";
import {
  KEYSTORE_FORMAT,
  KEYSTORE_VERSION,
  KeystorePayload,
  keystoreAad,
  parseKeystore,
  readKeystore,
  serializeKeystore,
  setAsideDamaged,
  writeFileAtomic,
  type KeystoreFile,
} from "./keystore-file";
import { generateMnemonic, parseMnemonic, pickConfirmPositions } from "./mnemonic";
import { checkStrength, PassphraseStore } from "./passphrase-store";
import type { ScryptParams, SecretStore } from "./secret-store";

// One network's wallet: the state machine behind the wizard's wallet step and Settings.
//   none ──create──▶ backup-pending ──confirmBackup──▶ unlocked ◀──unlock── locked
//   none ──import──────────────────────────────────────▶ unlocked ──lock──▶ locked
// No keystore is written before the backup is confirmed; the mnemonic never leaves this object
// except once, in create()'s result.

export const HD_PATH = "m/44'/118'/0'/0/0";
export const CONFIRM_WORDS = 3;

export interface WalletServiceOptions {
  network: NetworkId;
  /** The keystore file for this network. */
  file: string;
  passphraseStore: PassphraseStore;
  /** The OS keychain, where safeStorage is usable; new keystores use it when present. */
  keychain?: SecretStore | null;
  now: () => Date;
  onChange?: (status: WalletStatus) => void;
  /** Injectable for tests: randomness for the mnemonic and the quiz. */
  entropy?: (bytes: number) => Uint8Array;
  pick?: (max: number) => number;
}

interface Unlocked {
  address: string;
  payload: KeystorePayload;
  /** Kept while unlocked so extras can be re-sealed; dropped on lock. */
  passphrase: string | undefined;
  signer: DirectSecp256k1HdWallet;
  file: KeystoreFile;
}

export class WalletService {
  private pending: { mnemonic: string; positions: number[] } | null = null;
  private unlocked: Unlocked | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: WalletServiceOptions) {}

  status(): WalletStatus {
    const protection = this.o.keychain ? "os-keychain" : "passphrase";
    const base = { network: this.o.network, problem: null };
    if (this.unlocked) {
      const kind = this.unlocked.file.sealed.protection.kind;
      return { ...base, state: "unlocked", address: this.unlocked.address, protection: kind, needsPassphrase: kind === "passphrase" };
    }
    const read = readKeystore(this.o.file);
    if (read.kind === "damaged") {
      return {
        ...base,
        state: "damaged",
        address: null,
        protection,
        needsPassphrase: protection === "passphrase",
        problem: `The keystore file is damaged (${read.reason}). It is kept as it is; import your recovery phrase or an encrypted backup to replace it.`,
      };
    }
    if (read.kind === "ok") {
      const kind = read.file.sealed.protection.kind;
      return { ...base, state: "locked", address: read.file.address, protection: kind, needsPassphrase: kind === "passphrase" };
    }
    return { ...base, state: this.pending ? "backup-pending" : "none", address: null, protection, needsPassphrase: protection === "passphrase" };
  }

  /** Step 1 of a new wallet: fresh words, shown once. Nothing is written yet. */
  create(): WalletCreated {
    this.refuseIfExists();
    const mnemonic = generateMnemonic(this.o.entropy);
    const words = mnemonic.split(" ");
    const positions = pickConfirmPositions(words.length, CONFIRM_WORDS, this.o.pick);
    this.pending = { mnemonic, positions };
    this.changed();
    return { words, confirmPositions: positions };
  }

  /** Step 2: the user typed back the asked words; only now is the keystore written. */
  confirmBackup(answers: { position: number; word: string }[], passphrase?: string): Promise<WalletStatus> {
    return this.serialize(async () => {
      const pending = this.pending;
      if (!pending) throw new ContractFailure("CONFLICT", "There is no new wallet waiting for its backup to be confirmed. Start with “Create wallet”.");
      const words = pending.mnemonic.split(" ");
      const given = new Map(answers.map((a) => [a.position, a.word.trim().toLowerCase()]));
      const missing = pending.positions.filter((p) => !given.has(p));
      if (missing.length > 0) throw new ContractFailure("INVALID_INPUT", `Type word${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of your recovery phrase.`);
      const wrong = pending.positions.filter((p) => given.get(p) !== words[p - 1]);
      if (wrong.length > 0) {
        throw new ContractFailure("INVALID_INPUT", `Word${wrong.length > 1 ? "s" : ""} ${wrong.join(", ")} ${wrong.length > 1 ? "do" : "does"} not match. Check your written backup; nothing was saved yet.`);
      }
      await this.persistNew(pending.mnemonic, passphrase);
      this.pending = null;
      return this.changed();
    });
  }

  /** Restore from an existing recovery phrase (the user already holds the backup). */
  import(mnemonicInput: string, passphrase?: string): Promise<WalletStatus> {
    return this.serialize(async () => {
      const mnemonic = parseMnemonic(mnemonicInput);
      await this.persistNew(mnemonic, passphrase);
      this.pending = null;
      return this.changed();
    });
  }

  /**
   * Restores an encrypted backup from exportBackup (its content and backup passphrase). The wallet is
   * then sealed like a new one: by the OS keychain, or with `passphrase` (default: the backup's).
   */
  importBackup(content: string, backupPassphrase: string, passphrase?: string): Promise<WalletStatus> {
    return this.serialize(async () => {
      const parsed = parseKeystore(content);
      if (parsed.kind !== "ok") throw new ContractFailure("INVALID_INPUT", `That is not a wallet backup from this app (${parsed.kind === "damaged" ? parsed.reason : "empty"}).`);
      if (parsed.file.sealed.protection.kind !== "passphrase") throw new ContractFailure("INVALID_INPUT", "That file is a keychain-sealed keystore, not a portable backup. Export a backup from the other install.");
      const payload = await this.openFile(parsed.file, backupPassphrase);
      await this.persistNew(payload.mnemonic, passphrase ?? backupPassphrase, payload.extras, parsed.file.address);
      this.pending = null;
      return this.changed();
    });
  }

  unlock(passphrase?: string): Promise<WalletStatus> {
    return this.serialize(async () => {
      if (this.unlocked) return this.status();
      const file = this.requireFile();
      const payload = await this.openFile(file, passphrase);
      await this.becomeUnlocked(file, payload, passphrase);
      return this.changed();
    });
  }

  lock(): WalletStatus {
    this.unlocked = null;
    this.o.passphraseStore.forget();
    return this.changed();
  }

  changePassphrase(current: string, next: string): Promise<WalletStatus> {
    return this.serialize(async () => {
      const file = this.requireFile();
      if (file.sealed.protection.kind !== "passphrase") {
        throw new ContractFailure("CONFLICT", "This wallet is protected by the OS keychain and has no passphrase to change.");
      }
      checkStrength(next);
      const payload = await this.openFile(file, current);
      const rewritten = await this.writeFile(file.address, payload, next, this.o.passphraseStore, file.createdAt);
      if (this.unlocked) await this.becomeUnlocked(rewritten, payload, next);
      return this.changed();
    });
  }

  /** An encrypted copy sealed with a backup passphrase of the user's choice (works without the keychain). */
  exportBackup(backupPassphrase: string): Promise<WalletBackupFile> {
    return this.serialize(async () => {
      const state = this.requireUnlocked();
      checkStrength(backupPassphrase);
      const sealed = await this.o.passphraseStore.seal(encodePayload(state.payload), { aad: keystoreAad(state.address), passphrase: backupPassphrase });
      const file: KeystoreFile = { format: KEYSTORE_FORMAT, version: KEYSTORE_VERSION, address: state.address, createdAt: this.o.now().toISOString(), sealed };
      const day = this.o.now().toISOString().slice(0, 10);
      return { fileName: `akash-provider-wallet-${this.o.network}-${state.address.slice(-6)}-${day}.json`, content: serializeKeystore(file), address: state.address };
    });
  }

  /** The signer for the tx queue; a locked wallet is a clear error, not a hang. */
  signer(): OfflineDirectSigner & { readonly address: string } {
    const state = this.requireUnlocked();
    const signer = state.signer;
    return { address: state.address, getAccounts: () => signer.getAccounts(), signDirect: (a, d) => signer.signDirect(a, d) };
  }

  address(): string | null {
    return this.status().address;
  }

  /** A named secret sealed alongside the mnemonic (e.g. the provider TLS private key). */
  getExtra(name: string): string | undefined {
    return this.requireUnlocked().payload.extras[name];
  }

  setExtra(name: string, value: string | null): Promise<void> {
    return this.serialize(async () => {
      const state = this.requireUnlocked();
      const extras = { ...state.payload.extras };
      if (value === null) delete extras[name];
      else extras[name] = value;
      const payload = { ...state.payload, extras };
      const protection = state.file.sealed.protection;
      const store = this.storeFor(protection.kind);
      const kdf = protection.kind === "passphrase" ? protection.kdf : undefined;
      const rewritten = await this.writeFile(state.address, payload, state.passphrase, store, state.file.createdAt, kdf);
      await this.becomeUnlocked(rewritten, payload, state.passphrase);
    });
  }

  private async persistNew(mnemonic: string, passphrase: string | undefined, extras: Record<string, string> = {}, expectedAddress?: string): Promise<void> {
    const read = readKeystore(this.o.file);
    if (read.kind === "ok") throw existsError();
    const store = this.o.keychain ?? this.o.passphraseStore;
    const signer = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "akash" });
    const [account] = await signer.getAccounts();
    if (!account) throw new Error("HD wallet produced no account");
    if (expectedAddress && account.address !== expectedAddress) {
      throw new ContractFailure("INVALID_INPUT", "The backup's recovery phrase does not derive its recorded address; the file was altered.");
    }
    // Seal first: a bad passphrase must fail before the damaged file is moved aside.
    const payload: KeystorePayload = { v: 1, mnemonic, extras: { ...extras } };
    const sealed = await store.seal(encodePayload(payload), { aad: keystoreAad(account.address), passphrase });
    if (read.kind === "damaged") setAsideDamaged(this.o.file, this.o.now());
    const file: KeystoreFile = { format: KEYSTORE_FORMAT, version: KEYSTORE_VERSION, address: account.address, createdAt: this.o.now().toISOString(), sealed };
    writeFileAtomic(this.o.file, serializeKeystore(file));
    this.unlocked = { address: account.address, payload, passphrase: store.kind === "passphrase" ? passphrase : undefined, signer, file };
  }

  private async writeFile(
    address: string,
    payload: KeystorePayload,
    passphrase: string | undefined,
    store: SecretStore,
    createdAt: string,
    kdf?: ScryptParams,
  ): Promise<KeystoreFile> {
    const sealed = await store.seal(encodePayload(payload), { aad: keystoreAad(address), passphrase, ...(kdf ? { kdf } : {}) });
    const file: KeystoreFile = { format: KEYSTORE_FORMAT, version: KEYSTORE_VERSION, address, createdAt, sealed };
    writeFileAtomic(this.o.file, serializeKeystore(file));
    return file;
  }

  private async openFile(file: KeystoreFile, passphrase: string | undefined): Promise<KeystorePayload> {
    const store = this.storeFor(file.sealed.protection.kind);
    const bytes = await store.open(file.sealed, { aad: keystoreAad(file.address), passphrase });
    const payload = decodePayload(bytes);
    return payload;
  }

  private async becomeUnlocked(file: KeystoreFile, payload: KeystorePayload, passphrase: string | undefined): Promise<void> {
    const signer = await DirectSecp256k1HdWallet.fromMnemonic(payload.mnemonic, { prefix: "akash" });
    const [account] = await signer.getAccounts();
    if (account?.address !== file.address) {
      throw new ContractFailure("UNAVAILABLE", "The keystore's recovery phrase does not derive its recorded address; the file was altered. Restore from your backup.");
    }
    this.unlocked = { address: file.address, payload, passphrase: file.sealed.protection.kind === "passphrase" ? passphrase : undefined, signer, file };
  }

  private storeFor(kind: "passphrase" | "os-keychain"): SecretStore {
    if (kind === "passphrase") return this.o.passphraseStore;
    if (!this.o.keychain) {
      throw new ContractFailure(
        "UNAVAILABLE",
        "This wallet is sealed with the OS keychain, which is not available now. Start the app in your desktop session, or import your recovery phrase or backup.",
      );
    }
    return this.o.keychain;
  }

  private requireFile(): KeystoreFile {
    const read = readKeystore(this.o.file);
    if (read.kind === "missing") throw new ContractFailure("NOT_FOUND", "There is no wallet yet. Create one or import your recovery phrase.");
    if (read.kind === "damaged") throw new ContractFailure("UNAVAILABLE", `The keystore file is damaged (${read.reason}). Import your recovery phrase or backup to replace it.`);
    return read.file;
  }

  private requireUnlocked(): Unlocked {
    if (this.unlocked) return this.unlocked;
    const state = this.status().state;
    if (state === "locked") throw new ContractFailure("UNAUTHORIZED", "The wallet is locked. Unlock it first.");
    throw new ContractFailure("NOT_FOUND", "There is no wallet yet. Create one or import your recovery phrase.");
  }

  private refuseIfExists(): void {
    if (this.unlocked || readKeystore(this.o.file).kind === "ok") throw existsError();
  }

  private changed(): WalletStatus {
    const status = this.status();
    this.o.onChange?.(status);
    return status;
  }

  /** One keystore operation at a time: two concurrent writes must not interleave. */
  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function existsError(): ContractFailure {
  return new ContractFailure("CONFLICT", "A wallet already exists for this network. Lock or unlock it; to replace it, remove its keystore file first.");
}

function encodePayload(payload: KeystorePayload): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(payload));
}

function decodePayload(bytes: Uint8Array): KeystorePayload {
  try {
    return KeystorePayload.parse(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)));
  } catch {
    throw new ContractFailure("UNAVAILABLE", "The keystore decrypted but its contents are not a wallet. Restore from your backup.");
  }
}
