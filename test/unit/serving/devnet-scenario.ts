import { CertificateManager } from "@akashnetwork/chain-sdk";
import { Source } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { Secp256k1Wallet } from "@cosmjs/amino";
import { sha256 } from "@cosmjs/crypto";
import { readFileSync } from "node:fs";
import { X509Certificate } from "node:crypto";
import { BlockStream, websocketUrl } from "../../../main/chain/block-stream";
import { RpcPool } from "../../../main/chain/rpc-pool";
import { TxQueue, type TxSigner } from "../../../main/chain/tx-queue";
import { TxRepo } from "../../../main/chain/tx-repo";
import { DEFAULT_BUILDER_SETTINGS, buildLeaseObjects } from "../../../main/cluster/builder";
import { connectKube } from "../../../main/cluster/deploy";
import type { Devnet, DevnetOptions } from "../../../main/devnet";
import { groupSpecFromJson } from "../../../main/devnet/json/group-spec";
import { manifestHash, MemoryManifestStore, type GatewayLimits, type TimerPort } from "../../../main/gateway";
import { CertificateService } from "../../../main/provider/certificate-service";
import { generateProviderCertificate } from "../../../main/provider/provider-certificate";
import { ChainGatewayPort, kubeClusterReady, ServingService, type ClusterState } from "../../../main/serving";
import { openDatabase, type Db } from "../../../main/store/database";
import { FakeKubeApi } from "../cluster/deploy/fake-kube-api";
import { actor, expectOk, submit, testDevnet, type Actor } from "../devnet/harness";
import { FakeTime, tokenManager } from "../gateway/fakes";
import { sharedPath } from "../../support/shared";

// The far side of the serving tests: a manual-block devnet, our provider (registered, certificate
// published through the app's CertificateService and tx queue), a local Kubernetes API stand-in,
// and tenants that deploy the official gpu-basic vector with its manifest's real hash.

export const SDL = sharedPath("fixtures/sdl/v2.0/gpu-basic");
export const MANIFEST = readFileSync(`${SDL}/manifest.json`, "utf8");
const utf8 = new TextEncoder();

export const PROVIDER_ATTRIBUTES = [
  { key: "host", value: "akash" },
  { key: "capabilities/gpu", value: "nvidia" },
  { key: "capabilities/gpu/vendor/nvidia/model/rtx3080", value: "true" },
];

function gpuGroup(price: string) {
  const [json] = JSON.parse(readFileSync(`${SDL}/group-specs.json`, "utf8")) as Array<{ resources: Array<{ price: { denom: string; amount: string } }> }>;
  for (const unit of json?.resources ?? []) unit.price = { denom: "uact", amount: price };
  return groupSpecFromJson({ ...json, requirements: { signed_by: { all_of: [], any_of: [] }, attributes: [{ key: "host", value: "akash" }] } });
}

export interface Tenant extends Actor {
  amino: Secp256k1Wallet;
}

export async function tenantActor(devnet: Devnet, name: string): Promise<Tenant> {
  const base = await actor(devnet, name);
  const amino = await Secp256k1Wallet.fromKey(sha256(utf8.encode(`devnet-test/${name}`)), "akash");
  return { ...base, amino };
}

export interface ScenarioOptions {
  devnet?: DevnetOptions;
  attributes?: { key: string; value: string }[];
  /** Real clock and timers for the gateway (tenants that sign JWTs with the wall clock). */
  realClock?: boolean;
  limits?: Partial<GatewayLimits>;
}

const realTimers: TimerPort = { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export class Scenario {
  devnet!: Devnet;
  db!: Db;
  pool!: RpcPool;
  queue!: TxQueue;
  provider!: Actor;
  stream!: BlockStream;
  kube = new FakeKubeApi();
  time = new FakeTime();
  manifests = new MemoryManifestStore();
  chain!: ChainGatewayPort;
  serving!: ServingService;
  released: { dseq: string; reason: number | null }[] = [];
  certPem = "";
  /** What the k3s node looks like to serving (ready with the local API stand-in, or not installed). */
  clusterState!: ClusterState;

  constructor(private readonly options: ScenarioOptions = {}) {}

  async start(): Promise<void> {
    this.devnet = await testDevnet({ bme: { minEpochBlocks: 2 }, ...this.options.devnet });
    this.db = openDatabase(":memory:");
    this.pool = new RpcPool({ network: "local", chainId: this.devnet.chainId, endpoints: [this.devnet.rpcUrl] });
    this.provider = await actor(this.devnet, "serving-provider");
    const wallet = this.provider.wallet;
    const signer: TxSigner = { address: this.provider.address, getAccounts: () => wallet.getAccounts(), signDirect: (a, d) => wallet.signDirect(a, d) };
    let t = 0;
    this.queue = new TxQueue({
      network: "local",
      chainId: this.devnet.chainId,
      pool: this.pool,
      repo: new TxRepo(this.db, () => new Date()),
      signer: () => signer,
      gasPrice: "0.025",
      now: () => t,
      sleep: async (ms) => {
        t += ms;
        this.devnet.produceBlock();
      },
    });
    const owner = this.provider.address;
    expectOk(
      await submit(this.devnet, this.provider, [
        { typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner, hostUri: "https://localhost:8443", attributes: this.options.attributes ?? PROVIDER_ATTRIBUTES, info: { email: "", website: "" } } },
      ]),
    );
    // The provider certificate goes on chain through the app's own CertificateService and queue.
    const extras = new Map<string, string>();
    const certs = new CertificateService({
      pool: () => this.pool,
      queue: () => this.queue,
      wallet: () => ({ address: () => owner, getExtra: (n) => extras.get(n), setExtra: async (n, v) => void (v === null ? extras.delete(n) : extras.set(n, v)) }),
      now: () => new Date(this.time.now() - 60_000),
    });
    await certs.publish({ host: "localhost", isIp: false });
    const kubeCert = await generateProviderCertificate({ owner: "k3s", host: { host: "127.0.0.1", isIp: true }, now: new Date(this.time.now() - 60_000) });
    const server = await this.kube.start({ certPem: kubeCert.certPem, keyPem: kubeCert.privateKeyPem });
    const settings = { ...DEFAULT_BUILDER_SETTINGS, ingressDomain: "ingress.rig.test", clusterPublicHostname: "rig.test" };
    this.clusterState = kubeClusterReady(await connectKube({ server, token: "t", caPem: kubeCert.certPem }), settings, () => owner);
    this.stream = new BlockStream({ pool: this.pool, wsUrl: () => websocketUrl(this.devnet.rpcUrl), pollMs: 50 });
    await this.stream.start();
    this.chain = new ChainGatewayPort(() => this.pool, () => owner);
    this.serving = new ServingService({
      provider: () => owner,
      certificate: () => certs.serving(),
      chain: this.chain,
      queue: () => this.queue,
      blocks: (listener) => this.stream.subscribe(listener),
      cluster: async () => this.clusterState,
      manifests: this.manifests,
      info: { status: async () => ({}), version: async () => ({}) },
      validateGroup: (lease, group) => void buildLeaseObjects({ lease, group, settings }),
      clock: this.options.realClock ? { now: () => Date.now() } : this.time,
      timers: this.options.realClock ? realTimers : this.time,
      ...(this.options.limits ? { limits: this.options.limits } : {}),
      listen: { host: "127.0.0.1", port: 0 },
      released: (lease, reason) => this.released.push({ dseq: lease.dseq, reason }),
    });
    this.certPem = (await certs.serving())!.certPem;
  }

  async stop(): Promise<void> {
    await this.serving?.stop();
    this.stream?.stop();
    await this.kube.stop();
    this.db?.close();
    await this.devnet?.stop();
  }

  /** Mints the tenant's ACT through BME (deployments are paid in uact). */
  async fundAct(tenant: Actor): Promise<void> {
    expectOk(await submit(this.devnet, tenant, [{ typeUrl: "/akash.bme.v1.MsgMintACT", value: { owner: tenant.address, to: tenant.address, coinsToBurn: { denom: "uakt", amount: "100000000" } } }]));
    for (let i = 0; i < 4; i++) this.devnet.produceBlock();
  }

  /** Deployment with the vector's group and the manifest's on-chain hash → our bid → the tenant's lease. */
  async leaseWithOurBid(tenant: Actor, dseq: number, price = "500", manifest = MANIFEST): Promise<void> {
    expectOk(
      await submit(this.devnet, tenant, [
        {
          typeUrl: "/akash.deployment.v1beta4.MsgCreateDeployment",
          value: { id: { owner: tenant.address, dseq }, groups: [gpuGroup("1000")], hash: await manifestHash(JSON.parse(manifest)), deposit: { amount: { denom: "uact", amount: "5000000" }, sources: [Source.balance] } },
        },
      ]),
    );
    const bidId = { owner: tenant.address, dseq, gseq: 1, oseq: 1, provider: this.provider.address, bseq: 0 };
    // Our bid goes through the app's tx queue (the bid engine's live path is not wired yet).
    const { MsgCreateBid } = await import("@akashnetwork/chain-sdk/private-types/akash.v1beta5");
    const { encodeMsg } = await import("../../../main/chain/tx-queue");
    await this.queue.submit({
      kind: "bid.create",
      messages: [encodeMsg(MsgCreateBid, { id: { ...bidId, dseq: String(dseq) }, price: { denom: "uact", amount: `${price}.000000000000000000` }, deposit: { amount: { denom: "uakt", amount: "500000" }, sources: [Source.balance] }, resourcesOffer: [] })],
    });
    expectOk(await submit(this.devnet, tenant, [{ typeUrl: "/akash.market.v1beta5.MsgCreateLease", value: { bidId } }]));
  }

  /** Points the provider's host_uri at the running gateway (MsgUpdateProvider through the queue). */
  async serveOnLoopback(): Promise<void> {
    const { MsgUpdateProvider } = await import("@akashnetwork/chain-sdk/private-types/akash.v1beta4");
    const { encodeMsg } = await import("../../../main/chain/tx-queue");
    const owner = this.provider.address;
    await this.queue.submit({ kind: "provider.update", messages: [encodeMsg(MsgUpdateProvider, { owner, hostUri: `https://localhost:${this.serving.port}`, attributes: this.options.attributes ?? PROVIDER_ATTRIBUTES, info: { email: "", website: "" } })] });
  }

  async closeDeployment(tenant: Actor, dseq: number): Promise<void> {
    expectOk(await submit(this.devnet, tenant, [{ typeUrl: "/akash.deployment.v1beta4.MsgCloseDeployment", value: { id: { owner: tenant.address, dseq } } }]));
  }

  async jwt(tenant: Tenant): Promise<Record<string, string>> {
    const [account] = await tenant.amino.getAccounts();
    const now = Math.floor(this.time.now() / 1000);
    const token = await tokenManager(tenant.amino).generateToken({ version: "v1", iss: account!.address, iat: now, nbf: now, exp: now + 300 });
    return { authorization: `Bearer ${token}` };
  }

  /** A chain-sdk client certificate for the tenant, published on the devnet; returns it with its serial. */
  async publishClientCert(tenant: Actor): Promise<{ cert: string; key: string; serial: string }> {
    const pem = await new CertificateManager().generatePEM(tenant.address, { validFrom: new Date(this.time.now() - 60_000), validTo: new Date(this.time.now() + 86_400_000) });
    expectOk(await submit(this.devnet, tenant, [{ typeUrl: "/akash.cert.v1.MsgCreateCertificate", value: { owner: tenant.address, cert: utf8.encode(pem.cert), pubkey: utf8.encode(pem.publicKey) } }]));
    return { cert: pem.cert, key: pem.privateKey, serial: BigInt(`0x${new X509Certificate(pem.cert).serialNumber}`).toString(10) };
  }

  async revokeClientCert(tenant: Actor, serial: string): Promise<void> {
    expectOk(await submit(this.devnet, tenant, [{ typeUrl: "/akash.cert.v1.MsgRevokeCertificate", value: { id: { owner: tenant.address, serial } } }]));
  }

  /** Waits (briefly, real I/O) until the block stream has delivered the chain's height to serving. */
  async caughtUp(): Promise<void> {
    const height = this.devnet.height;
    for (let i = 0; i < 400 && this.stream.lastHeight() < height; i++) await new Promise((r) => setTimeout(r, 10));
    if (this.stream.lastHeight() < height) throw new Error(`block stream stuck at ${this.stream.lastHeight()} < ${height}`);
    await this.serving.settled();
  }
}
