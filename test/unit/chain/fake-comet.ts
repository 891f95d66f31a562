import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// A minimal CometBFT JSON-RPC server on 127.0.0.1 for tests: `status` plus whatever handlers a test
// adds, and switches to stall, slow down, break or kill it mid-test.

export type RpcHandler = (params: Record<string, unknown>) => unknown;

export interface FakeComet {
  url: string;
  port: number;
  chainId: string;
  height: number;
  calls: { method: string; params: Record<string, unknown> }[];
  handlers: Map<string, RpcHandler>;
  mode: "ok" | "stall" | "http500" | "garbage";
  delayMs: number;
  catchingUp: boolean;
  kill(): Promise<void>;
  close(): Promise<void>;
}

/** A handler returning this leaves the request unanswered (a stalled node). */
export const STALL = Symbol("stall");

export class RpcHandlerError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: string,
  ) {
    super(message);
  }
}

export async function startFakeComet(options: { chainId?: string; height?: number } = {}): Promise<FakeComet> {
  const sockets = new Set<Socket>();
  const stalled = new Set<ServerResponse>();
  const fake: FakeComet = {
    url: "",
    port: 0,
    chainId: options.chainId ?? "akash-local-1",
    height: options.height ?? 100,
    calls: [],
    handlers: new Map(),
    mode: "ok",
    delayMs: 0,
    catchingUp: false,
    kill: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    close: async () => {
      for (const res of stalled) res.destroy();
      await fake.kill().catch(() => {});
    },
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: { id?: unknown; method?: string; params?: Record<string, unknown> };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400).end("bad json");
        return;
      }
      const method = String(body.method);
      const params = body.params ?? {};
      fake.calls.push({ method, params });
      if (fake.mode === "stall") {
        stalled.add(res);
        return;
      }
      if (fake.mode === "http500") {
        res.writeHead(502, { "content-type": "text/html" }).end("<html>bad gateway</html>");
        return;
      }
      if (fake.mode === "garbage") {
        res.writeHead(200, { "content-type": "application/json" }).end('{"jsonrpc":"2.0","id":');
        return;
      }
      const reply = () => {
        let payload: unknown;
        try {
          const result = answer(method, params);
          if (result === STALL) {
            stalled.add(res);
            return;
          }
          payload = { jsonrpc: "2.0", id: body.id, result };
        } catch (error) {
          const e = error as RpcHandlerError;
          payload = { jsonrpc: "2.0", id: body.id, error: { code: e.code ?? -32603, message: e.message, data: e.data } };
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(payload));
      };
      if (fake.delayMs > 0) setTimeout(reply, fake.delayMs);
      else reply();
    });
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  function answer(method: string, params: Record<string, unknown>): unknown {
    const custom = fake.handlers.get(method);
    if (custom) return custom(params);
    if (method === "status") {
      return {
        node_info: { network: fake.chainId, version: "0.38.17" },
        sync_info: { latest_block_height: String(fake.height), latest_block_time: "2026-11-21T22:00:00Z", catching_up: fake.catchingUp },
      };
    }
    throw new RpcHandlerError(-32601, "Method not found", method);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  fake.port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${fake.port}`;
  return fake;
}
