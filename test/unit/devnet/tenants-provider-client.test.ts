import { X509Certificate } from "node:crypto";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callProvider, checkServerCertificate, resolveProvider, ProviderUnreachable, type ProviderEndpoint } from "../../../main/devnet/tenants/provider-client";
import { generateProviderCertificate, type ProviderCertificate } from "../../../main/provider/provider-certificate";
import { testDevnet, actor, submit, expectOk } from "./harness";
import { QueryClient } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";

// Tenants trust a provider's gateway only through the chain: its certificate must be the one the
// provider published (serial valid on chain, same bytes, CN = its address, valid now), and only
// host URIs on this machine are ever dialled.

const PROVIDER = "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf";
let server: Server;
let port: number;
let served: ProviderCertificate;
let other: ProviderCertificate;
let hits = 0;
const serial = (pem: string) => BigInt(`0x${new X509Certificate(pem).serialNumber}`).toString(10);

beforeAll(async () => {
  served = await generateProviderCertificate({ owner: PROVIDER, host: { host: "localhost", isIp: false }, now: new Date(Date.now() - 60_000) });
  other = await generateProviderCertificate({ owner: PROVIDER, host: { host: "localhost", isIp: false }, now: new Date(Date.now() - 30_000) });
  server = createServer({ cert: served.certPem, key: served.privateKeyPem, minVersion: "TLSv1.3" }, (req, res) => {
    hits++;
    res.end(JSON.stringify({ auth: req.headers.authorization ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const endpoint = (certs: [string, string][]): ProviderEndpoint => ({ host: "127.0.0.1", port, certs: new Map(certs) });

describe("the tenant's provider client", () => {
  it("talks to a gateway presenting the provider's published certificate", async () => {
    const reply = await callProvider(PROVIDER, endpoint([[serial(served.certPem), served.certPem]]), "GET", "/status", { authorization: "Bearer t" });
    expect(reply).toEqual({ status: 200, body: JSON.stringify({ auth: "Bearer t" }) });
  });

  it("refuses a certificate that is not on chain, before sending anything", async () => {
    const before = hits;
    await expect(callProvider(PROVIDER, endpoint([[serial(other.certPem), other.certPem]]), "PUT", "/deployment/1/manifest", { authorization: "Bearer secret" }, "[]")).rejects.toThrow(/self-signed|not published/);
    expect(hits).toBe(before);
  });

  it("checks serial, bytes, CN and validity", () => {
    const peer = new X509Certificate(served.certPem);
    const ok = endpoint([[serial(served.certPem), served.certPem]]);
    expect(() => checkServerCertificate(peer, PROVIDER, ok, Date.now())).not.toThrow();
    expect(() => checkServerCertificate(peer, PROVIDER, endpoint([[serial(served.certPem), other.certPem]]), Date.now())).toThrow(/differs/);
    expect(() => checkServerCertificate(peer, PROVIDER, endpoint([]), Date.now())).toThrow(/not published/);
    expect(() => checkServerCertificate(peer, "akash1someoneelse", ok, Date.now())).toThrow(/address/);
    expect(() => checkServerCertificate(peer, PROVIDER, ok, Date.now() + 10 * 365 * 86_400_000)).toThrow(/not valid now/);
    expect(() => checkServerCertificate(undefined, PROVIDER, ok, Date.now())).toThrow(/no certificate/);
  });

  it("resolves only loopback host URIs, and only with a valid certificate on chain", async () => {
    const devnet = await testDevnet();
    const comet = await Comet38Client.connect(devnet.rpcUrl);
    try {
      const query = new QueryClient(comet);
      const far = await actor(devnet, "far-provider");
      expectOk(await submit(devnet, far, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: far.address, hostUri: "https://provider.example.com:8443", attributes: [{ key: "host", value: "akash" }], info: { email: "", website: "" } } }]));
      await expect(resolveProvider(query, far.address)).rejects.toBeInstanceOf(ProviderUnreachable);
      const near = await actor(devnet, "near-provider");
      expectOk(await submit(devnet, near, [{ typeUrl: "/akash.provider.v1beta4.MsgCreateProvider", value: { owner: near.address, hostUri: `https://localhost:${port}`, attributes: [{ key: "host", value: "akash" }], info: { email: "", website: "" } } }]));
      await expect(resolveProvider(query, near.address)).rejects.toThrow(/no valid certificate/);
      const cert = await generateProviderCertificate({ owner: near.address, host: { host: "localhost", isIp: false }, now: new Date() });
      expectOk(await submit(devnet, near, [{ typeUrl: "/akash.cert.v1.MsgCreateCertificate", value: { owner: near.address, cert: new TextEncoder().encode(cert.certPem), pubkey: new TextEncoder().encode(cert.pubkeyPem) } }]));
      const resolved = await resolveProvider(query, near.address);
      expect(resolved).toMatchObject({ host: "localhost", port });
      expect([...resolved.certs.keys()]).toEqual([cert.serial]);
      await expect(resolveProvider(query, "akash1q7spv2cw06yszgfp4f9ed59lkka6ytn8g4tkjf")).rejects.toThrow();
    } finally {
      comet.disconnect();
      await devnet.stop();
    }
  });
});
