import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaseLabels, leaseNamespace } from "../../../main/cluster/builder";
import { call } from "../gateway/fakes";
import { MANIFEST, Scenario, tenantActor, type Tenant } from "./devnet-scenario";

// The provider's whole serving life on the devnet, over real RPC, real TLS on loopback and a local
// Kubernetes API: a tenant wins a lease with our bid, sends the official gpu-basic manifest with a
// chain-sdk JWT, the objects are applied, lease status reports the service available, the tenant
// closes, and everything is torn down and released. Then each refusal provider-services makes.

const s = new Scenario();
let tenant: Tenant;
let other: Tenant;
const DSEQ = 501;

beforeAll(async () => {
  await s.start();
  tenant = await tenantActor(s.devnet, "serving-tenant");
  other = await tenantActor(s.devnet, "serving-other");
  await s.fundAct(tenant);
  await s.fundAct(other);
}, 60_000);
afterAll(() => s.stop());

const get = (path: string, headers: Record<string, string>) => call(s.serving.port!, "GET", path, { ca: s.certPem, headers });
const put = (path: string, body: string | Buffer, options: { headers?: Record<string, string>; cert?: string; key?: string } = {}) =>
  call(s.serving.port!, "PUT", path, { ca: s.certPem, body, ...options });

describe("serving tenants on the devnet", () => {
  it("starts the gateway with the provider's on-chain certificate", async () => {
    const status = await s.serving.start();
    expect(status).toMatchObject({ state: "listening", provider: s.provider.address, cluster: { ready: true }, manifestsReceived: 0, leasesServed: 0 });
    expect(status.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(status.certSerial).toMatch(/^\d+$/);
    const address = await get("/address", {});
    expect(JSON.parse(address.body)).toEqual({ address: s.provider.address });
    expect(address.protocol).toBe("TLSv1.3");
  });

  it("lease won → manifest over HTTPS (JWT) → applied → available → tenant closes → torn down", async () => {
    await s.leaseWithOurBid(tenant, DSEQ);
    await s.caughtUp();
    expect((await s.serving.status()).awaitingManifest).toBe(1);

    const headers = await s.jwt(tenant);
    const reply = await put(`/deployment/${DSEQ}/manifest`, MANIFEST, { headers });
    expect(reply.status, reply.body).toBe(200);
    const lease = { owner: tenant.address, dseq: String(DSEQ), gseq: 1, oseq: 1, provider: s.provider.address };
    expect(s.kube.list("Namespace").map((n) => n.metadata.name)).toContain(leaseNamespace(lease));
    expect(await s.serving.status()).toMatchObject({ manifestsReceived: 1, leasesServed: 1, awaitingManifest: 0 });
    // The bid engine's lease-won notice arriving late must not put a served lease back on the clock.
    s.serving.leaseWon(lease);
    expect((await s.serving.status()).awaitingManifest).toBe(0);

    const status = JSON.parse((await get(`/lease/${DSEQ}/1/1/status`, headers)).body);
    const services = JSON.parse(MANIFEST)[0].services as { name: string; count: number }[];
    for (const svc of services) expect(status.services[svc.name]).toMatchObject({ available: svc.count, total: svc.count });
    expect(JSON.parse((await get(`/lease/${DSEQ}/1/1/manifest`, headers)).body).name).toBe(JSON.parse(MANIFEST)[0].name);

    // Gaming mode: the GPU lease is listed with what it earns per hour (500 uact/block × 600 blocks).
    const impact = await s.serving.gpuReclaimImpact();
    expect(impact.leases).toEqual([expect.objectContaining({ owner: tenant.address, dseq: String(DSEQ), gpus: 1, denom: "uact", lostPerHour: "300000" })]);

    await s.closeDeployment(tenant, DSEQ);
    await s.caughtUp();
    expect(s.kube.list("Namespace").map((n) => n.metadata.name)).not.toContain(leaseNamespace(lease));
    expect(s.released).toContainEqual({ dseq: String(DSEQ), reason: null });
    expect(await s.serving.status()).toMatchObject({ leasesServed: 0, awaitingManifest: 0 });
    expect((await get(`/lease/${DSEQ}/1/1/status`, headers)).status).toBe(404);
    expect((await s.serving.gpuReclaimImpact()).leases).toEqual([]);
  });

  it("refuses what provider-services refuses: other tenant, wrong hash, oversized body, unknown lease", async () => {
    const dseq = DSEQ + 1;
    await s.leaseWithOurBid(tenant, dseq);
    await s.caughtUp();
    const applied = s.kube.requests.length;

    // Another tenant addressing this dseq reaches only its own (non-existent) deployment.
    expect((await put(`/deployment/${dseq}/manifest`, MANIFEST, { headers: await s.jwt(other) })).status).toBe(404);
    expect((await get(`/lease/${dseq}/1/1/status`, await s.jwt(other))).status).toBe(404);
    const headers = await s.jwt(tenant);
    // A manifest whose hash is not the deployment's.
    const altered = JSON.parse(MANIFEST);
    altered[0].services[0].image = "nginx:evil";
    const wrong = await put(`/deployment/${dseq}/manifest`, JSON.stringify(altered), { headers });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatch(/hash/);
    expect((await put(`/deployment/${dseq}/manifest`, Buffer.alloc(1024 * 1024 + 1, 0x20), { headers })).status).toBe(413);
    expect((await put(`/deployment/99999/manifest`, MANIFEST, { headers })).status).toBe(404);
    expect((await get(`/lease/${dseq}/2/1/status`, headers)).status).toBe(404);
    expect(s.kube.requests.length).toBe(applied); // nothing was applied by any refusal
    expect((await s.serving.status()).manifestsReceived).toBe(1);
  });

  it("k3s not installed: the manifest is refused with a clear 503, nothing is applied or recorded", async () => {
    const dseq = DSEQ + 1;
    const ready = s.clusterState;
    s.clusterState = { kind: "unavailable", reason: "k3s is not installed" };
    try {
      const applied = s.kube.requests.length;
      const reply = await put(`/deployment/${dseq}/manifest`, MANIFEST, { headers: await s.jwt(tenant) });
      expect(reply.status).toBe(503);
      expect(reply.body).toMatch(/k3s is not installed/);
      expect(s.kube.requests.length).toBe(applied);
      expect(await s.serving.status()).toMatchObject({ cluster: { ready: false, message: "k3s is not installed" }, manifestsReceived: 1, awaitingManifest: 1 });
    } finally {
      s.clusterState = ready;
    }
    expect((await s.serving.status()).cluster.ready).toBe(true);
  });

  it("mTLS: a published client certificate works until it is revoked on the devnet", async () => {
    const dseq = DSEQ + 1;
    const cert = await s.publishClientCert(tenant);
    const accepted = await put(`/deployment/${dseq}/manifest`, MANIFEST, { cert: cert.cert, key: cert.key });
    expect(accepted.status, accepted.body).toBe(200);
    await s.revokeClientCert(tenant, cert.serial);
    const refused = await call(s.serving.port!, "GET", `/lease/${dseq}/1/1/status`, { ca: s.certPem, cert: cert.cert, key: cert.key });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatch(/revoked/);
  });

  it("a restart reconciles k3s with the chain: a missing workload is recreated, an orphan removed", async () => {
    const live = { owner: tenant.address, dseq: String(DSEQ + 1), gseq: 1, oseq: 1, provider: s.provider.address };
    const orphan = { owner: tenant.address, dseq: "7777", gseq: 1, oseq: 1, provider: s.provider.address };
    const liveNs = leaseNamespace(live);
    expect(s.kube.list("Namespace").map((n) => n.metadata.name)).toContain(liveNs);
    // k3s lost the live lease's objects (e.g. a reinstall) and holds a namespace nobody pays for.
    for (const [key, obj] of s.kube.objects) if (obj.metadata.name === liveNs || obj.metadata.namespace === liveNs) s.kube.objects.delete(key);
    const orphanNs = leaseNamespace(orphan);
    s.kube.objects.set(s.kube.key("v1", "Namespace", undefined, orphanNs), { apiVersion: "v1", kind: "Namespace", metadata: { name: orphanNs, labels: leaseLabels(orphan) } });

    await s.serving.stop();
    expect(await s.serving.start()).toMatchObject({ state: "listening", leasesServed: 1 });
    const names = s.kube.list("Namespace").map((n) => n.metadata.name);
    expect(names).toContain(liveNs);
    expect(names).not.toContain(orphanNs);
    expect(s.kube.list("Deployment", liveNs).length).toBeGreaterThan(0);
  });

  it("no manifest within the timeout: MsgCloseBid 10003 through the queue, capacity released", async () => {
    const dseq = DSEQ + 2;
    await s.leaseWithOurBid(tenant, dseq);
    await s.caughtUp();
    expect((await s.serving.status()).awaitingManifest).toBe(1);
    s.time.advance(5 * 60_000);
    for (let i = 0; i < 200 && !s.released.some((r) => r.dseq === String(dseq)); i++) await new Promise((r) => setTimeout(r, 10));
    expect(s.released).toContainEqual({ dseq: String(dseq), reason: 10003 });
    const lease = await s.chain.lease({ owner: tenant.address, dseq: String(dseq), gseq: 1, oseq: 1, provider: s.provider.address });
    expect(lease).toMatchObject({ state: "closed", reason: 10003 });
    expect((await s.serving.status()).awaitingManifest).toBe(0);
  });
});
