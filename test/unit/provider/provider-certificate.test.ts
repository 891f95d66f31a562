import { X509Certificate, createPublicKey } from "node:crypto";
import { createServer } from "node:https";
import { connect } from "node:tls";
import type { AddressInfo } from "node:net";
import { MsgCreateCertificate } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { describe, expect, it } from "vitest";
import { certificateSerial, createCertificateMessage, generateProviderCertificate } from "../../../main/provider/provider-certificate";

const OWNER = "akash19rl4cm2hmr8afy4kldpxz3fka4jguq0a3mq6x0";
const NOW = new Date("2026-11-21T22:00:00.123Z");

describe("provider TLS certificate", () => {
  it("is P-256, self-signed, CN = address, SAN = host, EKU serverAuth + clientAuth, decimal serial", async () => {
    const cert = await generateProviderCertificate({ owner: OWNER, host: { host: "provider.example.com", isIp: false }, now: NOW });
    const x = new X509Certificate(cert.certPem);
    expect(x.subject).toContain(`CN=${OWNER}`);
    expect(x.issuer).toBe(x.subject);
    expect(x.subjectAltName).toBe("DNS:provider.example.com");
    expect(x.keyUsage).toEqual(expect.arrayContaining(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]));
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: "prime256v1" });
    expect(x.checkHost("provider.example.com")).toBe("provider.example.com");
    expect(x.ca).toBe(false);
    expect(BigInt(`0x${x.serialNumber}`).toString(10)).toBe(cert.serial);
    expect(BigInt(cert.serial) / 1_000_000n).toBe(BigInt(NOW.getTime()));
    expect(new Date(x.validFrom).getTime()).toBe(Math.floor(NOW.getTime() / 1000) * 1000);
    expect(new Date(x.validTo).getTime() - new Date(x.validFrom).getTime()).toBe(365 * 86_400_000);

    // The "EC PUBLIC KEY" PEM is the same key, relabelled as the chain expects.
    expect(cert.pubkeyPem.startsWith("-----BEGIN EC PUBLIC KEY-----\n")).toBe(true);
    const spki = cert.pubkeyPem.replace(/EC PUBLIC KEY/gu, "PUBLIC KEY");
    expect(createPublicKey(spki).export({ format: "der", type: "spki" })).toEqual(x.publicKey.export({ format: "der", type: "spki" }));
  });

  it("uses an IP SAN for an IP host and distinct serials within one millisecond", async () => {
    const cert = await generateProviderCertificate({ owner: OWNER, host: { host: "203.0.113.7", isIp: true }, now: NOW });
    expect(new X509Certificate(cert.certPem).subjectAltName).toBe("IP Address:203.0.113.7");
    const serials = new Set(Array.from({ length: 50 }, () => certificateSerial(NOW)));
    expect(serials.size).toBeGreaterThan(45);
  });

  it("serves TLS that a client trusting only the on-chain certificate accepts for the host name", async () => {
    const cert = await generateProviderCertificate({ owner: OWNER, host: { host: "localhost", isIp: false }, now: new Date() });
    const server = createServer({ cert: cert.certPem, key: cert.privateKeyPem, minVersion: "TLSv1.3" }, (_req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    try {
      const port = (server.address() as AddressInfo).port;
      const peer = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: "127.0.0.1", port, servername: "localhost", ca: cert.certPem }, () => {
          resolve(socket.getPeerX509Certificate()?.subject ?? "");
          socket.end();
        });
        socket.on("error", reject);
      });
      expect(peer).toContain(OWNER);
      const wrongName = await new Promise<string>((resolve) => {
        const socket = connect({ host: "127.0.0.1", port, servername: "other.example.com", ca: cert.certPem }, () => resolve("connected"));
        socket.on("error", (e) => resolve((e as NodeJS.ErrnoException).code ?? e.message));
      });
      expect(wrongName).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("encodes MsgCreateCertificate with the PEM texts as bytes", async () => {
    const cert = await generateProviderCertificate({ owner: OWNER, host: { host: "provider.example.com", isIp: false }, now: NOW });
    const msg = MsgCreateCertificate.fromPartial(createCertificateMessage(OWNER, cert));
    const decoded = MsgCreateCertificate.decode(MsgCreateCertificate.encode(msg).finish());
    expect(`/${MsgCreateCertificate.$type}`).toBe("/akash.cert.v1.MsgCreateCertificate");
    expect(decoded.owner).toBe(OWNER);
    expect(new TextDecoder().decode(decoded.cert)).toBe(cert.certPem);
    expect(new TextDecoder().decode(decoded.pubkey)).toBe(cert.pubkeyPem);
  });
});
