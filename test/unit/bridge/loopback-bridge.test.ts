import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { isLoopbackHostHeader, MAX_BODY_BYTES, startBridge, type Bridge } from "../../../main/bridge/loopback-bridge";
import { CONTENT_SECURITY_POLICY } from "../../../main/static-files";
import { newTestApp } from "../../contract/transports";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

let bridge: Bridge;
let cleanup: () => Promise<void>;
let rendererDir: string;

beforeEach(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), "apd-renderer-"));
  writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>t</title>");
  mkdirSync(join(rendererDir, "assets"));
  writeFileSync(join(rendererDir, "assets", "app.js"), "console.log(1)");
  const test = newTestApp();
  cleanup = test.cleanup;
  bridge = await startBridge({ app: test.app, rendererDir });
});

afterEach(async () => {
  await bridge.close();
  await cleanup();
  rmSync(rendererDir, { recursive: true, force: true });
});

const auth = () => ({ Authorization: `Bearer ${bridge.token}` });

describe("loopback bridge: calls", () => {
  it("answers a call with the envelope when the token is right", async () => {
    const reply = await http(bridge.port, "/api/call/settings.get", { method: "POST", headers: auth() });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { network: "local", startAtLogin: false, closeToTray: true } });
  });

  it("gives 401 for a missing or wrong token", async () => {
    expect((await http(bridge.port, "/api/call/settings.get", { method: "POST" })).status).toBe(401);
    const wrong = await http(bridge.port, "/api/call/settings.get", { method: "POST", headers: { Authorization: `Bearer ${bridge.token.slice(1)}x` } });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
  });

  it("gives 403 for a foreign Host header (DNS rebinding), even with the token", async () => {
    for (const host of ["evil.example", "127.0.0.1.evil.example", "attacker.com:80"]) {
      const reply = await http(bridge.port, "/api/call/settings.get", { method: "POST", headers: { ...auth(), Host: host } });
      expect(reply.status, host).toBe(403);
    }
    for (const host of [`localhost:${bridge.port}`, `127.0.0.1:${bridge.port}`, "[::1]:9999"]) {
      const reply = await http(bridge.port, "/api/call/settings.get", { method: "POST", headers: { ...auth(), Host: host } });
      expect(reply.status, host).toBe(200);
    }
  });

  it("gives 413 for an oversized body and keeps serving", async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 10, 0x61);
    const reply = await http(bridge.port, "/api/call/settings.update", { method: "POST", headers: auth(), body: big });
    expect(reply.status).toBe(413);
    expect((await http(bridge.port, "/api/call/app.info", { method: "POST", headers: auth() })).status).toBe(200);
  });

  it("gives 400 for malformed JSON and a coded envelope for unknown methods", async () => {
    const bad = await http(bridge.port, "/api/call/settings.update", { method: "POST", headers: auth(), body: "{network:" });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    const unknown = await http(bridge.port, "/api/call/wallet.stealKeys", { method: "POST", headers: auth() });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: "UNKNOWN_METHOD" } });
  });

  it("loses nothing on bad input: an invalid update leaves settings as they were", async () => {
    await http(bridge.port, "/api/call/settings.update", { method: "POST", headers: auth(), body: JSON.stringify({ network: "sandbox-2" }) });
    const bad = await http(bridge.port, "/api/call/settings.update", { method: "POST", headers: auth(), body: JSON.stringify({ network: "sandbox-2", closeToTray: "yes" }) });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    const now = await http(bridge.port, "/api/call/settings.get", { method: "POST", headers: auth() });
    expect(JSON.parse(now.body).value).toEqual({ network: "sandbox-2", startAtLogin: false, closeToTray: true });
  });

  it("survives a burst of garbage requests (fuzz)", async () => {
    const bodies = ["", "null", "[]", "0", '"x"', "{", "\u0000\u0001", JSON.stringify({ a: "b".repeat(5000) }), "true"];
    const paths = ["/api/call/", "/api/call/settings.update", "/api/call/%E0%A4%A", "/api/x", "/api/call/a/b"];
    for (const path of paths) {
      for (const body of bodies) {
        const reply = await http(bridge.port, path, { method: "POST", headers: auth(), body });
        expect(reply.status).toBeGreaterThanOrEqual(200);
        expect(reply.status).toBeLessThan(500);
      }
    }
    expect((await http(bridge.port, "/api/call/app.info", { method: "POST", headers: auth() })).status).toBe(200);
  });
});

describe("loopback bridge: static files", () => {
  it("serves the renderer with the strict CSP, and the SPA index for routes", async () => {
    const index = await http(bridge.port, "/");
    expect(index.status).toBe(200);
    expect(index.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect((await http(bridge.port, "/dashboard")).body).toContain("<title>t</title>");
    const js = await http(bridge.port, "/assets/app.js");
    expect(js.headers["content-type"]).toMatch(/javascript/);
  });

  it("never serves files outside the renderer dir", async () => {
    for (const path of ["/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fx.js", "/..%5c..%5cx.js", "/a%00.js", "/assets/missing.js"]) {
      expect((await http(bridge.port, path)).status, path).toBe(404);
    }
  });

  it("refuses foreign Host headers for pages too", async () => {
    expect((await http(bridge.port, "/", { headers: { Host: "rebind.example:80" } })).status).toBe(403);
  });
});

describe("loopback bridge: events", () => {
  function connect(protocols: string[], headers: Record<string, string> = {}): Promise<{ ws: WebSocket; status?: number }> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/api/events`, protocols, { headers });
      ws.on("open", () => resolve({ ws }));
      ws.on("unexpected-response", (_req, res) => resolve({ ws, status: res.statusCode }));
      ws.on("error", () => {});
    });
  }

  it("streams events to a socket holding the token", async () => {
    const { ws } = await connect(["provider-events", `bearer.${bridge.token}`]);
    const frame = new Promise<string>((resolve) => ws.once("message", (d) => resolve(String(d))));
    await http(bridge.port, "/api/call/settings.update", { method: "POST", headers: auth(), body: JSON.stringify({ startAtLogin: true }) });
    expect(JSON.parse(await frame)).toEqual({ event: "settings.changed", payload: { network: "local", startAtLogin: true, closeToTray: true } });
    ws.close();
  });

  it("refuses sockets without the token, from foreign origins, or with a foreign Host", async () => {
    expect((await connect(["provider-events"])).status).toBe(401);
    expect((await connect(["provider-events", "bearer.wrong"])).status).toBe(401);
    expect((await connect(["provider-events", `bearer.${bridge.token}`], { Origin: "https://evil.example" })).status).toBe(403);
    expect((await connect(["provider-events", `bearer.${bridge.token}`], { Host: "evil.example" })).status).toBe(403);
  });
});

describe("isLoopbackHostHeader", () => {
  it.each([
    ["127.0.0.1:80", true],
    ["localhost", true],
    ["LOCALHOST:3000", true],
    ["[::1]:1", true],
    ["127.0.0.2", false],
    ["localhost.evil.com", false],
    ["[::2]:1", false],
    [undefined, false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHostHeader(host)).toBe(expected);
  });
});
