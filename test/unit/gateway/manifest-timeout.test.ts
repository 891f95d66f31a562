import { afterEach, describe, expect, it } from "vitest";
import { LEASE_CLOSED_MANIFEST_TIMEOUT, MANIFEST_TIMEOUT_MS } from "../../../main/gateway";
import { call, tokenManager } from "./fakes";
import { startHarness, type Harness } from "./gateway-setup";

let h: Harness | undefined;
afterEach(async () => h?.gateway.close());

describe("manifest timeout", () => {
  it("closes the bid with manifest_timeout (10003) when no manifest arrives within 5 minutes", async () => {
    h = await startHarness();
    h.gateway.timeouts.leaseWon(h.lease);
    h.time.advance(MANIFEST_TIMEOUT_MS - 1);
    expect(h.closed).toEqual([]);
    h.time.advance(1);
    await Promise.resolve();
    expect(h.closed).toEqual([{ lease: h.lease, reason: LEASE_CLOSED_MANIFEST_TIMEOUT }]);
    expect(LEASE_CLOSED_MANIFEST_TIMEOUT).toBe(10003);
  });

  it("does not close a lease whose manifest was accepted in time, nor after a refused one", async () => {
    h = await startHarness();
    h.gateway.timeouts.leaseWon(h.lease);
    const [account] = await h.tenant.getAccounts();
    const now = Math.floor(h.time.now() / 1000);
    const t = await tokenManager(h.tenant).generateToken({ version: "v1", iss: account!.address, iat: now, nbf: now, exp: now + 600 });
    const bad = await call(h.gateway.port, "PUT", "/deployment/4242/manifest", { ca: h.ca, headers: { authorization: `Bearer ${t}` }, body: "[]" });
    expect(bad.status).toBe(422);
    expect(h.gateway.timeouts.waiting()).toEqual([h.lease]);
    h.time.advance(60_000);
    const good = await call(h.gateway.port, "PUT", "/deployment/4242/manifest", { ca: h.ca, headers: { authorization: `Bearer ${t}` }, body: h.manifestBody });
    expect(good.status).toBe(200);
    h.time.advance(MANIFEST_TIMEOUT_MS);
    expect(h.closed).toEqual([]);
  });
});

describe("rate limits", () => {
  it("answers 429 once a client spends its burst, and recovers with time", async () => {
    h = await startHarness({ burst: 3, perSecond: 1 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await call(h.gateway.port, "GET", "/address", { ca: h.ca })).status);
    expect(codes).toEqual([200, 200, 200, 429]);
    h.time.advance(1000);
    expect((await call(h.gateway.port, "GET", "/address", { ca: h.ca })).status).toBe(200);
  });
});
