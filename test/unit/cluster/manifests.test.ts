import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { RuntimeClass } from "kubernetes-models/node.k8s.io/v1/RuntimeClass";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { describe, expect, it } from "vitest";
import {
  appNamespaces,
  devicePluginDaemonSet,
  nodeManifestFiles,
  nvidiaRuntimeClass,
  PRIVATE_RANGES_V4,
  PRIVATE_RANGES_V6,
  tenantNetworkPolicy,
  type KubeObject,
} from "../../../main/cluster/templates/manifests";

// Every object the app applies, validated against the Kubernetes OpenAPI schemas (kubernetes-models).

const IMAGE = "nvcr.io/nvidia/k8s-device-plugin:v0.17.1@sha256:af31e2b7c7f89834c4e5219860def7ac2e49a207b3d4e8610d5a26772b7738e5";

function validate(object: KubeObject): void {
  const models: Record<string, new (data: never) => { validate(): void }> = {
    "node.k8s.io/v1/RuntimeClass": RuntimeClass,
    "v1/Namespace": Namespace,
    "apps/v1/DaemonSet": DaemonSet,
    "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
  };
  const Model = models[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema for ${object.apiVersion}/${object.kind}`);
  new Model(object as never).validate();
}

describe("node manifests", () => {
  it("are valid Kubernetes objects", () => {
    for (const object of [nvidiaRuntimeClass(), ...appNamespaces(), devicePluginDaemonSet(IMAGE), tenantNetworkPolicy("lease-abc123", ["2a02:8108:1234::/48"])]) {
      expect(() => validate(object), `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  it("the validator does catch a broken object", () => {
    const broken = devicePluginDaemonSet(IMAGE) as KubeObject & { spec: { selector: unknown } };
    broken.spec.selector = "everything";
    expect(() => validate(broken)).toThrow();
  });

  it("writes each file as multi-document YAML whose documents parse back to the objects", () => {
    const files = nodeManifestFiles(IMAGE, true);
    expect(Object.keys(files).sort()).toEqual(["namespaces.yaml", "nvidia-device-plugin.yaml", "runtime-class.yaml"]);
    for (const content of Object.values(files)) {
      const docs = content.split(/^---\n/m).filter(Boolean).map((d) => JSON.parse(d) as KubeObject);
      expect(docs.length).toBeGreaterThan(0);
      docs.forEach(validate);
    }
    expect(Object.keys(nodeManifestFiles(IMAGE, false))).not.toContain("nvidia-device-plugin.yaml");
  });

  it("the device plugin runs with the nvidia runtime and the pinned image", () => {
    const ds = devicePluginDaemonSet(IMAGE) as unknown as { spec: { template: { spec: { runtimeClassName: string; containers: { image: string }[] } } } };
    expect(ds.spec.template.spec.runtimeClassName).toBe("nvidia");
    expect(ds.spec.template.spec.containers[0]!.image).toBe(IMAGE);
  });

  it("the tenant policy allows DNS and the internet but no private range and not the owner's LAN", () => {
    const policy = tenantNetworkPolicy("lease-abc123", ["2a02:8108:1234::/48", "203.0.113.0/24"]) as unknown as {
      spec: { policyTypes: string[]; egress: { to: { ipBlock?: { cidr: string; except: string[] }; podSelector?: object; namespaceSelector?: object }[]; ports?: { port: number }[] }[] };
    };
    expect(policy.spec.policyTypes).toEqual(["Egress"]);
    const dns = policy.spec.egress.find((r) => r.ports?.some((p) => p.port === 53));
    expect(dns?.to[0]?.namespaceSelector).toEqual({ matchLabels: { "kubernetes.io/metadata.name": "kube-system" } });
    const blocks = policy.spec.egress.flatMap((r) => r.to).flatMap((t) => (t.ipBlock ? [t.ipBlock] : []));
    const v4 = blocks.find((b) => b.cidr === "0.0.0.0/0")!;
    const v6 = blocks.find((b) => b.cidr === "::/0")!;
    expect(v4.except).toEqual([...PRIVATE_RANGES_V4, "203.0.113.0/24"]);
    expect(v4.except).toEqual(expect.arrayContaining(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"]));
    expect(v6.except).toEqual([...PRIVATE_RANGES_V6, "2a02:8108:1234::/48"]);
  });
});
