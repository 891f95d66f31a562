import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKeystore, readKeystore, serializeKeystore, writeFileAtomic, type KeystoreFile } from "../../../main/wallet/keystore-file";
import { rng } from "./fakes";

const sample: KeystoreFile = {
  format: "akash-provider-desktop/keystore",
  version: 1,
  address: "akash19rl4cm2hmr8afy4kldpxz3fka4jguq0a3mq6x0",
  createdAt: "2026-11-21T20:00:00.000Z",
  sealed: { protection: { kind: "os-keychain" }, ciphertext: "AAAA" },
};

describe("keystore file", () => {
  it("writes atomically with owner-only permissions and reads back", () => {
    const dir = mkdtempSync(join(tmpdir(), "apd-ks-"));
    const file = join(dir, "nested", "local.keystore.json");
    writeFileAtomic(file, serializeKeystore(sample));
    writeFileAtomic(file, serializeKeystore({ ...sample, createdAt: "2026-11-21T21:00:00.000Z" }));
    expect(readKeystore(file)).toEqual({ kind: "ok", file: { ...sample, createdAt: "2026-11-21T21:00:00.000Z" } });
    if (process.platform !== "win32") expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, "nested"))).toEqual(["local.keystore.json"]); // no temp files left
    expect(readKeystore(join(dir, "absent.json"))).toEqual({ kind: "missing" });
  });

  it("reports damage with a reason instead of throwing", () => {
    expect(parseKeystore("{not json")).toEqual({ kind: "damaged", reason: "it is not valid JSON" });
    expect(parseKeystore(JSON.stringify({ ...sample, version: 9 }))).toMatchObject({ reason: /newer version/ });
    expect(parseKeystore(JSON.stringify({ ...sample, address: "cosmos1xyz" }))).toMatchObject({ kind: "damaged", reason: /address/ });
    const hostile = { ...sample, sealed: { protection: { kind: "passphrase", kdf: { name: "scrypt", n: 2 ** 30, r: 8, p: 1, salt: "AAAAAAAAAAAAAAAAAAAAAA==" }, cipher: { name: "aes-256-gcm", iv: "AAAAAAAAAAAAAAAAAAAAAA==", tag: "AAAAAAAAAAAAAAAAAAAAAA==" } }, ciphertext: "AAAA" } };
    expect(parseKeystore(JSON.stringify(hostile))).toMatchObject({ kind: "damaged", reason: /sealed.protection.kdf.n/ });
  });

  it("fuzz: truncated, bit-flipped and random files are ok or damaged, never a crash", () => {
    const next = rng(99);
    const good = serializeKeystore(sample);
    const dir = mkdtempSync(join(tmpdir(), "apd-ks-fuzz-"));
    for (let i = 0; i < 300; i++) {
      let text: string;
      if (i % 3 === 0) text = good.slice(0, Math.floor(next() * good.length));
      else if (i % 3 === 1) {
        const chars = [...good];
        chars[Math.floor(next() * chars.length)] = String.fromCharCode(Math.floor(next() * 128));
        text = chars.join("");
      } else text = Array.from({ length: Math.floor(next() * 200) }, () => String.fromCharCode(Math.floor(next() * 256))).join("");
      const file = join(dir, `k${i}.json`);
      writeFileSync(file, text);
      const result = readKeystore(file);
      expect(["ok", "damaged"]).toContain(result.kind);
      expect(readFileSync(file, "utf8")).toBe(text); // reading never rewrites
    }
  });
});
