import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { DEFAULT_BUILDER_SETTINGS, buildLeaseObjects, leaseNamespace } from "../../../main/cluster/builder";
import { connectKube, kubeGatewayCluster, LeaseDeployer } from "../../../main/cluster/deploy";
import { MemoryManifestStore, startGateway, manifestHash, type RunningGateway } from "../../../main/gateway";
import { generateProviderCertificate } from "../../../main/provider/provider-certificate";
import { Secp256k1HdWallet } from "@cosmjs/amino";
import { FakeKubeApi } from "../cluster/deploy/fake-kube-api";
import { call, FakeChain, FakeTime, fixture, groupSpecs, tokenManager } from "./fakes";

// Tenant → HTTPS gateway (JWT from chain-sdk) → manifest checks → builder → server-side apply on a
// local Kubernetes API → lease status and logs back through the gateway → lease close → teardown.

const PROVIDER = "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf";
let kube: FakeKubeApi;
let gateway: RunningGateway;
let deployer: LeaseDeployer;
let ca: string;
let tenant: Secp256k1HdWallet;
const time = new FakeTime();
const chain = new FakeChain();
const closed: unknown[] = [];

beforeAll(async () => {
  kube = new FakeKubeApi();
  const kubeCert = await generateProviderCertificate({ owner: "k3s", host: { host: "127.0.0.1", isIp: true }, now: new Date(time.now() - 60_000) });
  const server = await kube.start({ certPem: kubeCert.certPem, keyPem: kubeCert.privateKeyPem });
  const connection = await connectKube({ server, token: "t", caPem: kubeCert.certPem });
  const settings = { ...DEFAULT_BUILDER_SETTINGS, ingressDomain: "ingress.rig.test", clusterPublicHostname: "rig.test" };
  deployer = new LeaseDeployer(connection.objects, settings);
  const providerCert = await generateProviderCertificate({ owner: PROVIDER, host: { host: "localhost", isIp: false }, now: new Date(time.now() - 60_000) });
  ca = providerCert.certPem;
  tenant = await Secp256k1HdWallet.generate(12, { prefix: "akash" });
  const [account] = await tenant.getAccounts();
  chain.pubkeys.set(account!.address, account!.pubkey);
  gateway = await startGateway({
    providerAddress: PROVIDER,
    tls: { certPem: providerCert.certPem, keyPem: providerCert.privateKeyPem },
    host: "127.0.0.1",
    port: 0,
    clock: time,
    timers: time,
    chain,
    cluster: kubeGatewayCluster(connection, deployer),
    manifests: new MemoryManifestStore(),
    bids: { closeBid: async (lease, reason) => void closed.push({ lease, reason }) },
    info: { status: async () => ({}), version: async () => ({}) },
    validateGroup: (lease, group) => void buildLeaseObjects({ lease, group, settings }),
  });
});
afterAll(async () => {
  await gateway.close();
  await kube.stop();
});

describe("a tenant's lease from manifest to teardown", () => {
  for (const vector of ["gpu-basic", "multiple-services", "storage-classes"]) {
    it(`${vector}: manifest over HTTPS → objects on k3s → status available → closed and torn down`, async () => {
      const [account] = await tenant.getAccounts();
      const owner = account!.address;
      const dseq = String(1000 + vector.length);
      const body = fixture(vector, "manifest.json");
      const lease = { owner, dseq, gseq: 1, oseq: 1, provider: PROVIDER };
      chain.deployments.set(`${owner}/${dseq}`, { state: "active", hash: await manifestHash(JSON.parse(body)) });
      chain.leases.set(`${owner}/${dseq}`, [{ id: lease, groupSpec: groupSpecs(vector)[0]! }]);
      gateway.timeouts.leaseWon(lease);
      const now = Math.floor(time.now() / 1000);
      const token = await tokenManager(tenant).generateToken({ version: "v1", iss: owner, iat: now, nbf: now, exp: now + 300 });
      const headers = { authorization: `Bearer ${token}` };

      const put = await call(gateway.port, "PUT", `/deployment/${dseq}/manifest`, { ca, headers, body });
      expect(put.status).toBe(200);
      const namespace = leaseNamespace(lease);
      expect(kube.list("Namespace").map((n) => n.metadata.name)).toContain(namespace);

      const status = JSON.parse((await call(gateway.port, "GET", `/lease/${dseq}/1/1/status`, { ca, headers })).body);
      const services = JSON.parse(body)[0].services as { name: string; count: number }[];
      for (const s of services) expect(status.services[s.name]).toMatchObject({ available: s.count, total: s.count });

      const lines = await new Promise<string[]>((resolve, reject) => {
        const ws = new WebSocket(`wss://localhost:${gateway.port}/lease/${dseq}/1/1/logs?tail=1&service=${services[0]!.name}`, { ca, headers });
        const got: string[] = [];
        ws.on("message", (d) => got.push(JSON.parse(String(d)).message));
        ws.on("close", () => resolve(got));
        ws.on("error", reject);
      });
      expect(lines.length).toBe(services[0]!.count);
      expect(lines[0]).toMatch(/ready$/);

      // The manifest arrived in time: the 5-minute manifest clock must not close this lease.
      expect(gateway.timeouts.waiting()).not.toContainEqual(lease);
      time.advance(10 * 60_000);
      time.nowMs -= 10 * 60_000;
      expect(closed).toEqual([]);
      chain.leases.delete(`${owner}/${dseq}`);
      gateway.leaseClosed(lease);
      expect(await deployer.teardown(lease)).toBe(true);
      expect(kube.list("Namespace").map((n) => n.metadata.name)).not.toContain(namespace);
      expect((await call(gateway.port, "GET", `/lease/${dseq}/1/1/status`, { ca, headers })).status).toBe(404);
    });
  }
});
