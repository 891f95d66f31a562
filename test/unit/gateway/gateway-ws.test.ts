import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { SHELL_RESULT, SHELL_STDERR, SHELL_STDIN, SHELL_STDOUT } from "../../../main/gateway";
import { call, tokenManager } from "./fakes";
import { startHarness, type Harness } from "./gateway-setup";

let h: Harness;

async function token(wallet = h.tenant, leases?: unknown): Promise<string> {
  const [account] = await wallet.getAccounts();
  const now = Math.floor(h.time.now() / 1000);
  return tokenManager(wallet).generateToken({ version: "v1", iss: account!.address, iat: now, nbf: now, exp: now + 600, leases: leases as never });
}

function open(path: string, t: string): Promise<{ ws: WebSocket; messages: { data: Buffer; binary: boolean }[]; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`wss://localhost:${h.gateway.port}${path}`, { ca: h.ca, headers: { authorization: `Bearer ${t}` } });
    const messages: { data: Buffer; binary: boolean }[] = [];
    ws.on("message", (data: Buffer, binary: boolean) => messages.push({ data, binary }));
    const closed = new Promise<number>((r) => ws.on("close", (code) => r(code)));
    ws.on("open", () => resolve({ ws, messages, closed }));
    ws.on("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on("error", reject);
  });
}

beforeAll(async () => {
  h = await startHarness();
  const [account] = await h.tenant.getAccounts();
  const t = await tokenManager(h.tenant).generateToken({ version: "v1", iss: account!.address, iat: Math.floor(h.time.now() / 1000), nbf: Math.floor(h.time.now() / 1000), exp: Math.floor(h.time.now() / 1000) + 600 });
  const reply = await call(h.gateway.port, "PUT", "/deployment/4242/manifest", { ca: h.ca, headers: { authorization: `Bearer ${t}` }, body: h.manifestBody });
  expect(reply.status).toBe(200);
});
afterAll(async () => {
  await h.gateway.close();
});

describe("WebSocket routes", () => {
  it("streams logs as JSON lines honouring tail, then closes when not following", async () => {
    const { messages, closed } = await open("/lease/4242/1/1/logs?follow=false&tail=2&service=web", await token());
    expect(await closed).toBe(1000);
    expect(messages.map((m) => JSON.parse(m.data.toString()))).toEqual([
      { name: "web-0", message: "two" },
      { name: "web-0", message: "three" },
    ]);
  });

  it("streams kube events", async () => {
    const { messages, closed } = await open("/lease/4242/1/1/kubeevents", await token());
    await closed;
    expect(JSON.parse(messages[0]!.data.toString())).toMatchObject({ reason: "Pulled", lease_id: h.lease });
  });

  it("runs a shell with provider-services' binary framing (stdout, stdin, stderr, result)", async () => {
    const { ws, messages, closed } = await open("/lease/4242/1/1/shell?cmd0=echo&cmd1=hi&service=web&podIndex=0&stdin=true", await token());
    await new Promise((r) => setTimeout(r, 50));
    ws.send(Buffer.concat([Buffer.from([SHELL_STDIN]), Buffer.from("input")]));
    await closed;
    expect(messages.map((m) => m.data[0])).toEqual([SHELL_STDOUT, SHELL_STDERR, SHELL_RESULT]);
    expect(messages[0]!.data.subarray(1).toString()).toBe("ran echo hi");
    expect(JSON.parse(messages[2]!.data.subarray(1).toString())).toEqual({ exit_code: 3, message: "" });
    expect(h.cluster.stdin).toEqual(["input"]);
  });

  it("refuses upgrades without the right scope (403), for other tenants (404) and unauthenticated (401)", async () => {
    await expect(open("/lease/4242/1/1/shell?cmd0=sh&service=web", await token(h.tenant, { access: "scoped", scope: ["logs"] }))).rejects.toThrow("HTTP 403");
    await expect(open("/lease/4242/1/1/logs", await token(h.other))).rejects.toThrow("HTTP 404");
    await expect(open("/lease/4242/1/1/logs", "garbage")).rejects.toThrow("HTTP 401");
    await expect(open("/lease/4242/1/1/status", await token())).rejects.toThrow("HTTP 404");
  });
});
