import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Manifest } from "../../../../common/gateway-schemas";
import { DEFAULT_BUILDER_SETTINGS } from "../../../../main/cluster/builder";
import { connectKube, kubeGatewayCluster, LeaseDeployer } from "../../../../main/cluster/deploy";
import type { GatewayClusterPort, KubeEvent, LogLine } from "../../../../main/gateway";
import { generateProviderCertificate } from "../../../../main/provider/provider-certificate";
import { FakeKubeApi } from "./fake-kube-api";
import { sharedPath } from "../../../support/shared";

const lease = { owner: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", dseq: "90", gseq: 1, oseq: 1, provider: "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf" };
let kube: FakeKubeApi;
let cluster: GatewayClusterPort;

beforeAll(async () => {
  kube = new FakeKubeApi();
  const cert = await generateProviderCertificate({ owner: "k3s", host: { host: "127.0.0.1", isIp: true }, now: new Date(Date.now() - 60_000) });
  const server = await kube.start({ certPem: cert.certPem, keyPem: cert.privateKeyPem });
  const connection = await connectKube({ server, token: "t", caPem: cert.certPem });
  cluster = kubeGatewayCluster(connection, new LeaseDeployer(connection.objects, DEFAULT_BUILDER_SETTINGS));
  const [group] = Manifest.parse(JSON.parse(readFileSync(sharedPath("fixtures/sdl/v2.0/multiple-services/manifest.json"), "utf8")));
  await cluster.deploy(lease, group!);
});
afterAll(() => kube.stop());

describe("logs, events and exec from the Kubernetes API", () => {
  it("reads the tail of each selected service's pods as lines", async () => {
    const lines: LogLine[] = [];
    await new Promise<void>((resolve, reject) => {
      void cluster.logs(lease, { follow: false, tail: 1, services: ["web"] }, (l) => lines.push(l), (e) => (e ? reject(e) : resolve()));
    });
    expect(lines).toEqual([
      { name: "web-0", message: "web-0 ready" },
      { name: "web-1", message: "web-1 ready" },
    ]);
    expect(kube.requests.some((r) => r.path.includes("tailLines=1"))).toBe(true);
  });

  it("lists events, and follows them through a watch until closed", async () => {
    const events: KubeEvent[] = [];
    await new Promise<void>((resolve, reject) => void cluster.events(lease, { follow: false }, (e) => events.push(e), (e) => (e ? reject(e) : resolve())));
    expect(events.length).toBe(6);
    expect(events[0]).toMatchObject({ reason: "Scheduled", reportingController: "default-scheduler", lease_id: lease });
    const followed: KubeEvent[] = [];
    const handle = await cluster.events(lease, { follow: true }, (e) => followed.push(e), () => {});
    for (let i = 0; i < 100 && followed.length < 6; i++) await new Promise((r) => setTimeout(r, 10));
    handle.close();
    expect(followed.length).toBe(6);
  });

  it("runs a command in a pod with stdin, and reports the exit code", async () => {
    const out: string[] = [];
    const result = new Promise<{ exitCode: number; message: string }>((resolve, reject) => {
      cluster
        .exec(lease, { service: "api", podIndex: 1, command: ["cat", "-"], tty: false, stdin: true }, { stdout: (d) => out.push(`1:${Buffer.from(d)}`), stderr: (d) => out.push(`2:${Buffer.from(d)}`), done: resolve })
        .then((session) => session.stdin(Buffer.from("hello")), reject);
    });
    expect(await result).toEqual({ exitCode: 3, message: "command terminated with non-zero exit code: 3" });
    expect(out).toEqual(["1:ran cat -", "2:got stdin"]);
    expect(kube.stdin).toEqual(["hello"]);
    expect(kube.requests.find((r) => r.method === "EXEC")?.path).toContain("/pods/api-1/exec");
    await expect(cluster.exec(lease, { service: "api", podIndex: 9, command: ["sh"], tty: false, stdin: false }, { stdout: () => {}, stderr: () => {}, done: () => {} })).rejects.toThrow(/no pod 9/);
  });
});
