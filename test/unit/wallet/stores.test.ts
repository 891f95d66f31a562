import { describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import { PassphraseStore, SafeStorageStore, safeStorageUsable, STRONG_SCRYPT } from "../../../main/wallet";
import { fakeSafeStorage, fastPassphraseStore } from "./fakes";

const secret = new TextEncoder().encode("the secret bytes");

async function rejection(promise: Promise<unknown>): Promise<ContractFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractFailure);
  return error as ContractFailure;
}

describe("PassphraseStore (scrypt + AES-256-GCM)", () => {
  it("uses strong scrypt parameters by default and records them with the ciphertext", async () => {
    const sealed = await new PassphraseStore().seal(secret, { aad: "a", passphrase: "correct horse" });
    expect(sealed.protection).toMatchObject({ kind: "passphrase", kdf: { name: "scrypt", ...STRONG_SCRYPT }, cipher: { name: "aes-256-gcm" } });
    expect(STRONG_SCRYPT.n).toBeGreaterThanOrEqual(2 ** 17);
    // A store configured with other costs still opens it: the parameters come from the file.
    expect(await fastPassphraseStore().open(sealed, { aad: "a", passphrase: "correct horse" })).toEqual(secret);
  });

  it("refuses a wrong passphrase, another AAD, and altered bytes with UNAUTHORIZED", async () => {
    const store = fastPassphraseStore();
    const sealed = await store.seal(secret, { aad: "addr-1", passphrase: "correct horse" });
    expect(Buffer.from(sealed.ciphertext, "base64").toString()).not.toContain("secret");
    const wrong = await rejection(store.open(sealed, { aad: "addr-1", passphrase: "wrong horse" }));
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toMatch(/Wrong passphrase/);
    expect((await rejection(store.open(sealed, { aad: "addr-2", passphrase: "correct horse" }))).code).toBe("UNAUTHORIZED");
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[0] = bytes[0]! ^ 1;
    const altered = { ...sealed, ciphertext: bytes.toString("base64") };
    expect((await rejection(store.open(altered, { aad: "addr-1", passphrase: "correct horse" }))).code).toBe("UNAUTHORIZED");
  });

  it("refuses to seal with a short or missing passphrase", async () => {
    const store = fastPassphraseStore();
    expect((await rejection(store.seal(secret, { aad: "a", passphrase: "short" }))).message).toMatch(/at least 8/);
    expect((await rejection(store.seal(secret, { aad: "a" }))).code).toBe("INVALID_INPUT");
  });
});

describe("SafeStorageStore (OS keychain through Electron safeStorage)", () => {
  it("is used only when encryption is available and, on Linux, the backend is a real keyring", () => {
    expect(safeStorageUsable(fakeSafeStorage(), "linux")).toBe(true);
    expect(safeStorageUsable(fakeSafeStorage({ backend: "basic_text" }), "linux")).toBe(false);
    expect(safeStorageUsable(fakeSafeStorage({ backend: "basic_text" }), "darwin")).toBe(true);
    expect(safeStorageUsable(fakeSafeStorage({ available: false }), "win32")).toBe(false);
    const noBackendMethod = { ...fakeSafeStorage(), getSelectedStorageBackend: undefined };
    expect(safeStorageUsable(noBackendMethod, "linux")).toBe(false);
  });

  it("round-trips, binds the AAD, and fails clearly under another OS user", async () => {
    const keychain = fakeSafeStorage();
    const store = new SafeStorageStore(keychain);
    const sealed = await store.seal(secret, { aad: "addr-1" });
    expect(sealed.protection).toEqual({ kind: "os-keychain" });
    expect(await store.open(sealed, { aad: "addr-1" })).toEqual(secret);
    expect(keychain.calls).toBe(2);
    expect((await rejection(store.open(sealed, { aad: "addr-2" }))).message).toMatch(/altered/);
    const other = new SafeStorageStore(fakeSafeStorage({ user: "mallory" }));
    expect((await rejection(other.open(sealed, { aad: "addr-1" }))).message).toMatch(/OS keychain could not decrypt/);
  });
});
