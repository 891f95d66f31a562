// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { randomInt, webcrypto } from "node:crypto";
import type { HostUri } from "./host-uri";

// The provider's TLS certificate, the one tenants verify against the chain (PROTOCOL.md §2.2):
// P-256, self-signed, CN = the provider's akash address, SAN = the host_uri host, EKU serverAuth +
// clientAuth, serial = a UnixNano-style integer (the chain's cert ID is its decimal form).

const crypto = webcrypto as unknown as Crypto;
const EC = { name: "ECDSA", namedCurve: "P-256" } as const;
/** provider-services puts this extra subject name in its certificates; kept for compatibility. */
const AUTH_VERSION_OID = "2.23.133.2.6";

export interface ProviderCertificate {
  /** Decimal X.509 serial: the certificate's ID on chain together with the owner. */
  serial: string;
  certPem: string;
  /** The PKIX public key with the PEM label the chain expects ("EC PUBLIC KEY"). */
  pubkeyPem: string;
  /** PKCS#8; kept sealed in the wallet's keystore, never written elsewhere. */
  privateKeyPem: string;
  notBefore: Date;
  notAfter: Date;
}

export interface CertificateOptions {
  owner: string;
  host: Pick<HostUri, "host" | "isIp">;
  now: Date;
  validDays?: number;
}

/** UnixNano of `now`, with random sub-millisecond digits so two certs in one millisecond differ. */
export function certificateSerial(now: Date): bigint {
  return BigInt(now.getTime()) * 1_000_000n + BigInt(randomInt(1_000_000));
}

export async function generateProviderCertificate(options: CertificateOptions): Promise<ProviderCertificate> {
  const keys = (await crypto.subtle.generateKey(EC, true, ["sign", "verify"])) as CryptoKeyPair;
  const serial = certificateSerial(options.now);
  const notBefore = new Date(Math.floor(options.now.getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime() + (options.validDays ?? 365) * 86_400_000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serialHex(serial),
      name: [{ CN: [options.owner] }, { [AUTH_VERSION_OID]: ["v0.0.1"] }],
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
        new x509.SubjectAlternativeNameExtension([{ type: options.host.isIp ? "ip" : "dns", value: options.host.host }]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const spki = await crypto.subtle.exportKey("spki", keys.publicKey);
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", keys.privateKey);
  return {
    serial: serial.toString(10),
    certPem: cert.toString("pem"),
    pubkeyPem: pem("EC PUBLIC KEY", spki),
    privateKeyPem: pem("PRIVATE KEY", pkcs8),
    notBefore,
    notAfter,
  };
}

/** MsgCreateCertificate's fields: the PEM texts as bytes (not DER). */
export function createCertificateMessage(owner: string, cert: Pick<ProviderCertificate, "certPem" | "pubkeyPem">): { owner: string; cert: Uint8Array; pubkey: Uint8Array } {
  const enc = new TextEncoder();
  return { owner, cert: enc.encode(cert.certPem), pubkey: enc.encode(cert.pubkeyPem) };
}

/** Positive DER INTEGER as even-length hex (a leading 00 when the top bit is set). */
function serialHex(serial: bigint): string {
  let hex = serial.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex[0]!, 16) >= 8) hex = `00${hex}`;
  return hex;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString("base64").replace(/.{1,64}/gu, "$&\n");
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}
