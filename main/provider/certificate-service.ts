import { MsgCreateCertificate, MsgRevokeCertificate } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { ContractFailure } from "../../common/envelope";
import type { ChainTx } from "../../common/chain-schemas";
import { queryCertificates, type OnChainCertificate } from "../chain/queries";
import type { RpcPool } from "../chain/rpc-pool";
import { encodeMsg, type TxQueue } from "../chain/tx-queue";
import type { HostUri } from "./host-uri";
import { createCertificateMessage, generateProviderCertificate } from "./provider-certificate";

// The provider TLS certificate's life: generate, keep the private key sealed in the wallet's
// keystore, publish with MsgCreateCertificate, rotate (publish new, then revoke old), revoke.

/** The slice of the wallet this needs: the key goes in the keystore, next to the mnemonic. */
export interface CertKeyStore {
  address(): string;
  getExtra(name: string): string | undefined;
  setExtra(name: string, value: string | null): Promise<void>;
}

const KEY_PREFIX = "provider-tls-key:";
const CURRENT = "provider-tls-current";

export interface CertificateServiceDeps {
  pool: () => RpcPool;
  queue: () => TxQueue;
  wallet: () => CertKeyStore;
  now: () => Date;
}

export interface CertificateStatus {
  current: { serial: string; onChain: OnChainCertificate["state"] | "missing"; hasKey: boolean } | null;
  onChain: OnChainCertificate[];
}

export class CertificateService {
  constructor(private readonly d: CertificateServiceDeps) {}

  async status(): Promise<CertificateStatus> {
    const wallet = this.d.wallet();
    const onChain = await queryCertificates(this.d.pool(), wallet.address());
    const serial = wallet.getExtra(CURRENT);
    if (!serial) return { current: null, onChain };
    const found = onChain.find((c) => c.serial === serial);
    return { current: { serial, onChain: found?.state ?? "missing", hasKey: wallet.getExtra(KEY_PREFIX + serial) !== undefined }, onChain };
  }

  /** The current certificate and key, for the gateway's TLS (only when it is valid on chain). */
  async serving(): Promise<{ certPem: string; keyPem: string; serial: string } | null> {
    const wallet = this.d.wallet();
    const serial = wallet.getExtra(CURRENT);
    const key = serial ? wallet.getExtra(KEY_PREFIX + serial) : undefined;
    if (!serial || !key) return null;
    const cert = (await queryCertificates(this.d.pool(), wallet.address())).find((c) => c.serial === serial && c.state === "valid");
    return cert ? { certPem: cert.certPem, keyPem: key, serial } : null;
  }

  /** Generates and publishes a new certificate; the old one (if any) is revoked after the new one is on chain. */
  async publish(host: Pick<HostUri, "host" | "isIp">): Promise<{ serial: string; tx: ChainTx; revoked: ChainTx | null }> {
    const wallet = this.d.wallet();
    const owner = wallet.address();
    const previous = wallet.getExtra(CURRENT);
    const cert = await generateProviderCertificate({ owner, host, now: this.d.now() });
    // Key sealed first: a published certificate without its key would be useless.
    await wallet.setExtra(KEY_PREFIX + cert.serial, cert.privateKeyPem);
    let tx: ChainTx;
    try {
      tx = await this.d.queue().submit({ kind: "cert.publish", messages: [encodeMsg(MsgCreateCertificate, createCertificateMessage(owner, cert))] });
    } catch (error) {
      // Not on chain: drop the key again so nothing half-made stays behind (unless the outcome is unknown).
      if (!(error instanceof ContractFailure && error.code === "UNAVAILABLE")) await wallet.setExtra(KEY_PREFIX + cert.serial, null);
      throw error;
    }
    await wallet.setExtra(CURRENT, cert.serial);
    let revoked: ChainTx | null = null;
    if (previous && previous !== cert.serial) {
      revoked = await this.revoke(previous).catch(() => null);
    }
    return { serial: cert.serial, tx, revoked };
  }

  async revoke(serial: string): Promise<ChainTx> {
    if (!/^\d{1,40}$/u.test(serial)) throw new ContractFailure("INVALID_INPUT", "A certificate serial is a decimal number.");
    const wallet = this.d.wallet();
    const owner = wallet.address();
    const tx = await this.d.queue().submit({ kind: "cert.revoke", messages: [encodeMsg(MsgRevokeCertificate, { id: { owner, serial } })] });
    await wallet.setExtra(KEY_PREFIX + serial, null);
    if (wallet.getExtra(CURRENT) === serial) await wallet.setExtra(CURRENT, null);
    return tx;
  }
}
