import { createProviderSDK } from "@akashnetwork/chain-sdk";
import { connect } from "node:http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStatusRpc, type RunningStatusRpc } from "../../../main/gateway/grpc/status-rpc";
import { generateProviderCertificate } from "../../../main/provider/provider-certificate";
import { FakeTime } from "./fakes";

const time = new FakeTime();
let rpc: RunningStatusRpc;
let leases = 2;
let ca = "";

beforeAll(async () => {
  const cert = await generateProviderCertificate({ owner: "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf", host: { host: "localhost", isIp: false }, now: new Date(Date.now() - 60_000) });
  ca = cert.certPem;
  rpc = await startStatusRpc({
    tls: { certPem: cert.certPem, keyPem: cert.privateKeyPem },
    host: "127.0.0.1",
    port: 0,
    timers: time,
    streamIntervalMs: 5000,
    status: async () => ({
      errors: [],
      cluster: { leases: { active: leases }, inventory: { reservations: { pending: { count: 1 }, active: { count: leases } } } },
      bidEngine: { orders: 3 },
      manifest: { deployments: leases },
      publicHostnames: ["rig.example.com"],
      timestamp: new Date(time.now()),
    }),
  });
});
afterAll(() => rpc.close());

describe("akash.provider.v1.ProviderRPC on :8444 (chain-sdk createProviderSDK as the client)", () => {
  const sdk = () => createProviderSDK({ baseUrl: `https://localhost:${rpc.port}` });

  it("GetStatus returns the provider's status", async () => {
    const status = await sdk().akash.provider.v1.getStatus({});
    expect(status.cluster?.leases?.active).toBe(2);
    expect(status.bidEngine?.orders).toBe(3);
    expect(status.publicHostnames).toEqual(["rig.example.com"]);
  });

  it("StreamStatus pushes a fresh status on each interval of the injected clock", async () => {
    const seen: number[] = [];
    const controller = new AbortController();
    const stream = await sdk().akash.provider.v1.streamStatus({}, { signal: controller.signal });
    for await (const status of stream) {
      seen.push(status.cluster?.leases?.active ?? -1);
      if (seen.length === 2) break;
      leases = 5;
      time.advance(5000);
    }
    controller.abort();
    expect(seen).toEqual([2, 5]);
  });

  it("answers UNIMPLEMENTED for BidScreening and junk requests with a gRPC error", async () => {
    await expect(sdk().akash.provider.v1.bidScreening({} as never)).rejects.toThrow(/not implemented|unimplemented/i);
    const session = connect(`https://localhost:${rpc.port}`, { ca });
    const trailers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = session.request({ ":method": "POST", ":path": "/akash.provider.v1.ProviderRPC/GetStatus", "content-type": "application/grpc" });
      req.on("response", (headers) => resolve(headers as Record<string, unknown>));
      req.on("error", reject);
      req.end(Buffer.from([1, 0, 0, 0, 1, 7]));
    });
    session.close();
    expect(trailers["grpc-status"]).toBe("3");
  });
});
