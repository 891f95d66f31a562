import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeSignDoc, makeAuthInfoBytes } from "@cosmjs/proto-signing";
import { describe, expect, it } from "vitest";
import { ContractFailure } from "../../../common/envelope";
import type { WalletStatus } from "../../../common/wallet-schemas";
import { SafeStorageStore, WalletService } from "../../../main/wallet";
import { parseKeystore } from "../../../main/wallet/keystore-file";
import { fakeSafeStorage, fastPassphraseStore } from "./fakes";

const ABANDON = `${"abandon ".repeat(11)}about`;
const ABANDON_AKASH = "akash19rl4cm2hmr8afy4kldpxz3fka4jguq0a3mq6x0";
const PASS = "correct horse battery";

function setup(options: { keychain?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "apd-wallet-"));
  const file = join(dir, "wallets", "local.keystore.json");
  const changes: WalletStatus[] = [];
  const wallet = new WalletService({
    network: "local",
    file,
    passphraseStore: fastPassphraseStore(),
    keychain: options.keychain ? new SafeStorageStore(fakeSafeStorage()) : null,
    now: () => new Date("2026-11-21T22:00:00Z"),
    onChange: (s) => changes.push(s),
  });
  return { dir, file, wallet, changes };
}

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<ContractFailure> {
  const error = await (typeof promise === "function" ? Promise.resolve().then(promise) : promise).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractFailure);
  return error as ContractFailure;
}

describe("WalletService", () => {
  it("create → quiz → keystore only after the backup is confirmed; the file never holds the words", async () => {
    const { file, wallet, changes } = setup();
    expect(wallet.status()).toMatchObject({ state: "none", address: null, protection: "passphrase", needsPassphrase: true });
    const created = wallet.create();
    expect(created.words).toHaveLength(24);
    expect(created.confirmPositions).toHaveLength(3);
    expect(wallet.status().state).toBe("backup-pending");
    expect(existsSync(file)).toBe(false);

    const wrongAnswers = created.confirmPositions.map((p) => ({ position: p, word: created.words[p % 24] === created.words[p - 1] ? "zoo" : created.words[p % 24]! }));
    expect((await rejection(wallet.confirmBackup(wrongAnswers, PASS))).message).toMatch(/does not match|do not match/);
    expect((await rejection(wallet.confirmBackup(wrongAnswers.slice(1), PASS))).message).toMatch(/Type word/);
    expect(existsSync(file)).toBe(false);

    const answers = created.confirmPositions.map((p) => ({ position: p, word: ` ${created.words[p - 1]!.toUpperCase()} ` }));
    const status = await wallet.confirmBackup(answers, PASS);
    expect(status).toMatchObject({ state: "unlocked", needsPassphrase: true });
    expect(status.address).toMatch(/^akash1/);
    const text = readFileSync(file, "utf8");
    // No run of two consecutive words (single words can occur by chance in JSON keys or base64).
    for (let i = 0; i + 1 < created.words.length; i++) expect(text).not.toContain(`${created.words[i]} ${created.words[i + 1]}`);
    expect(parseKeystore(text)).toMatchObject({ kind: "ok", file: { address: status.address } });
    expect(changes.map((c) => c.state)).toEqual(["backup-pending", "unlocked"]);
    // The words are gone from the service: confirming again is refused.
    expect((await rejection(wallet.confirmBackup(answers, PASS))).code).toBe("CONFLICT");
  });

  it("import, lock, unlock (wrong passphrase refused), sign", async () => {
    const { wallet } = setup();
    expect((await rejection(wallet.import("abandon abandon", PASS))).code).toBe("INVALID_INPUT");
    expect((await rejection(wallet.import(ABANDON, "short"))).message).toMatch(/at least 8/);
    const imported = await wallet.import(ABANDON, PASS);
    expect(imported).toMatchObject({ state: "unlocked", address: ABANDON_AKASH });
    expect((await rejection(wallet.import(ABANDON, PASS))).code).toBe("CONFLICT");
    expect(wallet.lock()).toMatchObject({ state: "locked", address: ABANDON_AKASH });
    expect((await rejection(() => wallet.signer())).message).toMatch(/locked/);
    expect((await rejection(wallet.unlock("not the passphrase"))).code).toBe("UNAUTHORIZED");
    expect((await rejection(wallet.unlock())).code).toBe("INVALID_INPUT");
    expect(await wallet.unlock(PASS)).toMatchObject({ state: "unlocked" });

    const signer = wallet.signer();
    const [account] = await signer.getAccounts();
    const authInfo = makeAuthInfoBytes([{ pubkey: { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: account!.pubkey }, sequence: 0 }], [], 200000, undefined, undefined);
    const signed = await signer.signDirect(ABANDON_AKASH, makeSignDoc(new Uint8Array(), authInfo, "local", 1));
    expect(signed.signature.signature.length).toBeGreaterThan(80);
  });

  it("changes the passphrase and exports a backup that opens with the backup passphrase only", async () => {
    const { wallet, file } = setup();
    await wallet.import(ABANDON, PASS);
    expect((await rejection(wallet.changePassphrase("wrong wrong", "new passphrase 1"))).code).toBe("UNAUTHORIZED");
    expect((await rejection(wallet.changePassphrase(PASS, "short"))).code).toBe("INVALID_INPUT");
    await wallet.changePassphrase(PASS, "new passphrase 1");
    wallet.lock();
    expect((await rejection(wallet.unlock(PASS))).code).toBe("UNAUTHORIZED");
    await wallet.unlock("new passphrase 1");

    const backup = await wallet.exportBackup("backup passphrase");
    expect(backup.address).toBe(ABANDON_AKASH);
    expect(backup.fileName).toMatch(/^akash-provider-wallet-local-.*\.json$/);
    expect(backup.content).not.toContain("abandon");
    // The backup is a keystore in its own right: a fresh install can open it with the backup passphrase.
    const dir2 = mkdtempSync(join(tmpdir(), "apd-wallet-restore-"));
    const restoredFile = join(dir2, "local.keystore.json");
    writeFileSync(restoredFile, backup.content);
    const restored = new WalletService({ network: "local", file: restoredFile, passphraseStore: fastPassphraseStore(), now: () => new Date() });
    expect((await rejection(restored.unlock("new passphrase 1"))).code).toBe("UNAUTHORIZED");
    expect(await restored.unlock("backup passphrase")).toMatchObject({ state: "unlocked", address: ABANDON_AKASH });
    expect(readFileSync(file, "utf8")).not.toBe(backup.content);
  });

  it("keeps extra secrets (the provider TLS key) sealed with the wallet across lock/unlock", async () => {
    const { wallet, file } = setup();
    await wallet.import(ABANDON, PASS);
    await wallet.setExtra("provider-tls-key", "-----BEGIN PRIVATE KEY-----\nxyz\n-----END PRIVATE KEY-----");
    expect(readFileSync(file, "utf8")).not.toContain("PRIVATE KEY");
    wallet.lock();
    expect((await rejection(() => wallet.getExtra("provider-tls-key"))).code).toBe("UNAUTHORIZED");
    await wallet.unlock(PASS);
    expect(wallet.getExtra("provider-tls-key")).toContain("BEGIN PRIVATE KEY");
    await wallet.setExtra("provider-tls-key", null);
    expect(wallet.getExtra("provider-tls-key")).toBeUndefined();
  });

  it("with the OS keychain: no passphrase asked, unlock works in a new process, no passphrase to change", async () => {
    const { wallet, file } = setup({ keychain: true });
    expect(wallet.status()).toMatchObject({ protection: "os-keychain", needsPassphrase: false });
    await wallet.import(ABANDON);
    expect(parseKeystore(readFileSync(file, "utf8"))).toMatchObject({ file: { sealed: { protection: { kind: "os-keychain" } } } });
    const again = new WalletService({ network: "local", file, passphraseStore: fastPassphraseStore(), keychain: new SafeStorageStore(fakeSafeStorage()), now: () => new Date() });
    expect(await again.unlock()).toMatchObject({ state: "unlocked", address: ABANDON_AKASH, needsPassphrase: false });
    expect((await rejection(again.changePassphrase("whatever1", "whatever2"))).code).toBe("CONFLICT");
    // Without the keychain (e.g. started headless) the keychain-sealed file cannot open: say so.
    const headless = new WalletService({ network: "local", file, passphraseStore: fastPassphraseStore(), now: () => new Date() });
    expect((await rejection(headless.unlock("anything"))).message).toMatch(/OS keychain, which is not available/);
  });

  it("a damaged keystore is reported, never overwritten by unlock, and set aside (not deleted) by an import", async () => {
    const { wallet, file, dir } = setup();
    await wallet.import(ABANDON, PASS);
    wallet.lock();
    const original = readFileSync(file, "utf8");
    const torn = original.slice(0, original.length / 2);
    writeFileSync(file, torn);
    expect(wallet.status()).toMatchObject({ state: "damaged", problem: expect.stringMatching(/damaged.*not valid JSON/) });
    expect((await rejection(wallet.unlock(PASS))).code).toBe("UNAVAILABLE");
    expect(readFileSync(file, "utf8")).toBe(torn);
    // An import with a bad passphrase fails before anything is moved.
    await rejection(wallet.import(ABANDON, "short"));
    expect(readFileSync(file, "utf8")).toBe(torn);
    await wallet.import(ABANDON, PASS);
    const names = readdirSync(join(dir, "wallets"));
    const aside = names.find((n) => n.includes(".damaged-"));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, "wallets", aside!), "utf8")).toBe(torn);
  });

  it("a keystore whose address was edited does not open", async () => {
    const { wallet, file } = setup();
    await wallet.import(ABANDON, PASS);
    wallet.lock();
    const json = JSON.parse(readFileSync(file, "utf8"));
    json.address = "akash1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq";
    writeFileSync(file, JSON.stringify(json));
    expect((await rejection(wallet.unlock(PASS))).code).toBe("UNAUTHORIZED");
  });
});

describe("WalletService.importBackup", () => {
  it("restores an exported backup on a fresh install, keeping the sealed extras; refuses wrong or foreign files", async () => {
    const { wallet } = setup();
    await wallet.import(ABANDON, PASS);
    await wallet.setExtra("provider-tls-key:1", "KEY");
    const backup = await wallet.exportBackup("backup passphrase");

    const fresh = setup();
    expect((await rejection(fresh.wallet.importBackup(backup.content, "wrong passphrase"))).code).toBe("UNAUTHORIZED");
    expect((await rejection(fresh.wallet.importBackup("{}", "backup passphrase"))).message).toMatch(/not a wallet backup/);
    expect(fresh.wallet.status().state).toBe("none");
    const restored = await fresh.wallet.importBackup(backup.content, "backup passphrase", "new local passphrase");
    expect(restored).toMatchObject({ state: "unlocked", address: ABANDON_AKASH });
    expect(fresh.wallet.getExtra("provider-tls-key:1")).toBe("KEY");
    fresh.wallet.lock();
    expect(await fresh.wallet.unlock("new local passphrase")).toMatchObject({ state: "unlocked" });
  });
});
