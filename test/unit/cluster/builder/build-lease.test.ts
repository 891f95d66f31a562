import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Manifest, type ManifestGroup } from "../../../../common/gateway-schemas";
import { BuildError, buildLeaseObjects, DEFAULT_BUILDER_SETTINGS, leaseFromLabels, leaseNamespace } from "../../../../main/cluster/builder";
import { checkNames, validateKubeObject } from "./kube-validate";
import { sharedPath } from "../../../support/shared";

const SDL = sharedPath("fixtures/sdl/v2.0");
const vectors = readdirSync(SDL).filter((d) => !d.startsWith("."));
const lease = { owner: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", dseq: "21633420", gseq: 1, oseq: 1, provider: "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf" };
const settings = { ...DEFAULT_BUILDER_SETTINGS, ingressDomain: "ingress.rig.example.com", clusterPublicHostname: "rig.example.com", blockedCidrs: ["203.0.113.0/24"] };

function loadGroups(vector: string): ManifestGroup[] {
  return Manifest.parse(JSON.parse(readFileSync(join(SDL, vector, "manifest.json"), "utf8")));
}

describe("buildLeaseObjects on the official manifest vectors", () => {
  it("has vectors to test", () => expect(vectors.length).toBeGreaterThanOrEqual(8));

  for (const vector of vectors) {
    it(`${vector}: every object passes the Kubernetes schema and matches the snapshot`, async () => {
      const groups = loadGroups(vector);
      const built = groups.map((group, i) => buildLeaseObjects({ lease: { ...lease, gseq: i + 1 }, group, settings }));
      for (const { objects } of built) {
        for (const object of objects) {
          validateKubeObject(object);
          checkNames(object);
        }
      }
      await expect(JSON.stringify(built, null, 2)).toMatchFileSnapshot(`./__snapshots__/${vector}.json`);
    });
  }
});

describe("builder semantics", () => {
  const [gpu] = loadGroups("gpu-basic");
  const [storage] = loadGroups("storage-classes");
  const [multi] = loadGroups("multiple-services");
  const [simple] = loadGroups("simple");

  it("labels the namespace with the lease id and derives a stable DNS-safe name", () => {
    const { objects, namespace } = buildLeaseObjects({ lease, group: gpu!, settings });
    expect(namespace).toBe(leaseNamespace(lease));
    expect(namespace).toMatch(/^[0-9a-v]{45}$/);
    expect(leaseFromLabels(objects[0]!.metadata!.labels as Record<string, string>)).toEqual(lease);
    expect(leaseNamespace({ ...lease, oseq: 2 })).not.toBe(namespace);
  });

  it("asks for the GPU through the device plugin and the nvidia runtime", () => {
    const deployment = buildLeaseObjects({ lease, group: gpu!, settings }).objects.find((o) => o.kind === "Deployment");
    const spec = (deployment as { spec: { template: { spec: { runtimeClassName?: string; containers: { resources: { limits: Record<string, string> } }[] } } } }).spec.template.spec;
    expect(spec.runtimeClassName).toBe("nvidia");
    expect(spec.containers[0]!.resources.limits).toMatchObject({ "nvidia.com/gpu": "1", cpu: "1000m", memory: "2147483648", "ephemeral-storage": "10737418240" });
  });

  it("uses a StatefulSet with claims for persistent storage and tmpfs for ram", () => {
    const objects = buildLeaseObjects({ lease, group: storage!, settings }).objects;
    const sts = objects.find((o) => o.kind === "StatefulSet") as unknown as { spec: { volumeClaimTemplates: { spec: { resources: { requests: { storage: string } } } }[]; template: { spec: { volumes: { emptyDir: { medium?: string } }[] } } } };
    expect(sts).toBeDefined();
    expect(sts.spec.volumeClaimTemplates.map((c) => c.spec.resources.requests.storage)).toEqual(["21474836480"]);
    expect(sts.spec.template.spec.volumes.some((v) => v.emptyDir.medium === "Memory")).toBe(true);
    expect(objects.some((o) => o.kind === "Deployment")).toBe(false);
  });

  it("keeps non-global exposes internal and puts global non-HTTP ones on a NodePort", () => {
    const objects = buildLeaseObjects({ lease, group: simple!, settings }).objects;
    const services = objects.filter((o) => o.kind === "Service") as { metadata: { name: string }; spec: { type: string; ports: { port: number; protocol: string }[] } }[];
    expect(services.map((s) => [s.metadata.name, s.spec.type])).toEqual([
      ["web", "ClusterIP"],
      ["web-np", "NodePort"],
    ]);
    expect(services[1]!.spec.ports).toEqual([expect.objectContaining({ port: 12345, protocol: "UDP" })]);
    const db = buildLeaseObjects({ lease, group: multi!, settings }).objects.filter((o) => o.kind === "Service" && o.metadata?.name?.startsWith("db"));
    expect(db.map((s) => (s as { spec: { type: string } }).spec.type)).toEqual(["ClusterIP"]);
  });

  it("routes HTTP by a generated hostname plus the tenant's accepted hosts", () => {
    const built = buildLeaseObjects({ lease, group: simple!, settings });
    expect(built.hosts.web).toHaveLength(2);
    expect(built.hosts.web![0]).toMatch(/^[0-9a-v]{26}\.ingress\.rig\.example\.com$/);
    expect(built.hosts.web![1]).toBe("ahostname.com");
    const refused = buildLeaseObjects({ lease, group: simple!, settings, rejectedHosts: new Set(["ahostname.com"]) });
    expect(refused.hosts.web).toEqual([built.hosts.web![0]]);
  });

  it("blocks the owner's LAN and private ranges in egress", () => {
    const policies = buildLeaseObjects({ lease, group: simple!, settings }).objects.filter((o) => o.kind === "NetworkPolicy");
    const internet = JSON.stringify(policies.find((p) => p.metadata?.name === "akash-allow-internet"));
    for (const cidr of ["10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12", "169.254.0.0/16", "203.0.113.0/24", "fc00::/7"]) expect(internet).toContain(cidr);
    expect(policies.map((p) => p.metadata?.name)).toContain("akash-deny-all");
  });

  it("turns private image credentials into a dockerconfigjson pull secret", () => {
    const group = structuredClone(simple!);
    group.services[0]!.credentials = { host: "ghcr.io", username: "me", password: "s3cret", email: null };
    const objects = buildLeaseObjects({ lease, group, settings }).objects;
    const secret = objects.find((o) => o.kind === "Secret") as { type: string; data: Record<string, string> };
    expect(secret.type).toBe("kubernetes.io/dockerconfigjson");
    const config = JSON.parse(Buffer.from(secret.data[".dockerconfigjson"]!, "base64").toString());
    expect(config.auths["ghcr.io"].auth).toBe(Buffer.from("me:s3cret").toString("base64"));
    const deployment = objects.find((o) => o.kind === "Deployment") as { spec: { template: { spec: { imagePullSecrets: { name: string }[] } } } };
    expect(deployment.spec.template.spec.imagePullSecrets).toEqual([{ name: "web-docker-creds" }]);
    for (const o of objects) validateKubeObject(o);
  });

  it("maps env, command and args, and refuses bad env names and bad hosts", () => {
    const group = structuredClone(simple!);
    group.services[0]!.env = ["A=1", "B=x=y", "EMPTY"];
    group.services[0]!.command = ["sh", "-c"];
    group.services[0]!.args = ["echo hi"];
    const deployment = buildLeaseObjects({ lease, group, settings }).objects.find((o) => o.kind === "Deployment") as { spec: { template: { spec: { containers: { env: { name: string; value: string }[]; command: string[]; args: string[] }[] } } } };
    const container = deployment.spec.template.spec.containers[0]!;
    expect(container.env.slice(-3)).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "x=y" },
      { name: "EMPTY", value: "" },
    ]);
    expect(container.command).toEqual(["sh", "-c"]);
    expect(container.args).toEqual(["echo hi"]);
    group.services[0]!.env = ["1BAD=x y"];
    expect(() => buildLeaseObjects({ lease, group, settings })).toThrow(BuildError);
    const badHost = structuredClone(simple!);
    badHost.services[0]!.expose![0]!.hosts = ["bad_host!"];
    expect(() => buildLeaseObjects({ lease, group: badHost, settings })).toThrow(/invalid hostname/);
    const reserved = structuredClone(simple!);
    reserved.services[0]!.expose![0]!.hosts = ["x.ingress.rig.example.com"];
    expect(() => buildLeaseObjects({ lease, group: reserved, settings })).toThrow(/reserved/);
  });

  it("shortens long derived names below 63 characters", () => {
    const group = structuredClone(simple!);
    group.services[0]!.name = "a".repeat(63);
    const objects = buildLeaseObjects({ lease, group, settings }).objects;
    for (const o of objects) checkNames(o);
  });
});

describe("the schema check itself", () => {
  it("rejects objects the API server would refuse", () => {
    const bad = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { replicas: "three", selector: {}, template: {} } };
    expect(() => validateKubeObject(bad as never)).toThrow();
    expect(() => checkNames({ apiVersion: "v1", kind: "Service", metadata: { name: "9web" } } as never)).toThrow(/DNS label/);
  });
});
