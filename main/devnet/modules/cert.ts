import {
  Certificate,
  Cert_State,
  MsgCreateCertificate,
  MsgCreateCertificateResponse,
  MsgRevokeCertificate,
  MsgRevokeCertificateResponse,
  QueryCertificatesRequest,
  QueryCertificatesResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { createPublicKey, X509Certificate } from "node:crypto";
import { paginate } from "../chain/pagination";
import type { MsgHandler, QueryRoutes } from "../chain/types";
import type { Store, Table } from "../state/store";
import { checkAddress } from "../util/address";
import { certErr } from "./module-errors";

interface CertRecord {
  owner: string;
  serial: string;
  state: "valid" | "revoked";
  cert: string; // base64 PEM
  pubkey: string; // base64 PEM
}

const utf8 = new TextDecoder();

function pemBlocks(text: string, label: string): number {
  return text.split(`-----BEGIN ${label}-----`).length - 1;
}

/**
 * ParseAndValidateCertificate (PROTOCOL.md §2.2): exactly one CERTIFICATE and one EC PUBLIC KEY PEM
 * block, the key is P-256, the cert is self-signed with that key, and its CN is the owner.
 * Returns the decimal serial.
 */
export function validateCertificate(owner: string, certBytes: Uint8Array, pubkeyBytes: Uint8Array): string {
  const certPem = utf8.decode(certBytes);
  const keyPem = utf8.decode(pubkeyBytes);
  if (pemBlocks(certPem, "CERTIFICATE") !== 1) throw certErr.invalidValue("expected exactly one CERTIFICATE PEM block");
  if (pemBlocks(keyPem, "EC PUBLIC KEY") !== 1) throw certErr.invalidPubkey("expected exactly one EC PUBLIC KEY PEM block");
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certPem);
  } catch (error) {
    throw certErr.invalidValue(`cannot parse certificate: ${error instanceof Error ? error.message : String(error)}`);
  }
  let key;
  try {
    key = createPublicKey(keyPem.replace(/EC PUBLIC KEY/g, "PUBLIC KEY"));
  } catch (error) {
    throw certErr.invalidPubkey(`cannot parse public key: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") throw certErr.invalidPubkey("public key must be ECDSA P-256");
  if (!x509.verify(key)) throw certErr.invalidValue("certificate is not self-signed by the given public key");
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(x509.subject)?.[1];
  if (cn !== owner) throw certErr.invalidValue(`certificate CN "${cn ?? ""}" does not match owner ${owner}`);
  return BigInt(`0x${x509.serialNumber}`).toString(10);
}

/** x/cert (v1): certificates keyed by owner/serial. */
export class CertModule {
  readonly certs: Table<CertRecord>;

  constructor(store: Store) {
    this.certs = store.table<CertRecord>("cert.certs");
  }

  handlers(): MsgHandler[] {
    const create: MsgHandler<MsgCreateCertificate> = {
      typeUrl: `/${MsgCreateCertificate.$type}`,
      decode: (b) => MsgCreateCertificate.decode(b),
      signers: (m) => [m.owner],
      gas: 50_000,
      module: "cert",
      handle: (msg) => {
        checkAddress(msg.owner, "owner");
        const serial = validateCertificate(msg.owner, msg.cert, msg.pubkey);
        const key = `${msg.owner}/${serial}`;
        if (this.certs.has(key)) throw certErr.exists(`certificate ${serial}`);
        this.certs.put(key, { owner: msg.owner, serial, state: "valid", cert: Buffer.from(msg.cert).toString("base64"), pubkey: Buffer.from(msg.pubkey).toString("base64") });
        return { typeUrl: `/${MsgCreateCertificateResponse.$type}`, value: MsgCreateCertificateResponse.encode({}).finish() };
      },
    };
    const revoke: MsgHandler<MsgRevokeCertificate> = {
      typeUrl: `/${MsgRevokeCertificate.$type}`,
      decode: (b) => MsgRevokeCertificate.decode(b),
      signers: (m) => [m.id?.owner ?? ""],
      gas: 20_000,
      module: "cert",
      handle: (msg) => {
        const owner = checkAddress(msg.id?.owner ?? "", "owner");
        const key = `${owner}/${msg.id?.serial ?? ""}`;
        const record = this.certs.get(key);
        if (!record) throw certErr.notFound(`serial ${msg.id?.serial ?? ""}`);
        if (record.state === "revoked") throw certErr.alreadyRevoked(`serial ${record.serial}`);
        this.certs.put(key, { ...record, state: "revoked" });
        return { typeUrl: `/${MsgRevokeCertificateResponse.$type}`, value: MsgRevokeCertificateResponse.encode({}).finish() };
      },
    };
    return [create, revoke] as MsgHandler[];
  }

  routes(): QueryRoutes {
    return {
      "/akash.cert.v1.Query/Certificates": (data) => {
        const request = QueryCertificatesRequest.decode(data);
        const filter = request.filter;
        const list = [...this.certs.values()].filter(
          (c) => (!filter?.owner || c.owner === filter.owner) && (!filter?.serial || c.serial === filter.serial) && (!filter?.state || c.state === filter.state),
        );
        const page = paginate(list, request.pagination);
        return QueryCertificatesResponse.encode(
          QueryCertificatesResponse.fromPartial({
            certificates: page.items.map((c) => ({
              serial: c.serial,
              certificate: Certificate.fromPartial({
                state: c.state === "valid" ? Cert_State.valid : Cert_State.revoked,
                cert: Buffer.from(c.cert, "base64"),
                pubkey: Buffer.from(c.pubkey, "base64"),
              }),
            })),
            pagination: page.pagination,
          }),
        ).finish();
      },
    };
  }
}
