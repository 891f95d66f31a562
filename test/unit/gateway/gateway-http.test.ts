import { CertificateManager } from "@akashnetwork/chain-sdk";
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, tokenManager } from "./fakes";
import { PROVIDER, startHarness, type Harness } from "./gateway-setup";

let h: Harness;
const now = () => Math.floor(h.time.now() / 1000);

async function token(wallet = h.tenant, leases?: unknown, iss?: string): Promise<string> {
  const [account] = await wallet.getAccounts();
  return tokenManager(wallet).generateToken({ version: "v1", iss: iss ?? account!.address, iat: now(), nbf: now(), exp: now() + 600, leases: leases as never });
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const put = (headers: Record<string, string>, body = h.manifestBody, extra: object = {}) => call(h.gateway.port, "PUT", "/deployment/4242/manifest", { ca: h.ca, headers, body, ...extra });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.gateway.close();
});

describe("unauthenticated routes over TLS 1.3", () => {
  it("GET /version, /address, /status answer provider-services' shapes", async () => {
    const address = await call(h.gateway.port, "GET", "/address", { ca: h.ca });
    expect(address.protocol).toBe("TLSv1.3");
    expect(JSON.parse(address.body)).toEqual({ address: PROVIDER });
    expect(JSON.parse((await call(h.gateway.port, "GET", "/version", { ca: h.ca })).body).akash.version).toBe("0.1.0");
    expect(JSON.parse((await call(h.gateway.port, "GET", "/status", { ca: h.ca })).body)).toMatchObject({ cluster: { leases: 1 }, address: PROVIDER });
  });

  it("answers unknown paths 404 and wrong methods 405", async () => {
    expect((await call(h.gateway.port, "GET", "/nope", { ca: h.ca })).status).toBe(404);
    expect((await call(h.gateway.port, "POST", "/status", { ca: h.ca })).status).toBe(405);
    expect((await call(h.gateway.port, "GET", "/lease/1/99999999999/1/status", { ca: h.ca })).status).toBe(400);
  });
});

describe("JWT tenants (chain-sdk JwtTokenManager)", () => {
  it("refuses a manifest without credentials (401)", async () => {
    expect((await put({})).status).toBe(401);
  });

  it("refuses a wrong hash (422) and deploys nothing", async () => {
    const tampered = JSON.parse(h.manifestBody);
    tampered[0].services[0].image = "evil:latest";
    const reply = await put(bearer(await token()), JSON.stringify(tampered));
    expect(reply.status).toBe(422);
    expect(reply.body).toMatch(/hash/);
    expect(h.cluster.deployed).toHaveLength(0);
  });

  it("refuses an oversized body (413)", async () => {
    const reply = await put(bearer(await token()), "x".repeat(1024 * 1024 + 10));
    expect(reply.status).toBe(413);
  });

  it("refuses another tenant: their deployment is not found (404)", async () => {
    const reply = await put(bearer(await token(h.other)));
    expect(reply.status).toBe(404);
    expect(h.cluster.deployed).toHaveLength(0);
  });

  it("refuses a token whose scope lacks send-manifest (403)", async () => {
    const reply = await put(bearer(await token(h.tenant, { access: "scoped", scope: ["status"] })));
    expect(reply.status).toBe(403);
  });

  it("refuses a granular token for another provider (403) or another dseq (403)", async () => {
    const elsewhere = { access: "granular", permissions: [{ provider: "akash1365yvmc4s7awdyj3n2sav7xfx76adc6dnmlx63", access: "full" }] };
    expect((await put(bearer(await token(h.tenant, elsewhere)))).status).toBe(403);
    const otherDseq = { access: "granular", permissions: [{ provider: PROVIDER, access: "granular", deployments: [{ dseq: 1, scope: ["send-manifest"], services: ["web"] }] }] };
    expect((await put(bearer(await token(h.tenant, otherDseq)))).status).toBe(403);
  });

  it("refuses forged and expired tokens (401)", async () => {
    const good = await token();
    const [hd, payload, sig] = good.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    claims.exp += 10_000;
    const forged = `${hd}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${sig}`;
    expect((await put(bearer(forged))).status).toBe(401);
    // Signed by the other wallet but claiming to be the tenant.
    const otherKey = await token(h.other, undefined, undefined);
    const [, otherPayload, otherSig] = otherKey.split(".");
    const impersonation = `${hd}.${payload}.${otherSig}`;
    expect((await put(bearer(impersonation))).status).toBe(401);
    expect(otherPayload).not.toBe(payload);
    expect((await put(bearer("a.b"))).status).toBe(401);
    expect((await put({ authorization: "Basic abc" })).status).toBe(401);
    h.time.advance(601_000);
    const reply = await put(bearer(good));
    h.time.nowMs -= 601_000;
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/expired/);
  });

  it("accepts the official manifest, deploys it, and serves status and manifest back", async () => {
    const t = await token();
    const reply = await put(bearer(t));
    expect(reply.status).toBe(200);
    expect(h.cluster.deployed.map((d) => d.lease)).toEqual([h.lease]);
    const status = await call(h.gateway.port, "GET", "/lease/4242/1/1/status", { ca: h.ca, headers: bearer(t) });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body).services.web).toMatchObject({ available: 2, total: 2 });
    const manifest = await call(h.gateway.port, "GET", "/lease/4242/1/1/manifest", { ca: h.ca, headers: bearer(t) });
    expect(JSON.parse(manifest.body)).toEqual(JSON.parse(h.manifestBody)[0]);
    const service = await call(h.gateway.port, "GET", "/lease/4242/1/1/service/web/status", { ca: h.ca, headers: bearer(t) });
    expect(JSON.parse(service.body).name).toBe("web");
    expect((await call(h.gateway.port, "GET", "/lease/4242/1/1/service/nope/status", { ca: h.ca, headers: bearer(t) })).status).toBe(404);
  });

  it("answers an unknown lease 404 and another tenant's lease 404", async () => {
    expect((await call(h.gateway.port, "GET", "/lease/4242/2/1/status", { ca: h.ca, headers: bearer(await token()) })).status).toBe(404);
    expect((await call(h.gateway.port, "GET", "/lease/4242/1/1/status", { ca: h.ca, headers: bearer(await token(h.other)) })).status).toBe(404);
  });
});

describe("mTLS tenants (chain-sdk CertificateManager)", () => {
  async function clientCert(options?: { validFrom?: Date; validTo?: Date }, publish: "valid" | "revoked" | null = "valid") {
    const validity = options ?? { validFrom: new Date(h.time.now() - 60_000), validTo: new Date(h.time.now() + 86_400_000) };
    const pem = await new CertificateManager().generatePEM(h.tenantAddress, validity);
    const x = new X509Certificate(pem.cert);
    if (publish) h.chain.certs.set(`${h.tenantAddress}/${BigInt(`0x${x.serialNumber}`).toString(10)}`, { state: publish, certPem: pem.cert });
    return { cert: pem.cert, key: pem.privateKey };
  }

  it("accepts a published, valid client certificate", async () => {
    const reply = await put({}, h.manifestBody, await clientCert());
    expect(reply.status).toBe(200);
    const status = await call(h.gateway.port, "GET", "/lease/4242/1/1/status", { ca: h.ca, ...(await clientCert()) });
    expect(status.status).toBe(200);
  });

  it("refuses unpublished, revoked and expired certificates (401)", async () => {
    expect((await put({}, h.manifestBody, await clientCert(undefined, null))).status).toBe(401);
    expect((await put({}, h.manifestBody, await clientCert(undefined, "revoked"))).body).toMatch(/revoked/);
    const start = new Date(h.time.now() - 3 * 86_400_000);
    const expired = await clientCert({ validFrom: start, validTo: new Date(h.time.now() - 86_400_000) });
    expect((await put({}, h.manifestBody, expired)).body).toMatch(/expired/);
  });
});

describe("HTTP fuzz", () => {
  it("random paths, methods and auth headers get a 4xx, never a 500 or a hang", async () => {
    let seed = 99;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const segments = ["lease", "deployment", "4242", "1", "0", "-1", "99999999999999999999999", "status", "manifest", "logs", "service", "web", "%00", "..", "x".repeat(300)];
    const statuses = new Set<number>();
    for (let i = 0; i < 120; i++) {
      const path = "/" + Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(segments)).join("/");
      const method = pick(["GET", "PUT", "POST", "DELETE"]);
      const headers: Record<string, string> = rand() < 0.5 ? { authorization: pick(["Bearer x.y.z", "Bearer ", "Bearer a.b.c.d", "Basic Zm9v", `Bearer ${"A".repeat(20000)}`]) } : {};
      const reply = await call(h.gateway.port, method, path, { ca: h.ca, headers, body: method === "PUT" ? "{" : undefined });
      statuses.add(reply.status);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    }
    expect(statuses.size).toBeGreaterThan(1);
  });
});
