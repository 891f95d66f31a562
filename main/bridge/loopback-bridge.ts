import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import type { App } from "../app";
import { CONTENT_SECURITY_POLICY, mimeType, resolveStaticPath } from "../static-files";

// The same app over HTTP (calls) and WebSocket (events) on loopback. Headless rigs reach it through an
// SSH tunnel; tests drive the real renderer through it. Three locks: it listens on loopback only, every
// API request carries the bearer token, and the Host header must name loopback (DNS rebinding).

export const MAX_BODY_BYTES = 1024 * 1024;
export const EVENTS_PROTOCOL = "provider-events";
export const TOKEN_PROTOCOL_PREFIX = "bearer.";

export interface BridgeOptions {
  app: App;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  readonly port: number;
  readonly token: string;
  /** The dashboard URL, token in the fragment (never sent to a server, never in logs). */
  readonly url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTNAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  return match !== null && LOOPBACK_HOSTNAMES.has(match[1]!);
}

export function tokensEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString("base64url");
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(EVENTS_PROTOCOL) ? EVENTS_PROTOCOL : false),
  });

  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: "INTERNAL", message: "Internal error." } });
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHostHeader(req.headers.host)) return sendText(res, 403, "Forbidden host");
    const path = (req.url ?? "/").split("?")[0]!;
    if (path.startsWith("/api/")) return handleApi(req, res, path);
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Method not allowed");
    return serveStatic(res, path, req.method === "HEAD");
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!tokensEqual(token, bearer(req.headers.authorization))) {
      return send(res, 401, { ok: false, error: { code: "UNAUTHORIZED", message: "Missing or wrong token." } });
    }
    const call = /^\/api\/call\/([^/]+)$/.exec(path);
    if (!call) return send(res, 404, { ok: false, error: { code: "NOT_FOUND", message: "No such API route." } });
    if (req.method !== "POST") return send(res, 405, { ok: false, error: { code: "INVALID_INPUT", message: "Use POST." } });
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === "too-large") {
      res.setHeader("Connection", "close");
      return send(res, 413, { ok: false, error: { code: "INVALID_INPUT", message: `Request body over ${MAX_BODY_BYTES} bytes.` } });
    }
    let input: unknown = undefined;
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString("utf8"));
      } catch {
        return send(res, 400, { ok: false, error: { code: "INVALID_INPUT", message: "Request body is not valid JSON." } });
      }
    }
    let method: string;
    try {
      method = decodeURIComponent(call[1]!);
    } catch {
      method = call[1]!;
    }
    send(res, 200, await options.app.call(method, input === null ? undefined : input));
  }

  async function serveStatic(res: ServerResponse, path: string, headOnly: boolean): Promise<void> {
    const file = resolveStaticPath(options.rendererDir, path);
    if (!file) return sendText(res, 404, "Not found");
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return sendText(res, 404, "Not found");
    }
    res.writeHead(200, {
      "Content-Type": mimeType(file),
      "Content-Length": content.length,
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    });
    res.end(headOnly ? undefined : content);
  }

  server.on("upgrade", (req, socket, head) => {
    const path = (req.url ?? "").split("?")[0];
    const offered = String(req.headers["sec-websocket-protocol"] ?? "")
      .split(",")
      .map((p) => p.trim());
    const given = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
    const reject = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!isLoopbackHostHeader(req.headers.host)) return reject("403 Forbidden");
    // Browsers always send Origin: it must be this same loopback page (cross-site WebSocket hijacking).
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin)) return reject("403 Forbidden");
    if (path !== "/api/events") return reject("404 Not Found");
    if (!tokensEqual(token, given)) return reject("401 Unauthorized");
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
      ws.on("error", () => sockets.delete(ws));
      // The socket is one-way (main → UI); anything a client sends is ignored.
    });
  });

  const stopListening = options.app.events.listen((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    port,
    token,
    url: `http://${urlHost}:${port}/#token=${token}`,
    async close() {
      stopListening();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHostHeader(url.host);
  } catch {
    return false;
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve("too-large");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
