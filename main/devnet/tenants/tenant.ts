import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Bid_State, QueryBidsRequest, QueryBidsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { QueryDeploymentRequest, QueryDeploymentResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { Deployment_State } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { OfflineAminoSigner } from "@cosmjs/amino";
import type { QueryClient, SigningStargateClient } from "@cosmjs/stargate";
import { JwtTokenManager } from "@akashnetwork/chain-sdk";
import { drawDeployment } from "../demand/mix";
import { parseDec } from "../util/dec";
import type { Rng } from "../util/rng";
import { manifestFor } from "./manifest-for";
import type { TenantOptions } from "./options";
import { callProvider, ProviderUnreachable, resolveProvider } from "./provider-client";

type Phase =
  | { kind: "idle"; deployAt: number }
  | { kind: "bidding"; dseq: number; until: number; windows: number }
  | { kind: "leased"; dseq: number; endAt: number; rate: bigint; topUp: boolean; serving: Serving };

/** The manifest's way to the provider: pending → sent (then one status check) | skipped | failed. */
interface Serving {
  provider: string;
  gseq: number;
  oseq: number;
  manifest: string;
  state: "pending" | "sent" | "skipped" | "failed";
  sentAt: number;
  statusChecked: boolean;
}

export type TenantSettings = Required<TenantOptions>;

export interface TenantDeps {
  client: SigningStargateClient;
  query: QueryClient;
  address: string;
  rng: Rng;
  settings: TenantSettings;
  /** uact spendable now (from the chain). */
  log: (message: string) => void;
  /** The same key as an amino signer: chain-sdk's JwtTokenManager signs the gateway token with it. */
  amino?: OfflineAminoSigner;
}

/** Blocks between sending the manifest and asking the provider for the lease status. */
const STATUS_AFTER_BLOCKS = 2;

const MAX_BID_WINDOWS = 3;
const INCLUSION_TIMEOUT_MS = 60_000;
const POLL_MS = 100;

/**
 * One synthetic tenant: deploys a drawn GroupSpec, waits a bid window, leases the cheapest open
 * bid, runs for a drawn number of blocks (topping up or letting the escrow run dry), then closes.
 * It signs real transactions through the devnet's RPC, like any other client.
 */
export class Tenant {
  private phase: Phase;
  private busy = false;
  readonly stats = { deployments: 0, leases: 0, closes: 0, topUps: 0, failures: 0, manifestsSent: 0, manifestsSkipped: 0, manifestFailures: 0, statusChecks: 0 };

  constructor(
    private readonly deps: TenantDeps,
    startHeight: number,
  ) {
    this.phase = { kind: "idle", deployAt: startHeight + deps.rng.int(2, 10) };
  }

  /** Called for every new block; at most one action in flight per tenant. */
  async onBlock(height: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.step(height);
    } catch (error) {
      this.stats.failures++;
      this.deps.log(`tenant ${this.deps.address}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.busy = false;
    }
  }

  private async step(height: number): Promise<void> {
    const { rng, settings } = this.deps;
    switch (this.phase.kind) {
      case "idle": {
        if (height < this.phase.deployAt) return;
        if (!(await this.ensureAct())) return;
        const drawn = drawDeployment(rng, { kinds: settings.kinds, auditedShare: settings.auditedShare });
        const manifest = manifestFor(drawn.kind);
        const duration = Math.max(10, Math.round(rng.exponential(settings.meanLeaseBlocks)));
        const topUp = rng.next() < settings.topUpProbability;
        // Fund for the run when topping up later; otherwise for a drawn fraction of it (so it runs dry).
        const coverage = topUp ? 0.5 : 0.3 + rng.next() * 0.6;
        const deposit = maxBig(500_000n, (drawn.ratePerBlock * BigInt(Math.round(duration * coverage * 100))) / 100n);
        const dseq = height * 100 + rng.int(0, 99);
        await this.send([
          {
            typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment",
            value: { id: { owner: this.deps.address, dseq }, groups: drawn.groups, hash: manifest.hash, deposit: { amount: { denom: "uact", amount: deposit.toString() }, sources: [Source.balance] } },
          },
        ]);
        this.stats.deployments++;
        this.phase = { kind: "bidding", dseq, until: height + settings.bidWindowBlocks, windows: 1 };
        this.pendingRun = { duration, topUp, manifest: manifest.body };
        return;
      }
      case "bidding": {
        if (height < this.phase.until) return;
        const bids = await this.openBids(this.phase.dseq);
        const cheapest = bids.sort((a, b) => (a.price < b.price ? -1 : a.price > b.price ? 1 : 0))[0];
        if (!cheapest) {
          if (this.phase.windows >= MAX_BID_WINDOWS) {
            await this.closeDeployment(this.phase.dseq);
            this.phase = { kind: "idle", deployAt: this.nextDeploy(height) };
          } else {
            this.phase = { ...this.phase, until: height + settings.bidWindowBlocks, windows: this.phase.windows + 1 };
          }
          return;
        }
        await this.send([{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId: cheapest.id } }]);
        this.stats.leases++;
        const run = this.pendingRun ?? { duration: settings.meanLeaseBlocks, topUp: false, manifest: "" };
        const serving: Serving = { provider: cheapest.id?.provider ?? "", gseq: cheapest.id?.gseq ?? 1, oseq: cheapest.id?.oseq ?? 1, manifest: run.manifest, state: "pending", sentAt: 0, statusChecked: false };
        this.phase = { kind: "leased", dseq: this.phase.dseq, endAt: height + run.duration, rate: cheapest.price, topUp: run.topUp, serving };
        return;
      }
      case "leased": {
        const { dseq } = this.phase;
        if (!(await this.isActive(dseq))) {
          this.phase = { kind: "idle", deployAt: this.nextDeploy(height) };
          return;
        }
        if (height < this.phase.endAt && (await this.serve(dseq, this.phase.serving, height))) return;
        if (height >= this.phase.endAt) {
          await this.closeDeployment(dseq);
          this.phase = { kind: "idle", deployAt: this.nextDeploy(height) };
          return;
        }
        if (this.phase.topUp && height % 10 === 0) {
          const amount = maxBig(500_000n, (this.phase.rate * BigInt(this.deps.settings.bidWindowBlocks + 30)) / 10n ** 18n);
          if (!(await this.ensureAct(amount))) return;
          await this.send([
            {
              typeUrl: "/akash.escrow.v1.MsgAccountDeposit",
              value: { signer: this.deps.address, id: { scope: 1, xid: `${this.deps.address}/${dseq}` }, deposit: { amount: { denom: "uact", amount: amount.toString() }, sources: [Source.balance] } },
            },
          ]);
          this.stats.topUps++;
        }
        return;
      }
    }
  }

  private pendingRun?: { duration: number; topUp: boolean; manifest: string };

  /**
   * Sends the manifest to the provider's gateway (JWT, the provider's on-chain certificate), then
   * asks for the lease status once. Only providers on this machine are contacted. Returns whether
   * it did something this block (one action per block, like every other step).
   */
  private async serve(dseq: number, serving: Serving, height: number): Promise<boolean> {
    const amino = this.deps.amino;
    if (!amino || serving.state === "skipped" || serving.state === "failed" || serving.statusChecked) return false;
    if (serving.state === "sent" && height < serving.sentAt + STATUS_AFTER_BLOCKS) return false;
    let endpoint;
    try {
      endpoint = await resolveProvider(this.deps.query, serving.provider);
    } catch (error) {
      if (!(error instanceof ProviderUnreachable)) throw error;
      serving.state = "skipped";
      this.stats.manifestsSkipped++;
      return false;
    }
    const now = Math.floor(Date.now() / 1000);
    const token = await new JwtTokenManager(amino as never).generateToken({ version: "v1", iss: this.deps.address, iat: now, nbf: now, exp: now + 300 });
    const headers = { authorization: `Bearer ${token}` };
    if (serving.state === "pending") {
      const reply = await callProvider(serving.provider, endpoint, "PUT", `/deployment/${dseq}/manifest`, headers, serving.manifest).catch((error: unknown) => ({ status: 0, body: String(error) }));
      if (reply.status !== 200) {
        serving.state = "failed";
        this.stats.manifestFailures++;
        this.deps.log(`tenant ${this.deps.address}: manifest for ${dseq} refused by ${serving.provider} (${reply.status}): ${reply.body.trim().slice(0, 200)}`);
        return true;
      }
      serving.state = "sent";
      serving.sentAt = height;
      this.stats.manifestsSent++;
      return true;
    }
    const status = await callProvider(serving.provider, endpoint, "GET", `/lease/${dseq}/${serving.gseq}/${serving.oseq}/status`, headers).catch((error: unknown) => ({ status: 0, body: String(error) }));
    serving.statusChecked = true;
    if (status.status === 200) this.stats.statusChecks++;
    else this.deps.log(`tenant ${this.deps.address}: lease status for ${dseq} from ${serving.provider} failed (${status.status}): ${status.body.trim().slice(0, 200)}`);
    return true;
  }

  private nextDeploy(height: number): number {
    return height + 1 + Math.round(this.deps.rng.exponential(this.deps.settings.meanBlocksBetweenDeployments));
  }

  /**
   * Tenants pay in ACT, so they mint it from AKT (BME) when they run low. Returns whether enough
   * ACT is there now; a mint settles at the next BME epoch, so the tenant simply tries again later.
   */
  private async ensureAct(needed = 50_000_000n): Promise<boolean> {
    const act = BigInt((await this.deps.client.getBalance(this.deps.address, "uact")).amount);
    if (act >= needed) {
      this.mintPending = false;
      return true;
    }
    if (this.mintPending) return act >= 500_000n && act >= needed / 10n;
    const akt = BigInt((await this.deps.client.getBalance(this.deps.address, "uakt")).amount);
    const burn = akt / 4n;
    if (burn < 10_000_000n) throw new Error("out of AKT to mint ACT");
    await this.send([{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: this.deps.address, to: this.deps.address, coinsToBurn: { denom: "uakt", amount: burn.toString() } } }]);
    this.mintPending = true;
    return false;
  }

  private mintPending = false;

  private async openBids(dseq: number): Promise<Array<{ id: NonNullable<QueryBidsResponse["bids"][number]["bid"]>["id"]; price: bigint }>> {
    const request = QueryBidsRequest.encode(QueryBidsRequest.fromPartial({ filters: { owner: this.deps.address, dseq, state: "open" } })).finish();
    const response = QueryBidsResponse.decode((await this.deps.query.queryAbci("/akash.market.v1beta5.Query/Bids", request)).value);
    return response.bids
      .map((b) => b.bid)
      .filter((b) => b?.state === Bid_State.open && b.id && b.price)
      .map((b) => ({ id: b?.id, price: parseDec(b?.price?.amount ?? "0") }));
  }

  private async isActive(dseq: number): Promise<boolean> {
    const request = QueryDeploymentRequest.encode(QueryDeploymentRequest.fromPartial({ id: { owner: this.deps.address, dseq } })).finish();
    const response = QueryDeploymentResponse.decode((await this.deps.query.queryAbci("/akash.deployment.v1beta4.Query/Deployment", request)).value);
    return response.deployment?.state === Deployment_State.active;
  }

  private async closeDeployment(dseq: number): Promise<void> {
    if (!(await this.isActive(dseq))) return;
    await this.send([{ typeUrl: "/akash.deployment.v1beta4.MsgCloseDeployment", value: { id: { owner: this.deps.address, dseq } } }]);
    this.stats.closes++;
  }

  /** Stops waiting for inclusions (the devnet is shutting down). */
  stop(): void {
    this.stopped = true;
  }

  private stopped = false;

  private async send(msgs: EncodeObject[]): Promise<void> {
    const hash = await this.deps.client.signAndBroadcastSync(this.deps.address, msgs, "auto");
    const deadline = Date.now() + INCLUSION_TIMEOUT_MS;
    while (!this.stopped && Date.now() < deadline) {
      const tx = await this.deps.client.getTx(hash);
      if (tx) {
        if (tx.code !== 0) throw new Error(`${msgs[0]?.typeUrl} failed (${tx.code}): ${tx.rawLog}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`${msgs[0]?.typeUrl} ${hash} was not included${this.stopped ? " (stopping)" : " in time"}`);
  }
}

function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
