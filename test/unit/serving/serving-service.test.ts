import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { MemoryManifestStore } from "../../../main/gateway";
import { generateProviderCertificate } from "../../../main/provider/provider-certificate";
import { ServingService, type ServingDeps } from "../../../main/serving";
import { FakeChain, FakeTime } from "../gateway/fakes";

// When the gateway may run, and what gateway.status says when it may not.

const PROVIDER = "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf";
const running: ServingService[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

function service(over: Partial<ServingDeps>): ServingService {
  const time = new FakeTime();
  const chain = Object.assign(new FakeChain(), { providerLeases: async () => [], lease: async () => null });
  const s = new ServingService({
    provider: () => PROVIDER,
    certificate: async () => null,
    chain,
    queue: () => {
      throw new Error("no queue in this test");
    },
    blocks: () => () => undefined,
    cluster: async () => ({ kind: "unavailable", reason: "k3s is not installed" }),
    manifests: new MemoryManifestStore(),
    info: { status: async () => ({}), version: async () => ({}) },
    validateGroup: () => undefined,
    clock: time,
    timers: time,
    listen: { host: "127.0.0.1", port: 0 },
    ...over,
  });
  running.push(s);
  return s;
}

const cert = async () => {
  const c = await generateProviderCertificate({ owner: PROVIDER, host: { host: "localhost", isIp: false }, now: new Date(Date.now() - 60_000) });
  return { certPem: c.certPem, keyPem: c.privateKeyPem, serial: c.serial };
};

describe("starting the gateway", () => {
  it("stays stopped while the wallet is locked, with the reason", async () => {
    const status = await service({ provider: () => null }).start();
    expect(status).toMatchObject({ state: "stopped", address: null, provider: null });
    expect(status.message).toMatch(/wallet is locked/);
  });

  it("stays stopped without a valid certificate, and says why when the chain cannot be asked", async () => {
    expect((await service({}).start()).message).toMatch(/no valid provider certificate/);
    const down = await service({ certificate: async () => Promise.reject(new Error("all RPC endpoints failed")) }).start();
    expect(down).toMatchObject({ state: "stopped" });
    expect(down.message).toMatch(/could not check the provider certificate.*all RPC endpoints failed/);
  });

  it("listens with the certificate; k3s missing shows in the status; start is idempotent; stop stops", async () => {
    const s = service({ certificate: cert });
    const [a, b] = await Promise.all([s.start(), s.start()]);
    expect(a).toMatchObject({ state: "listening", cluster: { ready: false, message: "k3s is not installed" } });
    expect(b.address).toBe(a.address);
    await s.stop();
    expect(await s.status()).toMatchObject({ state: "stopped", address: null });
  });

  it("reports a port it cannot bind as failed, not as a crash", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const status = await service({ certificate: cert, listen: { host: "127.0.0.1", port } }).start();
      expect(status.state).toBe("failed");
      expect(status.message).toMatch(/could not listen.*EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });

  it("ignores lease-won notices for another provider or before the gateway runs", async () => {
    const s = service({ certificate: cert });
    const lease = { owner: "akash12a3hg0jnap4mksg0quryay3twe0mzafhc44xsx", dseq: "5", gseq: 1, oseq: 1, provider: PROVIDER };
    s.leaseWon(lease);
    await s.start();
    s.leaseWon({ ...lease, provider: "akash1someoneelse" });
    expect((await s.status()).awaitingManifest).toBe(0);
    s.leaseWon(lease);
    s.leaseWon(lease);
    expect((await s.status()).awaitingManifest).toBe(1);
  });
});
