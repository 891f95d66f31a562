import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { Secp256k1, sha256 } from "@cosmjs/crypto";
import { JwtTokenManager } from "@akashnetwork/chain-sdk";
import { X509Certificate, webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authorize } from "../../../main/gateway/auth/authorize";
import { addressOf, verifyJwt } from "../../../main/gateway/auth/jwt";
import { verifyClientCertificate } from "../../../main/gateway/auth/mtls";
import { GatewayHttpError } from "../../../main/gateway/http-error";
import { matchRoute } from "../../../main/gateway/routes";
import { FakeChain, tokenManager } from "./fakes";

const PROVIDER = "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf";
const crypto = webcrypto as unknown as Crypto;

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (error) {
    if (error instanceof GatewayHttpError) return error.status;
    throw error;
  }
}

describe("mTLS certificate checks", () => {
  async function cert(owner: string, eku: string[]) {
    const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const c = await x509.X509CertificateGenerator.createSelfSigned(
      { serialNumber: "0a1b", name: `CN=${owner}`, notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 86_400_000), keys, signingAlgorithm: { name: "ECDSA", hash: "SHA-256" }, extensions: [new x509.ExtendedKeyUsageExtension(eku)] },
      crypto,
    );
    return c.toString("pem");
  }

  it("requires the clientAuth EKU and an akash address as CN", async () => {
    const wallet = await Secp256k1HdWallet.generate(12, { prefix: "akash" });
    const [a] = await wallet.getAccounts();
    const chain = new FakeChain();
    const serverOnly = await cert(a!.address, [x509.ExtendedKeyUsage.serverAuth]);
    chain.certs.set(`${a!.address}/${0x0a1b}`, { state: "valid", certPem: serverOnly });
    await expect(verifyClientCertificate(new X509Certificate(serverOnly), Date.now(), chain)).rejects.toThrow(/clientAuth/);
    const good = await cert(a!.address, [x509.ExtendedKeyUsage.clientAuth]);
    await expect(verifyClientCertificate(new X509Certificate(good), Date.now(), chain)).rejects.toThrow(/differs/);
    chain.certs.set(`${a!.address}/${0x0a1b}`, { state: "valid", certPem: good });
    await expect(verifyClientCertificate(new X509Certificate(good), Date.now(), chain)).resolves.toMatchObject({ owner: a!.address, via: "mtls" });
    const notAddress = await cert("mallory", [x509.ExtendedKeyUsage.clientAuth]);
    await expect(verifyClientCertificate(new X509Certificate(notAddress), Date.now(), chain)).rejects.toThrow(/CN/);
  });
});

describe("JWT verification", () => {
  it("accepts plain ES256K tokens from a raw signer and checks the key belongs to iss", async () => {
    const wallet = await Secp256k1HdWallet.generate(12, { prefix: "akash" });
    const [a] = await wallet.getAccounts();
    const priv = (await (wallet as unknown as { getAccountsWithPrivkeys(): Promise<{ privkey: Uint8Array }[]> }).getAccountsWithPrivkeys())[0]!.privkey;
    const manager = new JwtTokenManager({
      algorithm: "ES256K",
      signArbitrary: async (_signer, data) => {
        const sig = await Secp256k1.createSignature(sha256(typeof data === "string" ? Buffer.from(data) : data), priv);
        return { pub_key: { type: "tendermint/PubKeySecp256k1", value: "" }, signature: Buffer.from(sig.toFixedLength().slice(0, 64)).toString("base64") };
      },
    });
    const now = Math.floor(Date.now() / 1000);
    const token = await manager.generateToken({ version: "v1", iss: a!.address, iat: now, nbf: now, exp: now + 60 });
    const chain = new FakeChain();
    expect(await status(verifyJwt(token, Date.now(), chain, PROVIDER))).toBe(401);
    chain.pubkeys.set(a!.address, a!.pubkey);
    await expect(verifyJwt(token, Date.now(), chain, PROVIDER)).resolves.toMatchObject({ owner: a!.address, grants: null });
    expect(addressOf(a!.pubkey)).toBe(a!.address);
    const other = await Secp256k1HdWallet.generate(12, { prefix: "akash" });
    chain.pubkeys.set(a!.address, (await other.getAccounts())[0]!.pubkey);
    expect(await status(verifyJwt(token, Date.now(), chain, PROVIDER))).toBe(401);
  });

  it("turns granular permissions into grants that authorize by dseq, gseq and scope", async () => {
    const wallet = await Secp256k1HdWallet.generate(12, { prefix: "akash" });
    const [a] = await wallet.getAccounts();
    const chain = new FakeChain();
    chain.pubkeys.set(a!.address, a!.pubkey);
    const now = Math.floor(Date.now() / 1000);
    const leases = { access: "granular", permissions: [{ provider: PROVIDER, access: "granular", deployments: [{ dseq: 7, gseq: 1, scope: ["logs", "status"], services: ["web"] }] }] };
    const token = await tokenManager(wallet).generateToken({ version: "v1", iss: a!.address, iat: now, nbf: now, exp: now + 60, leases: leases as never });
    const identity = await verifyJwt(token, Date.now(), chain, PROVIDER);
    expect(() => authorize(identity, "logs", { dseq: "7", gseq: 1, oseq: 1 })).not.toThrow();
    expect(() => authorize(identity, "status", { dseq: "7", gseq: 1, oseq: 1, service: "web" })).not.toThrow();
    expect(() => authorize(identity, "status", { dseq: "7", gseq: 1, oseq: 1, service: "db" })).toThrow(GatewayHttpError);
    expect(() => authorize(identity, "logs", { dseq: "7", gseq: 2, oseq: 1 })).toThrow(GatewayHttpError);
    expect(() => authorize(identity, "shell", { dseq: "7", gseq: 1, oseq: 1 })).toThrow(/shell/);
    expect(() => authorize(identity, "logs", { dseq: "8" })).toThrow(GatewayHttpError);
  });

  it("fuzz: garbage tokens are refused with 401, never a crash", async () => {
    const chain = new FakeChain();
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = "abcXYZ019-_.=+/{}\"";
    const header = Buffer.from(JSON.stringify({ alg: "ES256KADR36", typ: "JWT" })).toString("base64url");
    for (let i = 0; i < 300; i++) {
      const junk = Array.from({ length: Math.floor(rand() * 80) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      const token = i % 2 ? junk : `${header}.${Buffer.from(junk).toString("base64url")}.${junk}`;
      expect(await status(verifyJwt(token, Date.now(), chain, PROVIDER))).toBe(401);
    }
  });
});

describe("route matching", () => {
  it("parses provider-services paths and refuses out-of-range sequences", () => {
    expect(matchRoute("GET", "/lease/12/1/2/logs")).toEqual({ kind: "lease", action: "logs", dseq: "12", gseq: 1, oseq: 2 });
    expect(matchRoute("GET", "/lease/12/1/2/service/web/status")).toMatchObject({ kind: "service-status", service: "web" });
    expect(matchRoute("PUT", "/deployment/99/manifest")).toEqual({ kind: "manifest-put", dseq: "99" });
    expect(matchRoute("GET", "/lease/012/1/2/logs")).toBeNull();
    expect(matchRoute("GET", "/lease/1/1/2/service/Web/status")).toBeNull();
    expect(() => matchRoute("GET", "/deployment/99/manifest")).toThrow(GatewayHttpError);
    expect(() => matchRoute("GET", "/deployment/99999999999999999999/manifest")).toThrow(GatewayHttpError);
  });
});
