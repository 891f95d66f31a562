import { Cert_State, Deployment_State, Lease_State, QueryCertificatesRequest, QueryCertificatesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { QueryDeploymentRequest, QueryDeploymentResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { QueryLeasesRequest, QueryLeasesResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { BaseAccount, QueryAccountRequest, QueryAccountResponse } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { fromBase64 } from "@cosmjs/encoding";
import { decodePubkey } from "@cosmjs/proto-signing";
import type { LeaseId } from "../../common/gateway-schemas";
import { abciQuery, ChainQueryError } from "../chain/abci-query";
import type { RpcPool } from "../chain/rpc-pool";
import type { ChainCertificate, ChainDeployment, GatewayChainPort, HeldLeaseInfo } from "../gateway/ports";
import { bidGroupSpecFromChain } from "./group-spec";

// The gateway's view of the chain, answered by abci queries through the app's RPC pool: a tenant's
// certificate by (owner, serial), its account key (JWT), the deployment's hash and groups, and this
// provider's active leases. Every answer is what the chain says now; nothing is cached, so a
// revoked certificate or a closed lease is refused on the very next request.

/** A lease of ours as the chain reports it, with what it pays. */
export interface ChainLease {
  id: LeaseId;
  bseq: number;
  state: "active" | "insufficient_funds" | "closed" | "invalid";
  /** LeaseClosedReason (e.g. 10003 manifest_timeout); 0 while open. */
  reason: number;
  /** uact (or uakt) per block, LegacyDec string. */
  price: { denom: string; amount: string };
  createdAt: number;
  /** Accrued by the escrow payment and not yet withdrawn (LegacyDec string), as last settled. */
  accrued: string;
}

const PAGE = { key: new Uint8Array(), limit: 200n, offset: 0n, countTotal: false, reverse: false };

function notFound<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof ChainQueryError && error.notFound) return fallback;
    throw error;
  };
}

export class ChainGatewayPort implements GatewayChainPort {
  constructor(
    private readonly pool: () => RpcPool,
    private readonly provider: () => string,
  ) {}

  async certificate(owner: string, serial: string): Promise<ChainCertificate | null> {
    const response = await abciQuery(
      this.pool(),
      "/akash.cert.v1.Query/Certificates",
      QueryCertificatesRequest,
      { filter: { owner, serial, state: "" }, pagination: PAGE } as never,
      QueryCertificatesResponse,
    ).catch(notFound(null));
    const found = response?.certificates.find((c) => c.serial === serial);
    const cert = found?.certificate;
    if (!cert) return null;
    // "invalid" is neither published-and-valid nor revoked: treat it as revoked (refused).
    return { state: cert.state === Cert_State.valid ? "valid" : "revoked", certPem: new TextDecoder().decode(cert.cert) };
  }

  async accountPubkey(address: string): Promise<Uint8Array | null> {
    const response = await abciQuery(this.pool(), "/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest, { address }, QueryAccountResponse).catch(notFound(null));
    if (response?.account?.typeUrl !== "/cosmos.auth.v1beta1.BaseAccount") return null;
    const base = BaseAccount.decode(response.account.value);
    if (!base.pubKey) return null; // an account that never signed has no key on chain yet
    const decoded = decodePubkey(base.pubKey);
    if (decoded.type !== "tendermint/PubKeySecp256k1" || typeof decoded.value !== "string") return null;
    return fromBase64(decoded.value);
  }

  async deployment(owner: string, dseq: string): Promise<ChainDeployment | null> {
    const response = await this.queryDeployment(owner, dseq);
    const deployment = response?.deployment;
    if (!deployment) return null;
    return { state: deployment.state === Deployment_State.active ? "active" : "closed", hash: deployment.hash };
  }

  async activeLeases(owner: string, dseq: string): Promise<HeldLeaseInfo[]> {
    const leases = await this.leases({ owner, dseq, provider: this.provider() });
    if (leases.length === 0) return [];
    const response = await this.queryDeployment(owner, dseq);
    const groups = new Map((response?.groups ?? []).map((g) => [g.id?.gseq ?? -1, g.groupSpec]));
    const out: HeldLeaseInfo[] = [];
    for (const lease of leases) {
      const spec = groups.get(lease.id.gseq);
      if (spec) out.push({ id: lease.id, groupSpec: bidGroupSpecFromChain(spec) });
    }
    return out;
  }

  /** Every active lease this provider holds (reconcile, gaming impact). */
  providerLeases(): Promise<ChainLease[]> {
    return this.leases({ provider: this.provider() });
  }

  /** One lease of ours in any state (null when the chain has none). */
  async lease(id: LeaseId): Promise<ChainLease | null> {
    const found = await this.leases({ owner: id.owner, dseq: id.dseq, gseq: id.gseq, oseq: id.oseq, provider: id.provider }, false);
    return found[0] ?? null;
  }

  private async queryDeployment(owner: string, dseq: string): Promise<QueryDeploymentResponse | null> {
    return abciQuery(this.pool(), "/akash.deployment.v1beta4.Query/Deployment", QueryDeploymentRequest, { id: { owner, dseq } } as never, QueryDeploymentResponse).catch(notFound(null));
  }

  private async leases(filters: Record<string, unknown>, activeOnly = true): Promise<ChainLease[]> {
    const out: ChainLease[] = [];
    let key: Uint8Array = new Uint8Array();
    for (let page = 0; page < 50; page++) {
      const response = await abciQuery(
        this.pool(),
        "/akash.market.v1beta5.Query/Leases",
        QueryLeasesRequest,
        { filters: { state: activeOnly ? "active" : "", ...filters }, pagination: { ...PAGE, key } } as never,
        QueryLeasesResponse,
      );
      for (const { lease, escrowPayment } of response.leases) {
        if (!lease?.id || (activeOnly && lease.state !== Lease_State.active)) continue;
        const { owner, dseq, gseq, oseq, provider, bseq } = lease.id;
        out.push({
          id: { owner, dseq: dseq.toString(), gseq, oseq, provider },
          bseq,
          state: lease.state === Lease_State.active ? "active" : lease.state === Lease_State.insufficient_funds ? "insufficient_funds" : lease.state === Lease_State.closed ? "closed" : "invalid",
          reason: lease.reason,
          price: { denom: lease.price?.denom ?? "uact", amount: lease.price?.amount ?? "0" },
          createdAt: Number(lease.createdAt.toString()),
          accrued: escrowPayment?.state?.balance?.amount ?? "0",
        });
      }
      key = response.pagination?.nextKey ?? new Uint8Array();
      if (key.length === 0) break;
    }
    return out;
  }
}
