import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Manifest } from "../../../../common/gateway-schemas";
import { DEFAULT_BUILDER_SETTINGS, leaseNamespace } from "../../../../main/cluster/builder";
import { connectKube, isRolledOut, type KubeConnection, LeaseDeployer, reconcileLeases, watchRollout } from "../../../../main/cluster/deploy";
import { FakeKubeApi } from "./fake-kube-api";
import { generateProviderCertificate } from "../../../../main/provider/provider-certificate";
import { sharedPath } from "../../../support/shared";

const read = (v: string) => Manifest.parse(JSON.parse(readFileSync(sharedPath("fixtures/sdl/v2.0", v, "manifest.json"), "utf8")));
const lease = { owner: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", dseq: "77", gseq: 1, oseq: 1, provider: "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf" };
const settings = { ...DEFAULT_BUILDER_SETTINGS, ingressDomain: "ingress.rig.test", clusterPublicHostname: "rig.test" };
let kube: FakeKubeApi;
let deployer: LeaseDeployer;
let api: KubeConnection["objects"];

beforeAll(async () => {
  kube = new FakeKubeApi();
  const cert = await generateProviderCertificate({ owner: "k3s", host: { host: "127.0.0.1", isIp: true }, now: new Date(Date.now() - 60_000) });
  const server = await kube.start({ certPem: cert.certPem, keyPem: cert.privateKeyPem });
  api = (await connectKube({ server, token: "t", caPem: cert.certPem })).objects;
  deployer = new LeaseDeployer(api, settings);
});
afterAll(() => kube.stop());

describe("LeaseDeployer against a local API server", () => {
  const ns = leaseNamespace(lease);

  it("applies every object with server-side apply and reports status, URIs and forwarded ports", async () => {
    const [group] = read("simple");
    await deployer.deploy(lease, group!);
    const patches = kube.requests.filter((r) => r.method === "PATCH");
    expect(patches.length).toBeGreaterThan(5);
    expect(patches.every((r) => r.contentType === "application/apply-patch+yaml")).toBe(true);
    expect(patches[0]!.path).toBe(`/api/v1/namespaces/${ns}`);
    expect(kube.list("Deployment", ns).map((o) => o.metadata.name)).toEqual(["web"]);
    expect(kube.list("NetworkPolicy", ns).length).toBeGreaterThanOrEqual(4);
    const status = await deployer.status(lease);
    expect(status?.services.web).toMatchObject({ name: "web", available: 2, total: 2, ready_replicas: 2 });
    expect(status?.services.web!.uris).toContain("ahostname.com");
    expect(status?.services.web!.uris.some((u) => u.endsWith(".ingress.rig.test"))).toBe(true);
    expect(status?.forwarded_ports.web).toEqual([{ host: "rig.test", port: 12345, externalPort: 30000, proto: "UDP", name: "web" }]);
  });

  it("prunes services an updated manifest dropped", async () => {
    const [group] = read("simple");
    const updated = structuredClone(group!);
    updated.services[0]!.expose = updated.services[0]!.expose!.filter((e) => e.proto === "TCP");
    await deployer.deploy(lease, updated);
    expect(kube.list("Service", ns).map((o) => o.metadata.name)).toEqual(["web"]);
    expect((await deployer.status(lease))?.forwarded_ports).toEqual({});
  });

  it("refuses a tenant host another lease already serves", async () => {
    const [group] = read("simple");
    const second = { ...lease, dseq: "78" };
    const built = await deployer.deploy(second, group!);
    expect(built.hosts.web).toHaveLength(1);
    expect(built.hosts.web![0]).toMatch(/ingress\.rig\.test$/);
    await deployer.teardown(second);
  });

  it("reports a rollout still in progress, and surfaces API errors", async () => {
    kube.rollOut = false;
    const other = { ...lease, dseq: "79" };
    const [gpu] = read("gpu-basic");
    await deployer.deploy(other, gpu!);
    const status = await deployer.status(other);
    expect(status?.services["gpu-service"]).toMatchObject({ available: 0, total: 1 });
    expect(isRolledOut(status!)).toBe(false);
    kube.rollOut = true;
    kube.failNextApply = 500;
    await expect(deployer.deploy(other, gpu!)).rejects.toThrow();
    expect(await deployer.teardown(other)).toBe(true);
    expect(await deployer.teardown(other)).toBe(false);
    expect(await deployer.status(other)).toBeNull();
  });

  it("tears a lease down with its namespace", async () => {
    expect(await deployer.teardown(lease)).toBe(true);
    expect(kube.list("Namespace").map((n) => n.metadata.name)).not.toContain(ns);
    expect(kube.list("Deployment", ns)).toEqual([]);
  });
});

describe("reconcile at start", () => {
  it("recreates what active leases lack and removes what no lease owns", async () => {
    const [group] = read("http-options");
    const stale = { ...lease, dseq: "500" };
    const keep = { ...lease, dseq: "501" };
    const missing = { ...lease, dseq: "502" };
    const noManifest = { ...lease, dseq: "503" };
    const foreign = { ...lease, dseq: "504", provider: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63" };
    for (const l of [stale, keep, foreign]) await deployer.deploy(l, group!);
    const result = await reconcileLeases(api, lease.provider, [keep, missing, noManifest], async (l) => {
      if (l.dseq === "503") return false;
      await deployer.deploy(l, group!);
      return true;
    });
    expect(result.recreated).toEqual([missing]);
    expect(result.waiting).toEqual([noManifest]);
    expect(result.removed).toEqual([leaseNamespace(stale)]);
    const names = kube.list("Namespace").map((n) => n.metadata.name);
    expect(names).toContain(leaseNamespace(keep));
    expect(names).toContain(leaseNamespace(missing));
    expect(names).toContain(leaseNamespace(foreign));
    expect(names).not.toContain(leaseNamespace(stale));
  });
});

describe("watchRollout", () => {
  it("resolves available once replicas are up, or timeout after the deadline, on injected timers", async () => {
    const timers: { fn: () => void }[] = [];
    const fake = { set: (_ms: number, fn: () => void) => timers.push({ fn }), clear: () => {} };
    let available = 0;
    const read = async () => ({ services: { web: { name: "web", available, total: 1, uris: [], observed_generation: 1, replicas: 1, updated_replicas: 1, ready_replicas: available, available_replicas: available } }, forwarded_ports: {}, ips: {} });
    const done = watchRollout(read, fake, { intervalMs: 1000, timeoutMs: 5000 });
    await new Promise((r) => setImmediate(r));
    expect(timers).toHaveLength(1);
    available = 1;
    timers.shift()!.fn();
    expect((await done).state).toBe("available");
    available = 0;
    const late = watchRollout(read, fake, { intervalMs: 1000, timeoutMs: 2000 });
    for (let i = 0; i < 5 && timers.length === 0; i++) await new Promise((r) => setImmediate(r));
    while (timers.length > 0) {
      timers.shift()!.fn();
      for (let i = 0; i < 5 && timers.length === 0; i++) await new Promise((r) => setImmediate(r));
    }
    expect((await late).state).toBe("timeout");
  });
});
