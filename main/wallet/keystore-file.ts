import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { ContractFailure } from "../../common/envelope";
import { Sealed } from "./secret-store";

// The keystore file: versioned JSON holding the address (public) and the sealed secrets. Written
// atomically (temp file, fsync, rename) with mode 0600, so a crash leaves the old file or the new one.

export const KEYSTORE_FORMAT = "akash-provider-desktop/keystore";
export const KEYSTORE_VERSION = 1;
const MAX_FILE_BYTES = 1_000_000;

export const KeystoreFile = z.object({
  format: z.literal(KEYSTORE_FORMAT),
  version: z.literal(KEYSTORE_VERSION),
  address: z.string().regex(/^akash1[02-9ac-hj-np-z]{38,58}$/u, "not an akash address"),
  createdAt: z.string().datetime(),
  sealed: Sealed,
});
export type KeystoreFile = z.infer<typeof KeystoreFile>;

/** What the sealed bytes decrypt to: the mnemonic and named extra secrets (e.g. the provider TLS key). */
export const KeystorePayload = z.object({
  v: z.literal(1),
  mnemonic: z.string().min(1),
  extras: z.record(z.string(), z.string()),
});
export type KeystorePayload = z.infer<typeof KeystorePayload>;

/** The additional data both stores bind into the ciphertext: format, version and address. */
export function keystoreAad(address: string): string {
  return `${KEYSTORE_FORMAT}|v${KEYSTORE_VERSION}|${address}`;
}

export type ReadResult = { kind: "missing" } | { kind: "ok"; file: KeystoreFile } | { kind: "damaged"; reason: string };

/** Reads and validates; never throws for content problems (the caller decides what "damaged" means). */
export function readKeystore(path: string): ReadResult {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_FILE_BYTES) return { kind: "damaged", reason: "the file is far larger than a keystore" };
    text = bytes.toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "missing" };
    throw new ContractFailure("UNAVAILABLE", `Cannot read the keystore file ${path}: ${(error as Error).message}`);
  }
  return parseKeystore(text);
}

export function parseKeystore(text: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "damaged", reason: "it is not valid JSON" };
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > KEYSTORE_VERSION) {
    return { kind: "damaged", reason: `it was written by a newer version of the app (format ${version})` };
  }
  const parsed = KeystoreFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: "damaged", reason: `${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
  }
  return { kind: "ok", file: parsed.data };
}

export function serializeKeystore(file: KeystoreFile): string {
  return `${JSON.stringify(KeystoreFile.parse(file), null, 2)}\n`;
}

/** Atomic replace: the target is either the old file or the complete new one, never half-written. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    const fd = openSync(tmp, "wx", 0o600);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  try {
    const dirFd = openSync(dirname(path), "r");
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Directory fsync is not supported everywhere (Windows); the rename is still atomic.
  }
}

/** Moves a damaged keystore aside (never deletes it) so a fresh import can proceed. */
export function setAsideDamaged(path: string, stamp: Date): string {
  const aside = `${path}.damaged-${stamp.toISOString().replace(/[:.]/gu, "-")}`;
  renameSync(path, aside);
  return aside;
}
